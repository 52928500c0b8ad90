using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Council.Results;

/// <summary>The ranking follows the contest's chain; only submitted sheets on assignments in force count.</summary>
public sealed class RankingTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly string[] Panel = ["Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Minh Châu"];

    /// <summary>
    /// Pairs tied on total, each separated by the next key of the chain. With unit weights DMST can never decide
    /// under the mean (DMST = council − HQ − KNAD once council, HQ and KNAD are equal), so the chain is shown
    /// down to HQ, KNAD and the submission time.
    /// </summary>
    private async Task<RoundBuilder> TiedRoundAsync()
    {
        var round = new RoundBuilder(site).Judge(Panel)
            .Entry("A", 3).Entry("B", 4).Entry("C", 5).Entry("D", 1).Entry("E", 6).Entry("F", 2).Entry("K", 1).Entry("L", 5)
            .SubmittedByAll("A", Panel, 15, 25, 20)   // council 60 + vote 20 = 80
            .SubmittedByAll("B", Panel, 20, 25, 25)   // council 70 + vote 10 = 80 → above A on council
            .SubmittedByAll("C", Panel, 10, 25, 25)   // 60
            .SubmittedByAll("D", Panel, 20, 20, 20)   // 60, HQ 20 < 25 → below C
            .SubmittedByAll("E", Panel, 10, 20, 20)   // 50
            .SubmittedByAll("F", Panel, 15, 20, 15)   // 50, HQ equal, KNAD 15 < 20 → below E
            .SubmittedByAll("K", Panel, 10, 10, 10)   // 30, submitted on day 1
            .SubmittedByAll("L", Panel, 10, 10, 10)   // 30, submitted on day 5 → below K
            .Votes("A", 10).Votes("B", 5);
        return await round.SaveAsync();
    }

    [Fact]
    public async Task Ranking_follows_total_then_council_then_HQ_KNAD_and_earlier_submission()
    {
        var round = await TiedRoundAsync();

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        string[] expected = ["B", "A", "C", "D", "E", "F", "K", "L"];
        Assert.Equal(
            expected.Select(round.Code),
            results.Ranking.Select(r => r.Entry.Code));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], results.Ranking.Select(r => r.Rank));
        var notes = results.Ranking.ToDictionary(r => r.Entry.Code, r => r.TieBreak);
        Assert.Null(notes[round.Code("B")]);
        Assert.Equal("Bằng tổng điểm, xếp sau do điểm Hội đồng thấp hơn", notes[round.Code("A")]);
        Assert.Null(notes[round.Code("C")]);
        Assert.Equal("Bằng tổng điểm và điểm Hội đồng, xếp sau do điểm tiêu chí HQ thấp hơn", notes[round.Code("D")]);
        Assert.Equal("Bằng tổng điểm và điểm Hội đồng, xếp sau do điểm tiêu chí KNAD thấp hơn", notes[round.Code("F")]);
        Assert.Equal("Bằng điểm, xếp sau do nộp hồ sơ muộn hơn", notes[round.Code("L")]);
        Assert.Equal([80m, 80m, 60m, 60m, 50m, 50m, 30m, 30m], results.Ranking.Select(r => r.Total));
    }

    [Fact]
    public async Task Ranking_is_the_one_the_domain_gives_for_the_same_scorecards()
    {
        var round = await TiedRoundAsync();
        var rubric = DefaultRubric.Create();

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        // The same candidates built by hand from what the builder stored.
        var candidates = round.Entries.Values.Select(e =>
        {
            var row = results.Ranking.Single(r => r.Entry.Id == e.Id);
            return new RankingCandidate(e.Id, row.Council(AggregationMethod.Mean), row.VoteScore, row.Criteria(), new DateTimeOffset(e.SubmittedAt!.Value, TimeSpan.Zero));
        });
        var expected = Ranker.Rank(candidates, TieBreakOrder.For(rubric));
        Assert.Equal(expected.Select(r => (r.Rank, r.EntryId, r.SeparatedBy)), results.Ranking.Select(r => (r.Rank, r.Entry.Id, r.Ranked.SeparatedBy)));
        Assert.Equal(["HQ", "KNAD", "DMST"], results.TieBreakCodes);
    }

    [Fact]
    public async Task Drafts_do_not_count_and_an_entry_short_of_sheets_is_flagged()
    {
        var round = await new RoundBuilder(site).Judge(Panel).Entry("M").Entry("N")
            .Submitted("M", Panel[0], 10, 20, 20)
            .Submitted("M", Panel[1], 12, 22, 22)
            .Draft("M", Panel[2], 20, 30, 30)
            .SubmittedByAll("N", Panel, 10, 10, 10)
            .SaveAsync();

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        var m = results.Ranking.Single(r => r.Entry.Code == round.Code("M"));
        Assert.Equal(53m, m.Council(AggregationMethod.Mean)); // (50 + 56) / 2: the draft's 80 is left out
        Assert.Equal(2, m.Aggregates[AggregationMethod.Mean].JudgeCount);
        Assert.True(m.Incomplete);
        Assert.Equal((3, 2, 1), (m.Progress.Assigned, m.Progress.Submitted, m.Progress.Drafts));
        Assert.Equal([Panel[2]], m.Progress.MissingJudges);
        Assert.False(results.Ranking.Single(r => r.Entry.Code == round.Code("N")).Incomplete);
        var judge = results.Judges.Single(j => j.Name == Panel[2]);
        Assert.Equal((2, 1, 1, 0), (judge.Assigned, judge.Submitted, judge.Drafts, judge.NotStarted));
    }

    [Fact]
    public async Task A_sheet_whose_assignment_was_withdrawn_is_left_out_and_named()
    {
        var round = await new RoundBuilder(site).Judge(Panel).Judge("Phạm Quốc Việt").Entry("P")
            .SubmittedByAll("P", Panel, 10, 20, 20)
            .Withdrawn("P", "Phạm Quốc Việt", 20, 30, 30)
            .SaveAsync();

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        var p = Assert.Single(results.Ranking);
        Assert.Equal(50m, p.CouncilScore);
        Assert.Equal(3, p.Progress.Submitted);
        Assert.Contains(results.Problems, m => m.Contains("Phạm Quốc Việt") && m.Contains(round.Code("P")) && m.Contains("phân công đã bị hủy"));
    }

    [Fact]
    public async Task Entries_without_a_submitted_sheet_are_listed_but_not_ranked()
    {
        var round = await new RoundBuilder(site).Judge(Panel).Entry("Q").Entry("R")
            .SubmittedByAll("Q", Panel, 10, 20, 20)
            .Assigned("R", Panel[0]).Draft("R", Panel[1], 5, 5, 5)
            .SaveAsync();

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        Assert.Equal([round.Code("Q")], results.Ranking.Select(r => r.Entry.Code));
        var r = Assert.Single(results.Unscored);
        Assert.Equal(round.Code("R"), r.Entry.Code);
        Assert.Equal((2, 0, 1), (r.Assigned, r.Submitted, r.Drafts));
    }
}
