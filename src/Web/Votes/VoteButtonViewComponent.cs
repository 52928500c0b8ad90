using System.Security.Claims;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Votes;

public sealed record VoteButtonModel(
    int EntryId, string ReturnUrl, bool WindowOpen, string WindowText, bool SignedIn, bool HasVoted,
    long? Count, string? Token, string? Message, bool Recorded)
{
    /// <summary>The daily cap and how many of today's votes are used, when the organizers set a cap.</summary>
    public (int Cap, int Used)? Allowance { get; init; }

    public bool CapReached => Allowance is { } a && a.Used >= a.Cap;

    /// <summary>
    /// The sign-in link for visitors: back to the vote box afterwards, not to the top of a long entry page
    /// that a phone user would have to scroll through again.
    /// </summary>
    public string SignInUrl => $"/tai-khoan/dang-nhap?returnUrl={Uri.EscapeDataString(BackTo(ReturnUrl))}";

    /// <summary>A card of the gallery: a small box, the entry named for screen readers, no repeated explanations.</summary>
    public bool Compact { get; init; }

    /// <summary>The entry's title, so each of the gallery's buttons has a name of its own.</summary>
    public string? EntryTitle { get; init; }

    /// <summary>
    /// Where to land after voting or signing in: the page, at the vote box its URL names (a gallery card's
    /// "#binh-chon-12"), or at the entry page's "#binh-chon".
    /// </summary>
    public static string BackTo(string returnUrl)
    {
        var hash = returnUrl.IndexOf('#');
        return hash < 0 ? returnUrl + "#" + Anchor
            : hash == returnUrl.Length - 1 ? returnUrl + Anchor
            : returnUrl;
    }

    /// <summary>The id of the entry page's vote section.</summary>
    public const string Anchor = "binh-chon";

    /// <summary>True for the first vote box of a request, which links votes.css (a component cannot add to the page head).</summary>
    public bool LinkStylesheet { get; init; }
}

/// <summary>
/// The vote button for one entry, as the gallery and entry pages show it:
/// <c>@await Component.InvokeAsync("VoteButton", new { entryId, returnUrl })</c>, with
/// <c>compact = true, entryTitle, pageEntryIds</c> on a gallery card (the ids of every card of the page).
/// </summary>
public sealed class VoteButtonViewComponent(AppDbContext db, TimeProvider time, VoteFormToken tokens) : ViewComponent
{
    private const string StylesheetLinked = "votes.css linked";

    /// <summary>TempData key of the entry the cast page's message is about.</summary>
    public const string VoteEntryKey = "VoteEntryId";

    private async Task<T> PerRequestAsync<T>(string what, Func<Task<T>> read)
    {
        var key = $"{nameof(VoteButtonViewComponent)}: {what}";
        if (HttpContext.Items.TryGetValue(key, out var known) && known is T value)
            return value;
        value = await read();
        HttpContext.Items[key] = value;
        return value;
    }

    /// <summary>What the boxes of one page need from the votes table, read once for all the page's entries.</summary>
    private sealed record PageVotes(int[] Entries, HashSet<int> Voted, Dictionary<int, long>? Counts);

    /// <summary>
    /// Whether the visitor voted for each of <paramref name="entryIds"/>, and their valid counts when they are
    /// public: two queries for a gallery page of twelve cards instead of two per card.
    /// </summary>
    private async Task<PageVotes> VotesOfAsync(int[] entryIds, string? userId, bool withCounts)
    {
        var voted = userId is null ? []
            : await db.Votes.Where(v => v.UserId == userId && entryIds.Contains(v.EntryId)).Select(v => v.EntryId).Distinct().ToHashSetAsync();
        var counts = withCounts
            ? await db.Votes.Where(v => entryIds.Contains(v.EntryId) && v.VoidedAt == null)
                .GroupBy(v => v.EntryId).Select(g => new { g.Key, Count = g.LongCount() })
                .ToDictionaryAsync(g => g.Key, g => g.Count)
            : null;
        return new PageVotes(entryIds, voted, counts);
    }

    public async Task<IViewComponentResult> InvokeAsync(
        int entryId, string returnUrl, bool compact = false, string? entryTitle = null, int[]? pageEntryIds = null)
    {
        // The gallery shows a box per card: what is the same for every box of a request is read once.
        var contest = await PerRequestAsync("contest", () => db.CurrentContestAsync());
        var now = time.GetUtcNow().UtcDateTime;
        var timeline = new ContestTimeline(contest.Phases, now);
        var window = timeline.Find(PhaseKind.Vote);
        var open = timeline.IsOpen(PhaseKind.Vote);
        var windowText = window is null ? ""
            : window.State switch
            {
                PhaseState.Upcoming => $"Bình chọn mở từ {VietnameseFormat.DateAndTime(window.StartsAt)}.",
                PhaseState.Open => $"Bình chọn đến {VietnameseFormat.Deadline(window.EndsAt)}.",
                _ => "Thời gian bình chọn đã kết thúc.",
            };

        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        // Whether counts are public is the organizers' choice (a setting), before and after the window.
        var pageVotes = await PerRequestAsync("page votes", () => VotesOfAsync(pageEntryIds ?? [entryId], userId, contest.ShowLiveVoteCounts));
        if (!pageVotes.Entries.Contains(entryId)) // a box whose entry is not among the page's reads for itself
            pageVotes = await VotesOfAsync([entryId], userId, contest.ShowLiveVoteCounts);
        var hasVoted = pageVotes.Voted.Contains(entryId);
        long? count = pageVotes.Counts?.GetValueOrDefault(entryId);

        (int, int)? allowance = null;
        if (userId is not null && open && !hasVoted && contest.VotesPerDayCap is int cap)
        {
            var startOfDay = VoteService.StartOfVietnamDay(now);
            allowance = (cap, await PerRequestAsync("votes today", () => db.Votes.CountAsync(v => v.UserId == userId && v.CastAt >= startOfDay)));
        }

        string? token = null;
        if (userId is not null && open && !hasVoted && !(allowance is var (limit, used) && used >= limit))
        {
            token = tokens.Issue(userId, entryId);
            BrowserId.GetOrCreate(HttpContext);
        }

        // Set by the cast page after its redirect back here (post/redirect/get); on a page with several
        // vote boxes (the gallery) only the box of the entry voted for shows it.
        string? message = null;
        var recorded = false;
        if (TempData.Peek(VoteEntryKey) is not int votedFor || votedFor == entryId)
        {
            message = TempData["VoteMessage"] as string;
            recorded = TempData["VoteRecorded"] as bool? ?? false;
            // Removed, not just read: a value read stays readable until the end of the request, and the
            // next box on the page would show the message again.
            TempData.Remove(VoteEntryKey);
            TempData.Remove("VoteMessage");
            TempData.Remove("VoteRecorded");
        }
        var linkStylesheet = !HttpContext.Items.ContainsKey(StylesheetLinked);
        HttpContext.Items[StylesheetLinked] = true;
        return View(new VoteButtonModel(entryId, returnUrl, open, windowText, userId is not null, hasVoted, count, token, message, recorded)
        {
            Allowance = allowance,
            LinkStylesheet = linkStylesheet,
            Compact = compact,
            EntryTitle = entryTitle,
        });
    }
}
