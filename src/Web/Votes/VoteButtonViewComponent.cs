using System.Security.Claims;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Votes;

public sealed record VoteButtonModel(
    int EntryId, string ReturnUrl, bool WindowOpen, string WindowText, bool SignedIn, bool HasVoted,
    long? Count, string? Token, string? Message, bool Recorded);

/// <summary>
/// The vote button for one entry, as the gallery and entry pages show it:
/// <c>@await Component.InvokeAsync("VoteButton", new { entryId, returnUrl })</c>.
/// </summary>
public sealed class VoteButtonViewComponent(AppDbContext db, TimeProvider time, VoteFormToken tokens) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int entryId, string returnUrl)
    {
        var contest = await db.CurrentContestAsync();
        var timeline = new ContestTimeline(contest.Phases, time.GetUtcNow().UtcDateTime);
        var window = timeline.Find(PhaseKind.Vote);
        var open = timeline.IsOpen(PhaseKind.Vote);
        var windowText = window is null ? ""
            : window.State switch
            {
                PhaseState.Upcoming => $"Bình chọn mở từ {Infrastructure.VietnameseFormat.DateAndTime(window.StartsAt)}.",
                PhaseState.Open => $"Bình chọn đến {Infrastructure.VietnameseFormat.Deadline(window.EndsAt)}.",
                _ => "Thời gian bình chọn đã kết thúc.",
            };

        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var hasVoted = userId is not null && await db.Votes.AnyAsync(v => v.EntryId == entryId && v.UserId == userId);
        // Whether counts are public is the organizers' choice (a setting), before and after the window.
        long? count = contest.ShowLiveVoteCounts
            ? await db.Votes.LongCountAsync(v => v.EntryId == entryId && v.VoidedAt == null)
            : null;

        string? token = null;
        if (userId is not null && open && !hasVoted)
        {
            token = tokens.Issue(userId);
            BrowserId.GetOrCreate(HttpContext);
        }

        // Set by the cast page after its redirect back here (post/redirect/get).
        var message = TempData["VoteMessage"] as string;
        var recorded = TempData["VoteRecorded"] as bool? ?? false;
        return View(new VoteButtonModel(entryId, returnUrl, open, windowText, userId is not null, hasVoted, count, token, message, recorded));
    }
}
