using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ContestPlatform.Web.Votes;

/// <summary>
/// The anti-automation check that needs no outside service: the vote form carries a signed, encrypted
/// timestamp of when it was shown (plus the account it was shown to), and an empty honeypot field. A
/// form posted too fast, too late, for another account, altered, or with the honeypot filled is refused.
/// </summary>
public sealed class VoteFormToken(IDataProtectionProvider protection, TimeProvider time)
{
    public const string FieldName = "t";
    public const string HoneypotName = "website";

    private readonly IDataProtector _protector = protection.CreateProtector("ContestPlatform.Votes.FormToken.v1");

    public string Issue(string userId) =>
        _protector.Protect($"{time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}|{userId}");

    public bool IsValid(string? token, string? honeypot, string userId, VoteOptions options)
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
        var parts = plain.Split('|', 2);
        if (parts.Length != 2 || parts[1] != userId || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks))
            return false;
        var age = time.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
        return age >= TimeSpan.FromSeconds(options.MinFormAgeSeconds) && age <= TimeSpan.FromHours(options.MaxFormAgeHours);
    }
}
