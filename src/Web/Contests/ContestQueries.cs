using ContestPlatform.Web.Content.Rubrics;
using ContestPlatform.Web.Content.Rules;
using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Contests;

public static class ContestQueries
{
    /// <summary>The contest edition the site runs, with its phases. Seeding guarantees there is one.</summary>
    public static Task<Contest> CurrentContestAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Contests.Include(c => c.Phases).OrderBy(c => c.Id).FirstAsync(cancellationToken);

    public static async Task<ContestTimeline> TimelineAsync(this AppDbContext db, TimeProvider time, CancellationToken cancellationToken = default) =>
        new(await db.ContestPhases.AsNoTracking().ToListAsync(cancellationToken), time.GetUtcNow().UtcDateTime);

    public static Task<ScoringRubric?> RubricInForceAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Rubrics.AsNoTracking().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.InForce, cancellationToken);

    public static Task<RulesVersion?> CurrentRulesAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        db.RulesVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
}
