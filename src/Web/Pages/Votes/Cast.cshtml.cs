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
    /// <summary>
    /// The outcome (a <see cref="VoteOutcome"/> name) on the redirect, for monitoring and the load test:
    /// the message itself travels in TempData, which only the browser can read.
    /// </summary>
    public const string OutcomeHeader = "X-Vote-Outcome";

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
            return EntryNotFound();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();

        var verified = tokens.IsValid(token, honeypot, user.Id, entryId, options.Value);
        var result = await votes.CastAsync(entryId, user,
            new VoteOrigin(HttpContext.Connection.RemoteIpAddress, BrowserId.GetOrCreate(HttpContext)), verified, cancellationToken);
        if (result.Outcome == VoteOutcome.NotFound)
            return EntryNotFound();
        if (result.Outcome == VoteOutcome.AntiAutomation)
            logger.LogWarning("Vote refused by the anti-automation check: user {UserId}, entry {EntryId}", user.Id, entryId);

        Response.Headers[OutcomeHeader] = result.Outcome.ToString();
        VoteMessage = result.Message;
        VoteRecorded = result.Recorded;
        // An entry that is not public has no vote box to show the message in: leave it to the first box
        // of the page we return to.
        if (result.Outcome != VoteOutcome.NotVotable)
            TempData[VoteButtonViewComponent.VoteEntryKey] = entryId;
        return LocalRedirect(VoteButtonModel.BackTo(back));
    }

    /// <summary>This page itself, saying which thing was not found (the generic 404 page speaks of a page).</summary>
    private PageResult EntryNotFound()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    private async Task<string?> EntryPageAsync(int entryId)
    {
        var code = await db.Entries.Where(e => e.Id == entryId).Select(e => e.Code).FirstOrDefaultAsync();
        return code is null ? null : $"/cong-trinh/{code}";
    }
}
