using System.Globalization;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Pages.Admin.Entries;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Awards;

/// <summary>
/// Giải thưởng: the prize tiers, and the award proposal from building it out of the final ranking, through
/// the committee's decisions, to publication now or at a set moment.
/// </summary>
public sealed class IndexModel(AwardService awards, AppDbContext db, VoteService votes, TimeProvider time) : PageModel
{
    public const string Path = "/quan-tri/giai-thuong";

    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<PrizeTier> Tiers { get; private set; } = [];
    public IReadOnlyList<RoundOption> Rounds { get; private set; } = [];
    public ProposalView? Current { get; private set; }

    /// <summary>Entries a draft's award may be changed to: the round's fully scored ranking.</summary>
    public IReadOnlyList<ResultRow> Candidates { get; private set; } = [];

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostProposeAsync([FromForm(Name = "vong")] int roundId, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var proposal = await awards.ProposeAsync(roundId, Actor, cancellationToken);
            return $"Đã lập đề nghị với {proposal.Awards.Count} giải theo thứ tự xếp hạng. Kiểm tra rồi gửi Ban Tổ chức.";
        }, cancellationToken);

    public Task<IActionResult> OnPostChangeAsync([FromForm(Name = "giai")] int awardId, [FromForm(Name = "congTrinh")] int entryId,
        [FromForm(Name = "lyDo")] string? reason, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await awards.ChangeAsync(awardId, entryId, AdminForms.Block(reason), Actor, cancellationToken);
            return "Đã thay đổi giải và ghi lại lý do.";
        }, cancellationToken);

    public Task<IActionResult> OnPostSendAsync([FromForm(Name = "deNghi")] int proposalId, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await awards.SendAsync(proposalId, Actor, cancellationToken);
            return "Đã gửi đề nghị tới Ban Tổ chức. Các thành viên cho ý kiến tại trang Ban Tổ chức.";
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync([FromForm(Name = "deNghi")] int proposalId, [FromForm(Name = "lyDo")] string? reason,
        CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await awards.WithdrawAsync(proposalId, AdminForms.Block(reason), Actor, cancellationToken);
            return "Đã rút lại đề nghị. Có thể lập đề nghị mới.";
        }, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync([FromForm(Name = "deNghi")] int proposalId, [FromForm(Name = "thoiDiem")] string? at,
        [FromForm(Name = "ngay")] bool now, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            DateTime? when = null;
            if (!now)
            {
                if (!DateTime.TryParseExact(at, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    throw new AwardRuleException("Vui lòng chọn ngày giờ công bố (giờ Việt Nam), hoặc bấm “Công bố ngay”.");
                when = VietnameseFormat.FromVietnam(local);
            }
            await awards.ScheduleAsync(proposalId, when, Actor, cancellationToken);
            return when is { } w && w > Now
                ? $"Kết quả sẽ được công bố lúc {VietnameseFormat.DateAndTime(w)}. Trước thời điểm đó không ai ngoài Tổ thư ký thấy kết quả."
                : "Đã công bố kết quả tại trang Giải thưởng.";
        }, cancellationToken);

    private Actor Actor => ReviewModel.CurrentActor(User);

    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken cancellationToken)
    {
        try
        {
            StatusMessage = await action();
            return RedirectToPage();
        }
        catch (AwardRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            this.RefuseStale(AwardService.StaleMessage);
        }
        // Refused: nothing changed, and the page shows the proposal as it really stands.
        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tiers = await awards.TiersAsync(cancellationToken);
        var results = new ResultsService(db, votes);
        Rounds = await results.RoundsAsync(cancellationToken);
        Current = await awards.CurrentAsync(cancellationToken);
        if (Current?.Proposal.State == ProposalState.Draft
            && await results.LoadAsync(Current.Proposal.RoundId, cancellationToken: cancellationToken) is { } round)
            Candidates = [.. round.Ranking.Where(r => !r.Incomplete)];
    }
}
