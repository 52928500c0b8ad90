using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ContestPlatform.Web.Votes;

/// <summary>
/// The anti-automation check that needs no outside service: the vote form carries a signed, encrypted
/// timestamp of when it was shown, bound to the account it was shown to and the entry it is for, and an
/// empty honeypot field. A form posted too fast, too late, by another account, for another entry (one
/// page fetched, its token replayed for every entry), altered, or with the honeypot filled is refused.
/// </summary>
public sealed class VoteFormToken(IDataProtectionProvider protection, TimeProvider time)
{
    public const string FieldName = "t";
    public const string HoneypotName = "website";

    // v2 binds the entry: a v1 token (account and time only) no longer unprotects.
    private readonly IDataProtector _protector = protection.CreateProtector("ContestPlatform.Votes.FormToken.v2");

    public string Issue(string userId, int entryId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow().UtcTicks}|{entryId}|{userId}"));

    public bool IsValid(string? token, string? honeypot, string userId, int entryId, VoteOptions options)
    {
        if (!string.IsNullOrEmpty(honeypot) || string.IsNullOrEmpty(token) || token.Length > 1000)
            return false;
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        // The user id comes last: it is the only part that could contain the separator.
        var parts = plain.Split('|', 3);
        if (parts.Length != 3 || parts[2] != userId
            || parts[1] != entryId.ToString(CultureInfo.InvariantCulture)
            || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks))
            return false;
        var age = time.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
        return age >= TimeSpan.FromSeconds(options.MinFormAgeSeconds) && age <= TimeSpan.FromHours(options.MaxFormAgeHours);
    }
}
