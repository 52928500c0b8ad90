using System.Globalization;
using System.Text;

namespace ContestPlatform.Judging;

/// <summary>Comparison keys for names typed by people: "Sở Y tế " and "so y te" must match.</summary>
internal static class TextKey
{
    /// <summary>Trimmed, lower case, without Vietnamese diacritics (đ ≡ d), inner whitespace collapsed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }
            // đ has no decomposition in Unicode, so it survives FormD and needs mapping by hand.
            key.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }
        return key.ToString();
    }

    /// <summary>Only the digits: "0101 234-567" → "0101234567".</summary>
    public static string Digits(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var digits = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is >= '0' and <= '9')
                digits.Append(ch);
        }
        return digits.ToString();
    }
}
