using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Judging.Rounds;

/// <summary>
/// The assignment board of a round: each entry with its judges and their progress, the judges it conflicts with
/// (declared or detected, with the reasons), entries missing judges, loads; and manual changes with a reason.
/// </summary>
public sealed class AssignmentsModel(AssignmentService assignments) : PageModel
{
    [BindProperty] public AddInput Add { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public AssignmentBoard Board { get; private set; } = null!;
    public JudgingRound Round => Board.Situation.Round;

    public sealed class AddInput
    {
        [Required, Display(Name = "Công trình")]
        public int? EntryId { get; set; }

        [Required, Display(Name = "Giám khảo")]
        public int? JudgeId { get; set; }

        [Required, StringLength(500), Display(Name = "Lý do")]
        public string? Reason { get; set; }

        /// <summary>The version of each entry's assignments the board showed (entry id → version).</summary>
        public Dictionary<int, string> Versions { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await ReloadAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
        try
        {
            await assignments.AddAsync(id, Add.EntryId!.Value, Add.JudgeId!.Value, Add.Reason,
                Add.Versions.GetValueOrDefault(Add.EntryId!.Value), CouncilLabels.ActorOf(User), cancellationToken);
        }
        catch (EntryRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await ReloadAsync(id, StatusOf(ex), cancellationToken);
        }
        StatusMessage = "Đã thêm giám khảo vào công trình.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromRoute] int id, [FromQuery] int assignmentId, [FromForm(Name = "lyDo")] string? reason,
        [FromForm(Name = "phienBan")] string? seenVersion, CancellationToken cancellationToken)
    {
        // Only the removal's own field is checked: the add form's fields are not part of this post.
        ModelState.Clear();
        try
        {
            await assignments.RemoveAsync(id, assignmentId, reason, seenVersion, CouncilLabels.ActorOf(User), cancellationToken);
        }
        catch (EntryRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await ReloadAsync(id, StatusOf(ex), cancellationToken);
        }
        StatusMessage = "Đã gỡ giám khảo khỏi công trình. Phiếu chấm của giám khảo (nếu có) được giữ lại nhưng không còn được tính.";
        return RedirectToPage(new { id });
    }

    private static int StatusOf(EntryRuleException ex) =>
        ex.Message == AssignmentService.StaleMessage ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;

    private async Task<IActionResult> ReloadAsync(int id, int status, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await assignments.BoardAsync(id, cancellationToken) is not { } board)
            return false;
        Board = board;
        return true;
    }
}
