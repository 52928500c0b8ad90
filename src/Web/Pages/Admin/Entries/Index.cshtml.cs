using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Pages.Gallery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Entries;

/// <summary>
/// The secretariat's queue: entries by status (Đã nộp first, the oldest submission at the top, so the
/// entries that have waited longest are decided first), with counts, search and paging.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;
    public const string AllSlug = "tat-ca";

    /// <summary>Tabs in the order the secretariat works through them; drafts last, they are not theirs to act on yet.</summary>
    public static readonly EntryStatus[] Tabs =
    [
        EntryStatus.Submitted, EntryStatus.NeedsChanges, EntryStatus.Accepted, EntryStatus.Rejected,
        EntryStatus.Judging, EntryStatus.Judged, EntryStatus.Proposed, EntryStatus.Approved, EntryStatus.Awarded,
        EntryStatus.Draft,
    ];

    /// <summary>"da-nop", "can-bo-sung", "hop-le"…: the status in the address.</summary>
    public static string Slug(EntryStatus status) => VietnameseText.Slugify(EntryStatusLabels.Of(status));

    /// <summary>The status shown; null for every status.</summary>
    public EntryStatus? Status { get; private set; }
    public string? Query { get; private set; }
    public int PageNumber { get; private set; }

    public IReadOnlyDictionary<EntryStatus, int> Counts { get; private set; } = new Dictionary<EntryStatus, int>();
    public int AllCount => Counts.Values.Sum();
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(
        int Id, string? Code, string Title, string? Category, string EntrantName, string Commune,
        DateTime? SubmittedAt, DateTime UpdatedAt, EntryStatus Status, bool Resubmitted,
        int Files, int FilesWaiting, int FilesFailed, bool Redacted);

    public async Task OnGetAsync(
        [FromQuery(Name = "trangThai")] string? status, [FromQuery(Name = "q")] string? query, [FromQuery(Name = "trang")] int page,
        CancellationToken cancellationToken)
    {
        Status = status == AllSlug ? null : Tabs.FirstOrDefault(s => Slug(s) == status, EntryStatus.Submitted);
        Query = EntrySearch.Clean(query);

        var matching = db.Entries.AsNoTracking().Matching(Query);
        Counts = await matching.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var shown = Status is { } only ? matching.Where(e => e.Status == only) : matching;
        Total = await shown.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Rows = await shown
            .OrderBy(e => e.SubmittedAt ?? e.CreatedAt).ThenBy(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new Row(
                e.Id, e.Code, e.Title,
                db.Categories.Where(c => c.Id == e.CategoryId).Select(c => c.Name).FirstOrDefault(),
                e.EntrantName, e.Commune, e.SubmittedAt, e.UpdatedAt, e.Status,
                e.History.Any(h => h.From == EntryStatus.NeedsChanges && h.To == EntryStatus.Submitted),
                e.Media.Count,
                e.Media.Count(m => m.State == MediaState.Pending || m.State == MediaState.Processing),
                e.Media.Count(m => m.State == MediaState.Failed),
                e.Blind != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Badge colour: waiting on someone (amber), refused (red), draft (grey), accepted onwards (green).</summary>
    public static string StatusBadge(EntryStatus status) => status switch
    {
        EntryStatus.Submitted or EntryStatus.NeedsChanges => "badge-upcoming",
        EntryStatus.Rejected => "badge-failed",
        EntryStatus.Draft => "badge-closed",
        _ => "badge-open",
    };

    public int CountOf(EntryStatus status) => Counts.TryGetValue(status, out var count) ? count : 0;

    public string TabUrl(EntryStatus? status) => LinkTo(status, Query, 1);

    public string PageUrl(int page) => LinkTo(Status, Query, page);

    private static string LinkTo(EntryStatus? status, string? query, int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["trangThai"] = status is { } s ? (s == EntryStatus.Submitted ? null : Slug(s)) : AllSlug,
            ["q"] = query,
            ["trang"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/quan-tri/ho-so", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
