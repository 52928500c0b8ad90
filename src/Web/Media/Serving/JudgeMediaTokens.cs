using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ContestPlatform.Web.Media.Serving;

/// <summary>
/// The opaque part of a judge's media address (<see cref="JudgeMediaUrls"/>): the assignment and the media id,
/// encrypted and signed with the site's data-protection keys. The public gallery serves the same files under
/// <c>/tep/{mediaId}</c>; a judge who saw those ids could look them up there and find the entrant. A token
/// reveals neither id, differs on every page view, and is only honoured for the judge of that assignment.
/// </summary>
public sealed class JudgeMediaTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ContestPlatform.Judging.MediaToken.v1");

    public string For(int assignmentId, int mediaId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{assignmentId}|{mediaId}"));

    /// <summary>The ids inside a token this site issued; false for anything else (altered, made up, from other keys).</summary>
    public bool TryRead(string? token, out int assignmentId, out int mediaId)
    {
        assignmentId = mediaId = 0;
        if (string.IsNullOrEmpty(token) || token.Length > 500)
            return false;
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
        var parts = plain.Split('|');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out assignmentId)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out mediaId);
    }
}
