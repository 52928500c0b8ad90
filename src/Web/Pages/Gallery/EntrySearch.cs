using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Gallery;

/// <summary>
/// Search that ignores Vietnamese diacritics: the query is folded like <see cref="Entry.SearchText"/>
/// ("Điện" → "dien"), and every word must occur in it. Runs in SQL as plain LIKEs, so it pages in the
/// database whatever the number of entries.
/// </summary>
public static class EntrySearch
{
    public const int MaxQueryLength = 200;
    private const int MaxWords = 8;

    /// <summary>The query as typed, trimmed and cut to a sane length; null when empty.</summary>
    public static string? Clean(string? query)
    {
        var text = query?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        return text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
    }

    public static IQueryable<Entry> Matching(this IQueryable<Entry> entries, string? query)
    {
        var words = VietnameseText.Fold(query)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Distinct()
            .Take(MaxWords);
        foreach (var word in words)
        {
            var pattern = "%" + Escape(word) + "%";
            entries = entries.Where(e => EF.Functions.Like(e.SearchText, pattern, "\\"));
        }
        return entries;
    }

    // A typed "%" or "_" is a character to find, not a wildcard.
    private static string Escape(string word) =>
        word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
