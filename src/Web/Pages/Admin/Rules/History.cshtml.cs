using ContestPlatform.Web.Content.Rules;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Rules;

public sealed class HistoryModel(AppDbContext db) : PageModel
{
    /// <summary>Every version, newest first, without the (large) text.</summary>
    public IReadOnlyList<RulesVersion> Versions { get; private set; } = [];

    public int CurrentNumber => Versions.Count > 0 ? Versions[0].Number : 0;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Versions = await db.RulesVersions.AsNoTracking()
            .OrderByDescending(v => v.Number)
            .Select(v => new RulesVersion
            {
                Number = v.Number,
                Title = v.Title,
                DecisionRef = v.DecisionRef,
                EffectiveDate = v.EffectiveDate,
                CreatedAt = v.CreatedAt,
                CreatedBy = v.CreatedBy,
                Note = v.Note,
            })
            .ToListAsync(cancellationToken);
}
