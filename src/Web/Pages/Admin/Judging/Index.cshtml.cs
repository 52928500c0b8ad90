using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Judging;

/// <summary>The judging area's front page: every round with its entries, assignments and progress.</summary>
public sealed class IndexModel(AppDbContext db, RoundService rounds) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public sealed record RoundRow(JudgingRound Round, int Entries, int Assignments, int Submitted, int Missing, IReadOnlyList<string> Warnings);

    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];
    public int ActiveJudges { get; private set; }
    public int WithoutBlindCopy { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = new List<RoundRow>();
        foreach (var round in await rounds.ListAsync(cancellationToken))
        {
            var entries = await rounds.EntriesAsync(round, cancellationToken);
            var ids = entries.EntryIds.ToArray();
            var active = await db.ActiveAssignments(round.Id).Where(a => ids.Contains(a.EntryId))
                .Select(a => new { a.EntryId, a.JudgeId }).ToListAsync(cancellationToken);
            var submitted = await db.CountedSheets(round.Id).CountAsync(s => ids.Contains(s.EntryId), cancellationToken);
            var perEntry = active.GroupBy(a => a.EntryId).ToDictionary(g => g.Key, g => g.Count());
            var missing = ids.Count(id => perEntry.GetValueOrDefault(id) < round.JudgesPerEntry);
            rows.Add(new RoundRow(round, ids.Length, active.Count, submitted, missing, entries.Warnings));
        }
        Rounds = rows;
        ActiveJudges = await db.Judges.CountAsync(j => j.Active, cancellationToken);
        WithoutBlindCopy = await db.Entries.CountAsync(e => CouncilData.JudgeableStatuses.Contains(e.Status) && e.Blind == null, cancellationToken);
    }
}
