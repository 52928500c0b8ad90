using ContestPlatform.Web.Data;

namespace ContestPlatform.Web.Council;

/// <summary>Queries the council pages and the results share, so "what counts" is written down once.</summary>
public static class CouncilQueries
{
    /// <summary>Assignments in force (not removed) of a round.</summary>
    public static IQueryable<Assignment> ActiveAssignments(this AppDbContext db, int roundId) =>
        db.Assignments.Where(a => a.RoundId == roundId && a.RemovedAt == null);

    /// <summary>
    /// The sheets that count for a round's results: submitted, by a judge still assigned to the entry. A sheet
    /// whose assignment was removed (a conflict found later, a judge leaving) stays stored but no longer counts,
    /// and counts again if the judge is put back on the entry.
    /// </summary>
    public static IQueryable<ScoreSheet> CountedSheets(this AppDbContext db, int roundId) =>
        db.ScoreSheets.Where(s => s.RoundId == roundId
                                  && s.State == SheetState.Submitted
                                  && db.Assignments.Any(a => a.RoundId == s.RoundId && a.EntryId == s.EntryId
                                                             && a.JudgeId == s.JudgeId && a.RemovedAt == null));

    /// <summary>A judge's sheets, drafts included, in a round (or in every round when <paramref name="roundId"/> is null).</summary>
    public static IQueryable<ScoreSheet> SheetsOf(this AppDbContext db, int judgeId, int? roundId = null) =>
        db.ScoreSheets.Where(s => s.JudgeId == judgeId && (roundId == null || s.RoundId == roundId));
}
