using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Council.Results;

/// <summary>Vote score = 20 × v ÷ vmax, one decimal, from valid votes only. A site of its own, so vmax is known.</summary>
public sealed class VoteScoreColumnTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Vote_score_is_twenty_times_votes_over_the_highest_count_from_valid_votes()
    {
        string[] panel = ["Hoàng Văn Nam", "Đỗ Thị Lan"];
        var round = await new RoundBuilder(site).Judge(panel).Entry("V1").Entry("V2").Entry("V3")
            .SubmittedByAll("V1", panel, 10, 20, 20)
            .SubmittedByAll("V2", panel, 10, 20, 20)
            .SubmittedByAll("V3", panel, 10, 20, 20)
            .Votes("V1", 7)
            .Votes("V2", 3, voided: 5) // five voided votes do not count: 3 valid, not 8 (which would top V1)
            .SaveAsync();

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        var byCode = results.Ranking.ToDictionary(r => r.Entry.Code);
        Assert.Equal((7L, 20m), (byCode[round.Code("V1")].Votes, byCode[round.Code("V1")].VoteScore));
        Assert.Equal((3L, 8.6m), (byCode[round.Code("V2")].Votes, byCode[round.Code("V2")].VoteScore)); // 20 × 3 ÷ 7 = 8,57
        Assert.Equal((0L, 0m), (byCode[round.Code("V3")].Votes, byCode[round.Code("V3")].VoteScore));
        Assert.Equal(70m, byCode[round.Code("V1")].Total);
        Assert.Equal(58.6m, byCode[round.Code("V2")].Total);
        Assert.Equal([round.Code("V1"), round.Code("V2"), round.Code("V3")], results.Ranking.Select(r => r.Entry.Code));
    }
}
