using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Judging;

/// <summary>
/// Every conflict of interest between a judge and an entry being judged: declared by the judge, the judge's own
/// entry, or detected (same organisation, tax code or commune as the entrant or an author's unit).
/// </summary>
public sealed class ConflictsModel(AppDbContext db, CouncilData data) : PageModel
{
    public sealed record Row(JudgeFacts Judge, EntryFacts Entry, IReadOnlyList<string> Labels, ConflictDeclaration? Declaration);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var judges = await data.JudgesAsync(null, cancellationToken);
        var declarations = await db.ConflictDeclarations.AsNoTracking().ToListAsync(cancellationToken);
        var declaredIds = declarations.Select(d => d.EntryId).Distinct().ToArray();
        var ids = await db.Entries.AsNoTracking()
            .Where(e => CouncilData.JudgeableStatuses.Contains(e.Status) || declaredIds.Contains(e.Id))
            .Select(e => e.Id).ToListAsync(cancellationToken);
        var entries = await data.EntriesAsync(ids, cancellationToken);
        var byPair = declarations.ToDictionary(d => (d.JudgeId, d.EntryId));
        Rows = (from judge in judges
                from entry in entries
                where CouncilData.IsConflicted(judge, entry)
                select new Row(judge, entry, CouncilData.ConflictLabels(judge, entry), byPair.GetValueOrDefault((judge.Id, entry.Id))))
            .ToList();
    }
}
