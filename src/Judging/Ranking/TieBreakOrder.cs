using ContestPlatform.Judging.Rubrics;

namespace ContestPlatform.Judging.Ranking;

/// <summary>Which criteria break a tie on total and council score, in order.</summary>
public static class TieBreakOrder
{
    /// <summary>The contest rule: HQ, then KNAD, then DMST.</summary>
    public static readonly IReadOnlyList<string> Default =
        [DefaultRubric.Effectiveness, DefaultRubric.Applicability, DefaultRubric.Innovation];

    /// <summary>
    /// For an edited rubric: the default codes it still has, in default order, then its other judged criteria
    /// in rubric order, so a renamed criterion still breaks ties instead of being silently skipped.
    /// </summary>
    public static IReadOnlyList<string> For(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var judged = rubric.JudgedCriteria.Select(c => c.Code).ToList();
        return [.. Default.Where(judged.Contains), .. judged.Where(c => !Default.Contains(c))];
    }
}
