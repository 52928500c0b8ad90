using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Content.Rubrics;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Criteria;

/// <summary>/tieu-chi: generated from the rubric in force, so the public page never drifts from what judges use.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public ScoringRubric Stored { get; private set; } = null!;
    public Rubric Rubric { get; private set; } = null!;
    public int CommitteeSize { get; private set; }
    public int ApprovalsNeeded { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var stored = await db.RubricInForceAsync(cancellationToken);
        if (stored is null)
            return NotFound();
        Stored = stored;
        Rubric = stored.ToDomain();
        CommitteeSize = (await db.CurrentContestAsync(cancellationToken)).CommitteeSize;
        ApprovalsNeeded = ContestPlatform.Judging.Awards.AwardApproval.RequiredApprovals(CommitteeSize);
        return Page();
    }

    public bool HasWeights => Rubric.Criteria.Any(c => c.Weight != 1m);

    public IEnumerable<Criterion> TieBreakCriteria =>
        Stored.TieBreakCodes.Select(code => Rubric.Criteria.FirstOrDefault(c => c.Code == code)).OfType<Criterion>();
}
