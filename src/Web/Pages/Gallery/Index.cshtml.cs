using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Serving;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Gallery;

/// <summary>The public gallery: accepted entries only, searchable without diacritics, filtered and paged.</summary>
public sealed class IndexModel(AppDbContext db, ContestPlatform.Web.Awards.AwardService awards) : PageModel
{
    public const int PageSize = 12;
    public const int ThumbBox = 400;

    public string? Query { get; private set; }
    public int? CategoryId { get; private set; }
    public string? Commune { get; private set; }
    public int PageNumber { get; private set; }

    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Filtered => Query is not null || CategoryId is not null || Commune is not null;

    /// <summary>Whether any entry is public at all, to tell "nothing yet" from "nothing matches".</summary>
    public bool AnyPublic { get; private set; }

    public IReadOnlyList<Card> Cards { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];
    public IReadOnlyList<string> Communes { get; private set; } = [];

    public sealed record Card(
        int Id, string Code, string Title, string Summary, string? Category, string Commune, string EntrantName, Thumbnail? Thumb)
    {
        /// <summary>The award it won, once results are published.</summary>
        public string? Award { get; init; }
    }

    public sealed record Thumbnail(int MediaId, bool HasWebp, int Width, int Height);

    public async Task OnGetAsync(
        [FromQuery(Name = "q")] string? query,
        [FromQuery(Name = "linh-vuc")] int? categoryId,
        [FromQuery(Name = "xa")] string? commune,
        [FromQuery(Name = "trang")] int page,
        CancellationToken cancellationToken)
    {
        Query = EntrySearch.Clean(query);
        CategoryId = categoryId is > 0 ? categoryId : null;
        Commune = string.IsNullOrWhiteSpace(commune) ? null : commune.Trim();

        var published = db.Entries.AsNoTracking().Where(e => EntryStatusLabels.Public.Contains(e.Status));
        AnyPublic = await published.AnyAsync(cancellationToken);
        Categories = (await db.Categories.AsNoTracking()
                .Where(c => c.IsActive || published.Any(e => e.CategoryId == c.Id))
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
                .Select(c => new { c.Id, c.Name })
                .ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Name))
            .ToList();
        Communes = (await published.Where(e => e.Commune != "").Select(e => e.Commune).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Create(VietnameseFormat.Culture, ignoreCase: true))
            .ToList();

        var matching = published.Matching(Query);
        if (CategoryId is { } category)
            matching = matching.Where(e => e.CategoryId == category);
        if (Commune is { } name)
            matching = matching.Where(e => e.Commune == name);

        Total = await matching.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(page, 1, PageCount);
        var rows = await matching
            .OrderBy(e => e.Code)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new
            {
                e.Id,
                e.Code,
                e.Title,
                e.Summary,
                Category = db.Categories.Where(c => c.Id == e.CategoryId).Select(c => c.Name).FirstOrDefault(),
                e.Commune,
                e.EntrantName,
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var photos = await db.MediaFiles.AsNoTracking()
            .Where(m => ids.Contains(m.EntryId) && m.Kind == MediaKind.Photo && m.State == MediaState.Ready && m.ThumbJpegKey != null)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.EntryId, m.ThumbKey, m.Width, m.Height })
            .ToListAsync(cancellationToken);

        var winners = await awards.WinnersAsync(cancellationToken);
        Cards = rows.Select(r =>
        {
            var photo = photos.FirstOrDefault(p => p.EntryId == r.Id);
            Thumbnail? thumb = null;
            if (photo is not null)
            {
                var (width, height) = MediaLabels.Fit(photo.Width, photo.Height, ThumbBox);
                thumb = new Thumbnail(photo.Id, photo.ThumbKey is not null, width, height);
            }
            return new Card(r.Id, r.Code ?? "", r.Title, Excerpt(r.Summary), r.Category, r.Commune, r.EntrantName, thumb)
            {
                Award = winners.GetValueOrDefault(r.Id),
            };
        }).ToList();
    }

    public string PageUrl(int page) => LinkTo(Query, CategoryId, Commune, page);

    /// <summary>Back to this very page (search, filters, page number) at the card's vote box, after voting from it.</summary>
    public string VoteReturnUrl(Card card) => $"{PageUrl(PageNumber)}#{VoteAnchor(card)}";

    public static string VoteAnchor(Card card) => $"binh-chon-{card.Id}";

    public static string LinkTo(string? query = null, int? categoryId = null, string? commune = null, int page = 1)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = query,
            ["linh-vuc"] = categoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["xa"] = commune,
            ["trang"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/cong-trinh", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>The start of the summary, cut at a word, for a card.</summary>
    public static string Excerpt(string text, int max = 180)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(',', '.', ';', ':', ' ') + "…";
    }
}
