using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;

namespace ContestPlatform.Judging.Tests.Builders;

internal static class Cards
{
    /// <summary>A complete card; scores follow the order of the rubric's judged criteria (DMST, HQ, KNAD for the spec).</summary>
    public static Scorecard Of(Rubric rubric, int judgeId, int entryId, params decimal[] scores)
    {
        var criteria = rubric.JudgedCriteria;
        if (scores.Length != criteria.Count)
            throw new ArgumentException($"Expected {criteria.Count} scores.", nameof(scores));
        return new Scorecard(rubric, judgeId, entryId, criteria.Select((c, i) => (c.Code, scores[i])).ToDictionary());
    }

    public static ScoreTable Table(Rubric rubric, params Scorecard[] cards) => new(rubric, cards);
}
