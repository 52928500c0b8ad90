using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Awards.Ceremony;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Pages.Admin.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Ceremony;

/// <summary>
/// Lễ trao giải — the presenter's console: the awards in reveal order, one big button for the next one, undo,
/// and the setting that publishes the results at the last reveal. Each form posts the award it showed, so a
/// stale console or a double click is refused instead of revealing the wrong award.
/// </summary>
public sealed class IndexModel(CeremonyService ceremony, AppDbContext db) : PageModel
{
    public const string Path = "/quan-tri/le-trao-giai";

    [TempData] public string? StatusMessage { get; set; }

    public CeremonyView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await ceremony.ViewAsync(cancellationToken);

    public Task<IActionResult> OnPostRevealAsync([FromForm(Name = "giai")] int awardId, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var outcome = await ceremony.RevealNextAsync(awardId, Actor, cancellationToken);
            var shown = $"Đã công bố {CeremonyService.Label(outcome.Award)}: “{outcome.Award.EntryTitle}”. Màn hình khán giả đã hiển thị giải này.";
            return outcome.PublishedResults ? shown + " Đây là giải cuối cùng: kết quả đã được đăng công khai tại trang Giải thưởng." : shown;
        }, cancellationToken);

    public Task<IActionResult> OnPostUndoAsync([FromForm(Name = "giai")] int awardId, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var hidden = await ceremony.UndoAsync(awardId, Actor, cancellationToken);
            return $"Đã hoàn tác: {CeremonyService.Label(hidden)} không còn hiển thị trên màn hình khán giả.";
        }, cancellationToken);

    public Task<IActionResult> OnPostSettingAsync([FromForm(Name = "deNghi")] int proposalId, [FromForm(Name = "congBoKhiKetThuc")] bool publishOnLastReveal,
        [FromForm(Name = "phienBan")] Guid version, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await ceremony.SetPublishOnLastRevealAsync(proposalId, publishOnLastReveal, version, Actor, cancellationToken);
            return publishOnLastReveal
                ? "Đã lưu: kết quả sẽ được công bố trên trang Giải thưởng ngay khi công bố giải cuối cùng."
                : "Đã lưu: công bố giải cuối cùng không tự động đăng kết quả lên trang Giải thưởng.";
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
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, AwardService.StaleMessage);
        }
        // Refused: nothing changed, and the page shows where the ceremony really stands.
        db.ChangeTracker.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        View = await ceremony.ViewAsync(cancellationToken);
        return Page();
    }
}
