using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Pages.Admin.Entries;

/// <summary>A name that must not reach the judges, and what stands in for it.</summary>
public sealed record RedactionTerm(string Text, string Placeholder);

/// <summary>Where a name still appears: how many times, and in which fields.</summary>
public sealed record RedactionHit(RedactionTerm Term, int Count, IReadOnlyList<string> Fields);

/// <summary>
/// Finds and replaces identifying names in the judges' copy. Matching ignores case and Vietnamese
/// diacritics ("nguyen van an" is "Nguyễn Văn An", đ ≡ d), tolerates any run of spaces between words,
/// and only matches whole words, so the author "An" is not found inside "Anh".
/// </summary>
public static class Redaction
{
    public const string AuthorPlaceholder = "[Tác giả]";
    public const string UnitPlaceholder = "[Đơn vị]";
    public const string TaxCodePlaceholder = "[Mã số thuế]";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The names to hide: authors and the account holder as [Tác giả]; the organisation, the authors'
    /// units and the entrant name as [Đơn vị] (unless the entrant is a person or an author group, whose
    /// name is an author's); the tax code. Longest first, so "Công ty ABC Thái Nguyên" goes before "ABC".
    /// </summary>
    public static IReadOnlyList<RedactionTerm> Terms(Entry entry, EntrantProfile? profile, string? ownerName)
    {
        var personal = profile is null or { Type: EntrantType.Individual or EntrantType.AuthorGroup };
        var units = new List<string> { profile?.Organisation ?? "" };
        units.AddRange(entry.Authors.Select(a => a.Unit));
        var people = new List<string> { ownerName ?? "" };
        people.AddRange(entry.Authors.Select(a => a.FullName));
        (personal ? people : units).Add(entry.EntrantName);

        var terms = new Dictionary<string, RedactionTerm>(StringComparer.Ordinal);
        void Add(string? text, string placeholder)
        {
            var clean = Collapse(text);
            var key = VietnameseText.Fold(clean);
            // One- or two-letter "names" would match everywhere.
            if (key.Count(char.IsLetterOrDigit) < 3 || terms.ContainsKey(key))
                return;
            terms[key] = new RedactionTerm(clean, placeholder);
        }
        // Units first: a name that is both (the entrant is its own organisation) is a unit.
        foreach (var unit in units)
            Add(unit, UnitPlaceholder);
        foreach (var person in people)
            Add(person, AuthorPlaceholder);
        Add(profile?.TaxCode, TaxCodePlaceholder);
        return terms.Values.OrderByDescending(t => t.Text.Length).ThenBy(t => t.Text, StringComparer.Ordinal).ToList();
    }

    /// <summary>The terms still present in <paramref name="fields"/> (label → text), in the order of <paramref name="terms"/>.</summary>
    public static IReadOnlyList<RedactionHit> Find(IReadOnlyList<RedactionTerm> terms, IEnumerable<(string Label, string? Text)> fields)
    {
        var folded = fields.Select(f => (f.Label, Folded: FoldWithMap(f.Text ?? "").Folded)).ToList();
        var hits = new List<RedactionHit>();
        foreach (var term in terms)
        {
            var pattern = PatternFor(term.Text);
            var count = 0;
            var where = new List<string>();
            foreach (var (label, text) in folded)
            {
                var n = pattern.Count(text);
                if (n == 0)
                    continue;
                count += n;
                where.Add(label);
            }
            if (count > 0)
                hits.Add(new RedactionHit(term, count, where));
        }
        return hits;
    }

    /// <summary>Replaces every occurrence of every term with its placeholder; returns the text and how many were replaced.</summary>
    public static (string Text, int Replaced) Replace(string? text, IReadOnlyList<RedactionTerm> terms)
    {
        var result = text ?? "";
        var replaced = 0;
        foreach (var term in terms)
        {
            var (folded, map) = FoldWithMap(result);
            var matches = PatternFor(term.Text).Matches(folded);
            if (matches.Count == 0)
                continue;
            var builder = new StringBuilder(result.Length);
            var copied = 0;
            foreach (Match match in matches)
            {
                var start = map[match.Index];
                var end = map[match.Index + match.Length];
                builder.Append(result, copied, start - copied).Append(term.Placeholder);
                copied = end;
                replaced++;
            }
            builder.Append(result, copied, result.Length - copied);
            result = builder.ToString();
        }
        return (result, replaced);
    }

    private static Regex PatternFor(string term)
    {
        var words = VietnameseText.Fold(term).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        return new Regex(@"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words) + @"(?![\p{L}\p{N}])",
            RegexOptions.CultureInvariant, Timeout);
    }

    /// <summary>
    /// The folded text, and for each of its characters the index in <paramref name="text"/> of the
    /// character it came from (plus one entry for the end), so a match found in the folded text can be
    /// replaced in the original. Folding goes one text element at a time: a letter with its marks, even
    /// when typed decomposed, folds to one letter.
    /// </summary>
    private static (string Folded, int[] Map) FoldWithMap(string text)
    {
        var folded = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            foreach (var ch in VietnameseText.Fold(element))
            {
                folded.Append(ch);
                map.Add(elements.ElementIndex);
            }
        }
        map.Add(text.Length);
        // A match ends where the next character's element starts; an element that folded to nothing
        // (a lone combining mark) is absorbed by its neighbour.
        return (folded.ToString(), [.. map]);
    }

    private static string Collapse(string? text) =>
        string.Join(' ', (text ?? "").Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
