using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Judging.Judges;

/// <summary>The members of the council with their affiliation, expertise and current load.</summary>
public sealed class IndexModel(AppDbContext db, CouncilData data) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<JudgeFacts> Judges { get; private set; } = [];
    public IReadOnlyDictionary<string, (string Email, bool Confirmed)> Accounts { get; private set; } = new Dictionary<string, (string, bool)>();
    public IReadOnlyDictionary<int, string> Categories { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<int, int> Loads { get; private set; } = new Dictionary<int, int>();

    /// <summary>Accounts holding the Judge role without a judge row: they cannot be assigned until invited.</summary>
    public IReadOnlyList<string> RoleWithoutProfile { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Judges = await data.JudgesAsync(null, cancellationToken);
        var userIds = Judges.Select(j => j.Judge.UserId).ToList();
        Accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.Email ?? "", u.EmailConfirmed), cancellationToken);
        Categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        Loads = await db.Assignments.AsNoTracking()
            .Where(a => a.RemovedAt == null)
            .Join(db.JudgingRounds.Where(r => r.State != RoundState.Closed), a => a.RoundId, r => r.Id, (a, r) => a.JudgeId)
            .GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        RoleWithoutProfile = await (from ur in db.UserRoles
                                    join r in db.Roles on ur.RoleId equals r.Id
                                    join u in db.Users on ur.UserId equals u.Id
                                    where r.Name == Roles.Judge && !db.Judges.Any(j => j.UserId == u.Id)
                                    orderby u.Email
                                    select u.Email ?? u.UserName ?? u.Id).ToListAsync(cancellationToken);
    }
}
