using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Entrant.Entries;

/// <summary>
/// One entry of the signed-in entrant: edit and save as draft, or submit. Submitting checks the entry as
/// edited is complete; when it is not, nothing is saved (422), the status stays Nháp (or Cần bổ sung)
/// and the form comes back with what was typed and each problem beside its field. Someone else's entry is a 404, and
/// a locked entry (submitted, or the deadline passed) is shown read-only and refuses every post.
/// </summary>
public sealed class EditModel(AppDbContext db, TimeProvider time, EntryWorkflow workflow, Communes communes)
    : EntryFormPage(db, time, communes)
{
    public Entry Entry { get; private set; } = null!;

    /// <summary>Why the entry cannot be changed now; null while it can.</summary>
    public string? LockedReason { get; private set; }

    public bool CanEdit => LockedReason is null;

    /// <summary>Set when a post was refused because the entry is locked.</summary>
    public bool Refused { get; private set; }

    /// <summary>Set when a submission was refused (nothing was saved).</summary>
    public bool SubmitFailed { get; private set; }

    public string? CategoryName => Categories.FirstOrDefault(c => c.Id == Entry.CategoryId)?.Name;

    /// <summary>The secretariat's latest request for changes, shown at the top while the entry is Cần bổ sung.</summary>
    public EntryStatusChange? ChangeRequest =>
        Entry.Status == EntryStatus.NeedsChanges
            ? Entry.History.Where(h => h.To == EntryStatus.NeedsChanges).MaxBy(h => h.At)
            : null;

    public override string FormUrl => $"/thi-sinh/cong-trinh/{Entry.Id}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = EntryInput.From(Entry);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        SaveAsync(id, submit: true, cancellationToken);

    public async Task<IActionResult> OnPostAddAuthorAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!CanEdit)
            return Refuse();
        AddAuthorRow();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAuthorAsync(int id, int index, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!CanEdit)
            return Refuse();
        RemoveAuthorRow(index);
        return Page();
    }

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!CanEdit)
            return Refuse();
        if (!CheckFormat())
            return Page();
        if (Input.Version != Entry.Version)
            return Stale();

        var wasReturned = Entry.Status == EntryStatus.NeedsChanges;
        var openedVersion = Entry.Version;
        // The edits go onto the tracked entry first so the submission check sees exactly what would be
        // submitted; a refused submission then leaves without saving, so nothing is half-stored.
        Input.ApplyTo(Entry, await ProfileAsync(cancellationToken), EntrantPages.FullName(User));
        if (!submit)
        {
            try
            {
                await SaveEditsAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Stale();
            }
            StatusMessage = $"Đã lưu bản nháp lúc {VietnameseFormat.DateAndTime(Now)}.";
            return RedirectToPage(new { id });
        }

        var problems = SubmissionCheck.Problems(Entry, Today);
        if (problems.Count > 0)
        {
            // Show what was typed (blank author rows dropped), so each problem sits beside the right row.
            ShowUnsaved(openedVersion);
            foreach (var problem in problems)
                ModelState.AddModelError(problem.Key, problem.Message);
            SubmitFailed = true;
            return Page();
        }

        var contest = await Db.CurrentContestAsync(cancellationToken);
        try
        {
            // One transaction for the edits, the code and the status: the code comes from a counter
            // incremented inside it, so a failed submit gives the number back and keeps no edits.
            await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
            await workflow.SubmitAsync(Entry, EntrantPages.Actor(User), contest, cancellationToken);
            await SaveEditsAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (EntryRuleException e)
        {
            ShowUnsaved(openedVersion);
            ModelState.AddModelError(string.Empty, e.Message);
            SubmitFailed = true;
            return PageWithStatus(StatusCodes.Status409Conflict);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }

        StatusMessage = wasReturned
            ? $"Đã nộp lại hồ sơ công trình “{Entry.Title}” (mã {Entry.Code}). Tổ thư ký sẽ xét lại và thông báo kết quả tại trang này."
            : $"Đã nộp hồ sơ công trình “{Entry.Title}”. Mã công trình của bạn là {Entry.Code}. Tổ thư ký sẽ xét hồ sơ và thông báo kết quả tại trang này.";
        return RedirectToPage("/Entrant/Index");
    }

    private Task<int> SaveEditsAsync(CancellationToken cancellationToken)
    {
        Entry.UpdatedAt = Now;
        Entry.Version = Guid.NewGuid();
        Entry.RefreshSearchText();
        return Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The form again with the typed values as applied to the (unsaved) entry, and the version it was
    /// opened with, so pressing "Lưu nháp" next still saves.
    /// </summary>
    private void ShowUnsaved(Guid openedVersion)
    {
        ModelState.Clear();
        Input = EntryInput.From(Entry);
        Input.Version = openedVersion;
    }

    /// <summary>The entry is locked: nothing changes, the page shows it read-only with the reason.</summary>
    private PageResult Refuse()
    {
        Refused = true;
        ModelState.Clear();
        return PageWithStatus(StatusCodes.Status409Conflict);
    }

    /// <summary>The entry if it exists and belongs to the signed-in user; anyone else's is treated as missing.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var userId = EntrantPages.UserId(User);
        var entry = await Db.Entries
            .Include(e => e.Authors)
            .Include(e => e.Media)
            .Include(e => e.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id && e.OwnerId == userId, cancellationToken);
        if (entry is null)
            return false;
        entry.Authors = entry.Authors.OrderBy(a => a.Order).ToList();
        entry.Media = entry.Media.OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToList();
        entry.History = entry.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
        Entry = entry;
        await LoadChoicesAsync(entry.CategoryId, cancellationToken);
        LockedReason = Window.LockedReason(entry);
        return true;
    }
}
