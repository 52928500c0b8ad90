using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Entrant.Entries;

/// <summary>The entry as it stands (what was submitted, once submitted), for its owner only.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider time, EntryFeedbackService feedback) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public Entry Entry { get; private set; } = null!;
    public string? CategoryName { get; private set; }
    public string? LockedReason { get; private set; }

    /// <summary>The council's scores beside the category's, once the results are published; null before.</summary>
    public EntryFeedback? Feedback { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var userId = EntrantPages.UserId(User);
        var entry = await db.Entries.AsNoTracking()
            .Include(e => e.Authors.OrderBy(a => a.Order))
            .Include(e => e.Media.OrderBy(m => m.SortOrder).ThenBy(m => m.Id))
            .Include(e => e.History.OrderBy(h => h.At).ThenBy(h => h.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id && e.OwnerId == userId, cancellationToken);
        if (entry is null)
            return NotFound();
        Entry = entry;
        CategoryName = entry.CategoryId is { } categoryId
            ? await db.Categories.Where(c => c.Id == categoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        LockedReason = (await SubmissionWindow.LoadAsync(db, time, cancellationToken)).LockedReason(entry);
        Feedback = await feedback.ForEntryAsync(entry.Id, cancellationToken);
        return Page();
    }
}
