using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Council.Results;

/// <summary>
/// Five judges score two entries; every judge gives E2 exactly 2 points less than E1 on each criterion.
/// E1 (DMST, HQ, KNAD → total): J1 10,15,15 → 40 · J2 12,18,18 → 48 · J3 12,19,19 → 50 · J4 16,23,23 → 62 · J5 20,28,28 → 76.
/// </summary>
public sealed class AggregationColumnsTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly string[] Judges = ["GK 1", "GK 2", "GK 3", "GK 4", "GK 5"];
    private static readonly decimal[][] E1 = [[10, 15, 15], [12, 18, 18], [12, 19, 19], [16, 23, 23], [20, 28, 28]];

    private async Task<RoundBuilder> RoundAsync()
    {
        var round = new RoundBuilder(site).Judge(Judges).Entry("E1").Entry("E2");
        for (var j = 0; j < Judges.Length; j++)
        {
            round.Submitted("E1", Judges[j], E1[j][0], E1[j][1], E1[j][2]);
            round.Submitted("E2", Judges[j], E1[j][0] - 2, E1[j][1] - 2, E1[j][2] - 2);
        }
        return await round.SaveAsync();
    }

    [Fact]
    public async Task Mean_median_and_trimmed_mean_match_the_hand_computation()
    {
        var round = await RoundAsync();

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        var e1 = results.Ranking.Single(r => r.Entry.Code == round.Code("E1"));
        Assert.Equal(55.2m, e1.Council(AggregationMethod.Mean));           // 276 / 5
        Assert.Equal(50m, e1.Council(AggregationMethod.Median));           // 40 48 [50] 62 76
        Assert.Equal(53.33m, e1.Council(AggregationMethod.TrimmedMean));   // (48 + 50 + 62) / 3
        Assert.Equal(14m, e1.Criteria()["DMST"]);                          // 70 / 5
        Assert.Equal(20.6m, e1.Criteria()["HQ"]);                          // 103 / 5
        var e2 = results.Ranking.Single(r => r.Entry.Code == round.Code("E2"));
        Assert.Equal(49.2m, e2.Council(AggregationMethod.Mean));
        Assert.Equal(44m, e2.Council(AggregationMethod.Median));
        Assert.Equal(47.33m, e2.Council(AggregationMethod.TrimmedMean));   // (42 + 44 + 56) / 3
    }

    [Fact]
    public async Task Z_score_matches_the_hand_computation()
    {
        var round = await RoundAsync();

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        // Each judge's two scores on a criterion are x and x − 2: mean x − 1, SD 1, so z = +1 for E1 and −1 for E2.
        // Pooled over the ten scores of a criterion: mean M = mean(x) − 1, SD S = √(1 + var(x)).
        // DMST: x = 10 12 12 16 20, mean 14, var 12.8 → M 13, S √13.8 = 3.7148 → E1 16.71, E2 9.29.
        // HQ and KNAD: x = 15 18 19 23 28, mean 20.6, var 20.24 → M 19.6, S √21.24 = 4.6087 → E1 24.21, E2 14.99.
        var s1 = Math.Sqrt(13.8);
        var s2 = Math.Sqrt(21.24);
        var e1 = results.Ranking.Single(r => r.Entry.Code == round.Code("E1"));
        var e2 = results.Ranking.Single(r => r.Entry.Code == round.Code("E2"));
        Assert.Equal(16.71m, e1.Criteria(AggregationMethod.ZScore)["DMST"]);
        Assert.Equal(24.21m, e1.Criteria(AggregationMethod.ZScore)["HQ"]);
        Assert.Equal(9.29m, e2.Criteria(AggregationMethod.ZScore)["DMST"]);
        Assert.Equal(14.99m, e2.Criteria(AggregationMethod.ZScore)["KNAD"]);
        Assert.Equal(Math.Round((decimal)(13 + s1 + 2 * (19.6 + s2)), 2), e1.Council(AggregationMethod.ZScore));
        Assert.Equal(65.13m, e1.Council(AggregationMethod.ZScore));
        Assert.Equal(39.27m, e2.Council(AggregationMethod.ZScore));
    }

    [Fact]
    public async Task Every_method_can_rank_and_the_round_default_is_the_mean()
    {
        var round = await RoundAsync();

        var byMean = await ResultsQuery.LoadAsync(site, round.Round.Id);
        var byMedian = await ResultsQuery.LoadAsync(site, round.Round.Id, AggregationMethod.Median);

        Assert.Equal(AggregationMethod.Mean, byMean.RankedBy);
        Assert.Equal(55.2m, byMean.Ranking[0].CouncilScore);
        Assert.Equal(AggregationMethod.Median, byMedian.RankedBy);
        Assert.Equal(50m, byMedian.Ranking[0].CouncilScore);
        Assert.Equal(50m, byMedian.Ranking[0].Total);
    }
}
