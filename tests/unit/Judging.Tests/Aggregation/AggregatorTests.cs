using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Aggregation;

public class AggregatorTests
{
    private static readonly Rubric Spec = TestRubrics.Spec();

    // Entry 1: totals 60, 50, 70, 20 (one severe judge).
    private static ScoreTable FourJudges() => Cards.Table(Spec,
        Cards.Of(Spec, 1, 1, 15, 20, 25),
        Cards.Of(Spec, 2, 1, 10, 20, 20),
        Cards.Of(Spec, 3, 1, 20, 25, 25),
        Cards.Of(Spec, 4, 1, 5, 5, 10));

    [Fact]
    public void Mean_is_the_default_and_averages_totals_and_criteria()
    {
        var result = Assert.Single(Aggregator.Aggregate(FourJudges()));

        Assert.Equal(AggregationMethod.Mean, result.Method);
        Assert.Equal(4, result.JudgeCount);
        Assert.Equal(50m, result.CouncilScore);
        Assert.Equal(12.5m, result.Criteria["DMST"]);
        Assert.Equal(17.5m, result.Criteria["HQ"]);
        Assert.Equal(20m, result.Criteria["KNAD"]);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        var result = Assert.Single(Aggregator.Aggregate(FourJudges(), AggregationMethod.Median));

        Assert.Equal(55m, result.CouncilScore); // middle of 20, 50, 60, 70
        Assert.Equal(12.5m, result.Criteria["DMST"]); // middle of 5, 10, 15, 20
        Assert.Equal(20m, result.Criteria["HQ"]);
        Assert.Equal(22.5m, result.Criteria["KNAD"]);
    }

    [Fact]
    public void Trimmed_mean_drops_the_highest_and_the_lowest()
    {
        var result = Assert.Single(Aggregator.Aggregate(FourJudges(), AggregationMethod.TrimmedMean));

        Assert.Equal(55m, result.CouncilScore); // (50 + 60) / 2
        Assert.Equal(12.5m, result.Criteria["DMST"]);
    }

    [Fact]
    public void Trimmed_mean_with_two_judges_is_the_mean()
    {
        var table = Cards.Table(Spec, Cards.Of(Spec, 1, 1, 10, 10, 10), Cards.Of(Spec, 2, 1, 20, 20, 20));
        Assert.Equal(45m, Aggregator.Aggregate(table, AggregationMethod.TrimmedMean).Single().CouncilScore);
    }

    [Fact]
    public void Council_score_is_rounded_to_two_decimals_half_away_from_zero()
    {
        // Totals 10, 10, 10.5 → 10.1666… → 10.17
        var table = Cards.Table(Spec,
            Cards.Of(Spec, 1, 1, 0, 0, 10),
            Cards.Of(Spec, 2, 1, 0, 0, 10),
            Cards.Of(Spec, 3, 1, 0, 0, 10.5m));
        Assert.Equal(10.17m, Aggregator.Aggregate(table).Single().CouncilScore);
    }

    [Fact]
    public void Z_score_removes_a_judges_severity()
    {
        // Judge 2 is 10 points stricter on HQ than judge 1 on every entry; after normalisation both agree.
        var table = Cards.Table(Spec,
            Cards.Of(Spec, 1, 1, 10, 30, 10), Cards.Of(Spec, 2, 1, 10, 20, 10),
            Cards.Of(Spec, 1, 2, 10, 20, 10), Cards.Of(Spec, 2, 2, 10, 10, 10));

        var results = Aggregator.Aggregate(table, AggregationMethod.ZScore);

        // Pooled HQ: mean 20, SD √50 ≈ 7.07. Entry 1: z = +1 for both → 27.07; entry 2: z = −1 → 12.93.
        Assert.Equal(27.07m, results[0].Criteria["HQ"]);
        Assert.Equal(12.93m, results[1].Criteria["HQ"]);
        // DMST and KNAD never vary: SD 0 → z 0 → pooled mean.
        Assert.Equal(10m, results[0].Criteria["DMST"]);
        Assert.Equal(47.07m, results[0].CouncilScore);
    }

    [Fact]
    public void Z_score_is_clamped_to_the_criterion_range()
    {
        // A lone generous judge: z = +1 on entry 1 with a pooled SD large enough to pass the maximum.
        var table = Cards.Table(Spec,
            Cards.Of(Spec, 1, 1, 20, 30, 30), Cards.Of(Spec, 1, 2, 19.5m, 29.5m, 29.5m),
            Cards.Of(Spec, 2, 3, 0, 0, 0), Cards.Of(Spec, 2, 4, 20, 30, 30));

        var results = Aggregator.Aggregate(table, AggregationMethod.ZScore);

        Assert.All(results, r => Assert.InRange(r.Criteria["HQ"], 0m, 30m));
        Assert.Equal(30m, results[0].Criteria["HQ"]);
    }

    [Fact]
    public void Results_are_in_ascending_entry_order()
    {
        var table = Cards.Table(Spec, Cards.Of(Spec, 1, 9, 1, 1, 1), Cards.Of(Spec, 1, 3, 1, 1, 1));
        Assert.Equal([3, 9], Aggregator.Aggregate(table).Select(r => r.EntryId));
    }

    [Fact]
    public void All_methods_can_be_shown_side_by_side()
    {
        var all = Aggregator.AggregateAll(FourJudges());
        Assert.Equal(Enum.GetValues<AggregationMethod>(), all.Keys.Order());
        Assert.All(all, pair => Assert.All(pair.Value, r => Assert.Equal(pair.Key, r.Method)));
    }
}
