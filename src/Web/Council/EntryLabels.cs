using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContestPlatform.Web.Council;

/// <summary>
/// The anonymous name a judge knows an entry by, e.g. “Công trình #7KQ2MA”. It is the first 30 bits of
/// HMAC-SHA256(round's secret <see cref="JudgingRound.LabelKey"/>, entry id), written in Crockford base 32:
/// stable for a round (bookmarks and talks with the secretariat keep working), different in every round,
/// and impossible to turn back into the entry id or code without the secret. Judges' URLs carry the label,
/// never the entry id; the secretariat sees both side by side.
/// </summary>
public static class EntryLabels
{
    /// <summary>Label length: 6 characters = 2^30 values, so labels inside a round practically never collide.</summary>
    public const int Length = 6;

    // Crockford's alphabet: no I, L, O or U, so a label read aloud or copied by hand is not mistaken.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random secret for a round: 32 bytes as 64 hex characters.</summary>
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The label of <paramref name="entryId"/> in <paramref name="round"/>, e.g. "7KQ2MA".</summary>
    public static string Of(JudgingRound round, int entryId)
    {
        ArgumentNullException.ThrowIfNull(round);
        // A round saved before labels had a key falls back to one derived from its id and creation time;
        // every round made by RoundService has a random key.
        var key = string.IsNullOrEmpty(round.LabelKey)
            ? SHA256.HashData(Encoding.UTF8.GetBytes($"round:{round.Id}:{round.CreatedAt.Ticks}"))
            : Convert.FromHexString(round.LabelKey);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(entryId.ToString(CultureInfo.InvariantCulture)));
        var bits = ((uint)mac[0] << 24) | ((uint)mac[1] << 16) | ((uint)mac[2] << 8) | mac[3];
        var label = new char[Length];
        for (var i = 0; i < Length; i++)
            label[i] = Alphabet[(int)((bits >> (27 - 5 * i)) & 31)];
        return new string(label);
    }

    /// <summary>What pages show: "Công trình #7KQ2MA".</summary>
    public static string Display(string label) => $"Công trình #{label}";

    /// <summary>A label typed in a URL, in any case; null when it cannot be a label at all.</summary>
    public static string? Normalize(string? label)
    {
        if (string.IsNullOrEmpty(label) || label.Length != Length)
            return null;
        var upper = label.ToUpperInvariant();
        return upper.All(c => Alphabet.Contains(c)) ? upper : null;
    }
}
