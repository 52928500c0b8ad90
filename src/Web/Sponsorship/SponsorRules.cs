namespace ContestPlatform.Web.Sponsorship;

/// <summary>Checks on what is typed about a sponsor: its tax code and its website.</summary>
public static class SponsorRules
{
    private static readonly int[] CheckWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>
    /// Whether a tax code already in its written form (10 digits, or 10 digits, a dash and 3 digits for a
    /// dependent unit; see the entrant profile's <c>NormaliseTaxCode</c>) has a correct check digit. The
    /// 10th digit of a Vietnamese mã số thuế is 10 − (31·d1 + 29·d2 + 23·d3 + 19·d4 + 17·d5 + 13·d6 + 7·d7 +
    /// 5·d8 + 3·d9) mod 11; a remainder of 0 gives 10, which no issued code has. A slip of one digit or two
    /// swapped neighbours almost always breaks it, and an MoU is a legal document: a wrong code would be
    /// printed on it.
    /// </summary>
    public static bool HasValidCheckDigit(string taxCode)
    {
        if (taxCode.Length < 10 || !taxCode[..10].All(char.IsAsciiDigit))
            return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (taxCode[i] - '0') * CheckWeights[i];
        var check = 10 - sum % 11;
        return check < 10 && taxCode[9] - '0' == check;
    }

    /// <summary>
    /// The address of a website as it is stored and linked: http or https only, with a host; "www.x.vn"
    /// gets https:// in front. Null for anything else (javascript:, data:, a path, an e-mail address).
    /// </summary>
    public static string? Website(string? text)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
            return "";
        if (!typed.Contains("://", StringComparison.Ordinal))
            typed = "https://" + typed;
        return SafeLink(typed);
    }

    /// <summary>The link to put in an href, or null when it is not a plain http(s) address (checked again when shown).</summary>
    public static string? SafeLink(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            return null;
        if (uri.UserInfo.Length > 0 || !uri.Host.Contains('.') || uri.Host.StartsWith('.') || uri.Host.EndsWith('.'))
            return null;
        return uri.AbsoluteUri;
    }
}
