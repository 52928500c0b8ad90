using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Content.Rules;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin;

public sealed class IndexModel(AppDbContext db, TimeProvider time, SponsorshipService sponsorship) : PageModel
{
    public Contest Contest { get; private set; } = null!;
    public ContestTimeline Timeline { get; private set; } = null!;
    public int ActiveCategories { get; private set; }
    public int HiddenCategories { get; private set; }
    public int UserCount { get; private set; }
    public IReadOnlyList<(string Role, int Count)> UsersByRole { get; private set; } = [];
    public int PublishedNews { get; private set; }
    public int ScheduledNews { get; private set; }
    public DateTime? NextScheduled { get; private set; }
    public int EventCount { get; private set; }
    public RulesVersion? Rules { get; private set; }
    public IReadOnlyList<MouSummary> Mous { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Contest = await db.CurrentContestAsync(cancellationToken);
        Timeline = new ContestTimeline(Contest.Phases, now);

        var categories = await db.Categories.AsNoTracking()
            .GroupBy(c => c.IsActive).Select(g => new { Active = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        ActiveCategories = categories.Where(c => c.Active).Sum(c => c.Count);
        HiddenCategories = categories.Where(c => !c.Active).Sum(c => c.Count);

        UserCount = await db.Users.CountAsync(cancellationToken);
        var roleCounts = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                group userRole by role.Name into g
                select new { Role = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        UsersByRole = Roles.All
            .Select(r => (r, roleCounts.FirstOrDefault(c => c.Role == r)?.Count ?? 0))
            .ToList();

        PublishedNews = await db.News.CountAsync(n => n.PublishAt <= now, cancellationToken);
        ScheduledNews = await db.News.CountAsync(n => n.PublishAt > now, cancellationToken);
        NextScheduled = await db.News.Where(n => n.PublishAt > now)
            .OrderBy(n => n.PublishAt).Select(n => (DateTime?)n.PublishAt)
            .FirstOrDefaultAsync(cancellationToken);
        EventCount = await db.Events.CountAsync(cancellationToken);
        Rules = await db.CurrentRulesAsync(cancellationToken);
        Mous = await sponsorship.MouSummariesAsync(cancellationToken);
    }
}
