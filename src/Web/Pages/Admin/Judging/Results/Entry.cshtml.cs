using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Judging.Results;

/// <summary>
/// One entry's results in a round: every judge's score on every criterion beside the aggregations, and the
/// re-opening of a submitted sheet (with a reason, through the scoring service that owns sheet changes).
/// </summary>
public sealed class EntryModel(AppDbContext db, VoteService votes, ScoringService scoring, ILogger<EntryModel> logger) : PageModel
{
    public EntryResults Details { get; private set; } = null!;

    [BindProperty] public ReopenInput Reopen { get; set; } = new();

    [TempData] public string? StatusMessage { get; set; }

    public sealed class ReopenInput
    {
        public int SheetId { get; set; }

        [Display(Name = "Lý do mở lại")]
        [Required(ErrorMessage = "Vui lòng ghi lý do mở lại phiếu chấm.")]
        [StringLength(1000, ErrorMessage = "Lý do không được dài quá {1} ký tự.")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int roundId, int entryId, CancellationToken cancellationToken) =>
        await LoadAsync(roundId, entryId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReopenAsync(int roundId, int entryId, CancellationToken cancellationToken)
    {
        // The sheet must belong to this round and entry: a tampered id changes nothing elsewhere.
        var sheet = await db.ScoreSheets.AsNoTracking()
            .Where(s => s.Id == Reopen.SheetId && s.RoundId == roundId && s.EntryId == entryId)
            .Select(s => new { s.Id, s.JudgeId })
            .FirstOrDefaultAsync(cancellationToken);
        if (sheet is null)
            return NotFound();

        Reopen.Reason = AdminForms.Block(Reopen.Reason);
        if (ModelState.IsValid && string.IsNullOrEmpty(Reopen.Reason))
            ModelState.AddModelError($"{nameof(Reopen)}.{nameof(ReopenInput.Reason)}", "Vui lòng ghi lý do mở lại phiếu chấm.");
        if (ModelState.IsValid)
        {
            try
            {
                await scoring.ReopenAsync(sheet.Id, Reopen.Reason, CurrentActor(), cancellationToken);
                logger.LogInformation("Score sheet {SheetId} re-opened by {User}", sheet.Id, User.Identity?.Name);
                var judge = await db.Judges.AsNoTracking().Where(j => j.Id == sheet.JudgeId).Select(j => j.DisplayName).FirstOrDefaultAsync(cancellationToken);
                StatusMessage = $"Đã mở lại phiếu chấm của {(string.IsNullOrWhiteSpace(judge) ? "giám khảo" : judge)}. Phiếu không còn được tính cho đến khi giám khảo nộp lại.";
                return RedirectToPage(new { roundId, entryId });
            }
            catch (EntryRuleException ex)
            {
                // Refusals (round closed, sheet changed meanwhile…) come back as Vietnamese messages.
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        if (!await LoadAsync(roundId, entryId, cancellationToken))
            return NotFound();
        return Page();
    }

    /// <summary>Who re-opens, as the audit log records it: user id, and name (or email when the account has none).</summary>
    private Actor CurrentActor()
    {
        var name = User.FindFirstValue(ContestClaimsFactory.FullName);
        return new Actor(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", string.IsNullOrWhiteSpace(name) ? AdminForms.Email(User) : name);
    }

    private async Task<bool> LoadAsync(int roundId, int entryId, CancellationToken cancellationToken)
    {
        var details = await new ResultsService(db, votes).EntryAsync(roundId, entryId, cancellationToken);
        if (details is null)
            return false;
        Details = details;
        return true;
    }
}
