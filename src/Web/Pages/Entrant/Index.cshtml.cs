using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Entrant;

/// <summary>
/// The entrant's dashboard: each entry with its status, history (reasons included), and how its files are
/// getting on in processing; the deadline; and a start for a new entry while submissions are open.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, Web.Awards.AwardService awards) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public EntrantProfile? Profile { get; private set; }
    public SubmissionWindow Window { get; private set; } = null!;
    public IReadOnlyList<EntryCard> Entries { get; private set; } = [];

    /// <summary>Entry id → tier of the published winners (empty before the publication moment).</summary>
    public IReadOnlyDictionary<int, string> Winners { get; private set; } = new Dictionary<int, string>();

    /// <summary>One entry on the dashboard.</summary>
    public sealed record EntryCard(Entry Entry, string? CategoryName, MediaCounts Media, string? LockedReason)
    {
        public bool CanEdit => LockedReason is null;

        /// <summary>The secretariat's latest request for changes while the entry is Cần bổ sung.</summary>
        public EntryStatusChange? ChangeRequest =>
            Entry.Status == EntryStatus.NeedsChanges ? Entry.History.Where(h => h.To == EntryStatus.NeedsChanges).MaxBy(h => h.At) : null;

        /// <summary>The reason given when the entry was found not valid.</summary>
        public EntryStatusChange? Rejection =>
            Entry.Status == EntryStatus.Rejected ? Entry.History.Where(h => h.To == EntryStatus.Rejected).MaxBy(h => h.At) : null;
    }

    /// <summary>Files by processing state: waiting (queued or being processed), ready, failed.</summary>
    public sealed record MediaCounts(int Waiting, int Ready, int Failed)
    {
        public int Total => Waiting + Ready + Failed;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = EntrantPages.UserId(User);
        Profile = await db.EntrantProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        Window = await SubmissionWindow.LoadAsync(db, time, cancellationToken);

        // Only what the cards show: the thuyết minh sections can be long.
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.OwnerId == userId)
            .OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.Id)
            .Select(e => new Entry
            {
                Id = e.Id,
                Code = e.Code,
                Status = e.Status,
                Title = e.Title,
                CategoryId = e.CategoryId,
                CreatedAt = e.CreatedAt,
                UpdatedAt = e.UpdatedAt,
                SubmittedAt = e.SubmittedAt,
                History = e.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList(),
            })
            .ToListAsync(cancellationToken);

        var ids = entries.Select(e => e.Id).ToList();
        var states = await db.MediaFiles.AsNoTracking()
            .Where(m => ids.Contains(m.EntryId))
            .GroupBy(m => new { m.EntryId, m.State })
            .Select(g => new { g.Key.EntryId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        Winners = await awards.WinnersAsync(cancellationToken);

        Entries = entries.Select(e =>
        {
            int Count(params MediaState[] wanted) => states.Where(s => s.EntryId == e.Id && wanted.Contains(s.State)).Sum(s => s.Count);
            return new EntryCard(
                e,
                e.CategoryId is { } c ? categories.GetValueOrDefault(c) : null,
                new MediaCounts(Count(MediaState.Pending, MediaState.Processing), Count(MediaState.Ready), Count(MediaState.Failed)),
                Window.LockedReason(e));
        }).ToList();
    }
}
