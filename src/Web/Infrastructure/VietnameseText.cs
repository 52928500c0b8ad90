using System.Globalization;
using System.Text;

namespace ContestPlatform.Web.Infrastructure;

/// <summary>Vietnamese text folding: search that ignores diacritics (đ ≡ d) and URL slugs.</summary>
public static class VietnameseText
{
    /// <summary>"Đổi mới sáng tạo" → "doi moi sang tao". Lower-case, no diacritics, đ/Đ folded to d.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            builder.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"Phát động Cuộc thi 2025!" → "phat-dong-cuoc-thi-2025", at most <paramref name="maxLength"/> characters.</summary>
    public static string Slugify(string? text, int maxLength = 100)
    {
        var builder = new StringBuilder();
        foreach (var ch in Fold(text))
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
                builder.Append(ch);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd('-');
    }
}
