using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Pages.Admin.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Committee;

/// <summary>
/// A committee member's page: the proposal the secretariat sent, and for each award the member's approval or
/// rejection with an optional comment. One decision per member and award; none on a withdrawn proposal.
/// </summary>
public sealed class IndexModel(AwardService awards) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public ProposalView? Proposal { get; private set; }
    public string UserId => ReviewModel.CurrentActor(User).UserId;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "giai")] int awardId, [FromForm(Name = "yKien")] string? decision,
        [FromForm(Name = "ghiChu")] string? comment, CancellationToken cancellationToken)
    {
        try
        {
            if (decision is not ("dong-y" or "khong-dong-y"))
                throw new AwardRuleException("Vui lòng chọn Đồng ý hoặc Không đồng ý.");
            if (comment?.Length > 2000)
                throw new AwardRuleException("Ý kiến dài tối đa 2000 ký tự.");
            await awards.DecideAsync(awardId, decision == "dong-y", comment, ReviewModel.CurrentActor(User), cancellationToken);
            StatusMessage = decision == "dong-y" ? "Đã ghi nhận ý kiến đồng ý của bạn." : "Đã ghi nhận ý kiến không đồng ý của bạn.";
            return RedirectToPage();
        }
        catch (AwardRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Once published, there is nothing left to decide.
        var current = await awards.CurrentAsync(cancellationToken);
        var published = await awards.PublishedAsync(cancellationToken);
        Proposal = current?.Proposal.State == ProposalState.Sent && published?.Proposal.Id != current.Proposal.Id ? current : null;
    }
}
