using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages;

public sealed class IndexModel(AppDbContext db, TimeProvider time, SponsorshipService sponsorship) : PageModel
{
    public Contest Contest { get; private set; } = null!;
    public ContestTimeline Timeline { get; private set; } = null!;
    public int CategoryCount { get; private set; }
    public int AccountCount { get; private set; }
    public IReadOnlyList<NewsPost> LatestNews { get; private set; } = [];
    public IReadOnlyList<PublicSponsor> Sponsors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Contest = await db.CurrentContestAsync(cancellationToken);
        Timeline = new ContestTimeline(Contest.Phases, time.GetUtcNow().UtcDateTime);
        CategoryCount = await db.Categories.CountAsync(c => c.IsActive, cancellationToken);
        AccountCount = await db.Users.CountAsync(u => u.EmailConfirmed, cancellationToken);
        var now = Timeline.NowUtc;
        LatestNews = await db.News.AsNoTracking()
            .Where(n => n.PublishAt <= now)
            .OrderByDescending(n => n.PublishAt).Take(3)
            .ToListAsync(cancellationToken);
        Sponsors = await sponsorship.PublicSponsorsAsync(cancellationToken);
    }

    /// <summary>Whole days left in a window, counted in Vietnam time.</summary>
    public int DaysLeft(PhaseStatus phase) =>
        (int)Math.Ceiling((phase.EndsAt - Timeline.NowUtc).TotalDays);
}
