using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;

namespace ContestPlatform.Judging.Tests.Builders;

/// <summary>Random but reproducible rounds of scorecards for property tests.</summary>
internal static class RandomRounds
{
    /// <summary>Each entry gets a random panel of 1–5 distinct judges from a pool; scores on each criterion's step.</summary>
    public static List<Scorecard> Round(Rubric rubric, int seed, int entries = 12, int judgePool = 6, int maxPanel = 5)
    {
        var random = new Random(seed);
        var cards = new List<Scorecard>();
        for (var entry = 1; entry <= entries; entry++)
        {
            var panel = Enumerable.Range(1, judgePool).OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(maxPanel, judgePool) + 1));
            foreach (var judge in panel)
                cards.Add(Cards.Of(rubric, judge, entry, [.. rubric.JudgedCriteria.Select(c => Score(random, c))]));
        }
        return cards;
    }

    public static decimal Score(Random random, Criterion criterion)
    {
        var steps = (int)(criterion.MaxPoints / criterion.Step);
        return random.Next(steps + 1) * criterion.Step;
    }
}
