using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Pages.Votes;

/// <summary>
/// POST /binh-chon/{entryId}: casts a vote from the button on the gallery or entry page, then returns
/// to that page with the outcome (post/redirect/get; works without JavaScript).
/// </summary>
public sealed class CastModel(
    VoteService votes, VoteFormToken tokens, UserManager<AppUser> users, AppDbContext db,
    IOptions<VoteOptions> options, ILogger<CastModel> logger) : PageModel
{
    [TempData] public string? VoteMessage { get; set; }
    [TempData] public bool VoteRecorded { get; set; }

    /// <summary>Someone who followed the login redirect lands here by GET: send them back to the entry.</summary>
    public async Task<IActionResult> OnGetAsync(int entryId) =>
        LocalRedirect(await EntryPageAsync(entryId) ?? "/cong-trinh");

    public async Task<IActionResult> OnPostAsync(int entryId, [FromForm(Name = VoteFormToken.FieldName)] string? token,
        [FromForm(Name = VoteFormToken.HoneypotName)] string? honeypot, string? returnUrl, CancellationToken cancellationToken)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : await EntryPageAsync(entryId);
        if (back is null)
            return NotFound();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();

        if (!tokens.IsValid(token, honeypot, user.Id, options.Value))
        {
            logger.LogWarning("Vote refused by the anti-automation check: user {UserId}, entry {EntryId}", user.Id, entryId);
            return Show(back, false, "Không xác nhận được thao tác bình chọn (biểu mẫu đã quá cũ hoặc được gửi quá nhanh). Vui lòng tải lại trang rồi bấm bình chọn lại.");
        }

        var result = await votes.CastAsync(entryId, user,
            new VoteOrigin(HttpContext.Connection.RemoteIpAddress, BrowserId.GetOrCreate(HttpContext)), cancellationToken);
        if (result.Outcome == VoteOutcome.NotFound)
            return NotFound();
        return Show(back, result.Recorded, result.Message);
    }

    private IActionResult Show(string back, bool recorded, string message)
    {
        VoteMessage = message;
        VoteRecorded = recorded;
        return LocalRedirect(back + "#binh-chon");
    }

    private async Task<string?> EntryPageAsync(int entryId)
    {
        var code = await db.Entries.Where(e => e.Id == entryId).Select(e => e.Code).FirstOrDefaultAsync();
        return code is null ? null : $"/cong-trinh/{code}";
    }
}
