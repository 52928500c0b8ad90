using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Judging.Rounds;

/// <summary>
/// The automatic assignment: a preview of the domain's plan (judges per entry, loads, entries that cannot be
/// filled, assignments that will be removed and why), then "Áp dụng" saves exactly that plan.
/// </summary>
public sealed class AutoAssignModel(AssignmentService assignments) : PageModel
{
    [BindProperty(Name = "phuongAn")] public string? Fingerprint { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public AssignmentPreview Preview { get; private set; } = null!;
    public JudgingRound Round => Preview.Situation.Round;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        AssignmentPreview applied;
        try
        {
            applied = await assignments.ApplyAsync(id, Fingerprint, CouncilLabels.ActorOf(User), cancellationToken);
        }
        catch (EntryRuleException ex)
        {
            if (!await LoadAsync(id, cancellationToken))
                return NotFound();
            ModelState.AddModelError(string.Empty, ex.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var shortfalls = applied.Plan.Shortfalls.Count;
        StatusMessage = $"Đã áp dụng phân công tự động: thêm {applied.Plan.Added.Count} lượt phân công, gỡ {applied.Removals.Count} lượt." +
                        (shortfalls > 0 ? $" Còn {shortfalls} công trình thiếu giám khảo." : "");
        return RedirectToPage("./Assignments", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            if (await assignments.PreviewAsync(id, cancellationToken) is not { } preview)
                return false;
            Preview = preview;
            return true;
        }
        catch (EntryRuleException ex)
        {
            // A rubric or data problem the domain refuses: shown instead of a plan.
            ModelState.AddModelError(string.Empty, ex.Message);
            return false;
        }
    }
}
