using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Awards;

/// <summary>
/// /quan-tri/giai-thuong/quyet-dinh: the draft Quyết định công nhận kết quả, generated from the current proposal
/// and laid out to print on A4; /quan-tri/giai-thuong/ket-qua.xlsx: the same list as a spreadsheet.
/// </summary>
public sealed class DecisionModel(AwardService awards, AppDbContext db) : PageModel
{
    /// <summary>The current proposal; null while there is none (the page then says so).</summary>
    public ProposalView? Proposal { get; private set; }
    public Contest Contest { get; private set; } = null!;
    public ILookup<int, string> Authors { get; private set; } = null!;
    public string RoundName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await awards.CurrentAsync(cancellationToken) is not { } proposal)
            return Page();
        Proposal = proposal;
        Contest = await db.CurrentContestAsync(cancellationToken);
        Authors = await awards.AuthorsAsync(proposal, cancellationToken);
        RoundName = await db.JudgingRounds.Where(r => r.Id == proposal.Proposal.RoundId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await awards.CurrentAsync(cancellationToken) is not { } proposal)
            return NotFound();
        var table = AwardsExport.Winners(proposal, await awards.AuthorsAsync(proposal, cancellationToken));
        return File(ResultsExport.Xlsx(table), ResultsExport.XlsxContentType, $"de-nghi-khen-thuong-{proposal.Proposal.Id}.xlsx");
    }

    /// <summary>"Giải Ba" for one, "03 Giải Ba" style counts are for the article text.</summary>
    public static string Count(int n) => n < 10 ? $"0{n}" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
