using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Ranking;

public class RankerTests
{
    private static int[] Order(IEnumerable<RankingCandidate> candidates, IReadOnlyList<string>? tieBreak = null) =>
        [.. Ranker.Rank(candidates, tieBreak).Select(r => r.EntryId)];

    [Fact]
    public void Higher_total_ranks_first()
    {
        var ranking = Ranker.Rank([Candidates.Of(1, 60m, 5m), Candidates.Of(2, 50m, 20m)]);

        Assert.Equal([2, 1], ranking.Select(r => r.EntryId));
        Assert.Equal([1, 2], ranking.Select(r => r.Rank));
        Assert.Equal(RankingKey.None, ranking[0].SeparatedBy);
        Assert.Equal(RankingKey.Total, ranking[1].SeparatedBy);
    }

    [Fact]
    public void Equal_totals_are_broken_by_council_score()
    {
        var ranking = Ranker.Rank([Candidates.Of(1, 60m, 10m), Candidates.Of(2, 65m, 5m)]);

        Assert.Equal([2, 1], ranking.Select(r => r.EntryId));
        Assert.Equal(RankingKey.CouncilScore, ranking[1].SeparatedBy);
    }

    [Fact]
    public void Then_HQ_then_KNAD_then_DMST()
    {
        Assert.Equal([2, 1], Order([Candidates.Of(1, 60m, hq: 20m, knad: 30m), Candidates.Of(2, 60m, hq: 21m)]));
        Assert.Equal([2, 1], Order([Candidates.Of(1, 60m, hq: 20m, dmst: 20m), Candidates.Of(2, 60m, hq: 20m, knad: 1m)]));
        var ranking = Ranker.Rank([Candidates.Of(1, 60m, hq: 20m, knad: 20m), Candidates.Of(2, 60m, hq: 20m, knad: 20m, dmst: 0.5m)]);
        Assert.Equal([2, 1], ranking.Select(r => r.EntryId));
        Assert.Equal((RankingKey.Criterion, "DMST"), (ranking[1].SeparatedBy, ranking[1].SeparatingCriterion));
        Assert.Contains("DMST", ranking[1].Explanation);
    }

    [Fact]
    public void Then_earlier_submission()
    {
        var ranking = Ranker.Rank([Candidates.Of(1, 60m, minutes: 10), Candidates.Of(2, 60m, minutes: 5)]);

        Assert.Equal([2, 1], ranking.Select(r => r.EntryId));
        Assert.Equal(RankingKey.SubmittedAt, ranking[1].SeparatedBy);
        Assert.True(ranking[1].TiedOnScores);
    }

    [Fact]
    public void Submission_times_are_compared_as_instants_across_offsets()
    {
        var early = Candidates.Of(1, 60m) with { SubmittedAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(7)) };
        var late = Candidates.Of(2, 60m) with { SubmittedAt = new DateTimeOffset(2025, 3, 1, 2, 30, 0, TimeSpan.Zero) };
        Assert.Equal([1, 2], Order([late, early]));
    }

    [Fact]
    public void Complete_ties_fall_back_to_entry_id()
    {
        var ranking = Ranker.Rank([Candidates.Of(9, 60m), Candidates.Of(3, 60m)]);

        Assert.Equal([3, 9], ranking.Select(r => r.EntryId));
        Assert.Equal(RankingKey.EntryId, ranking[1].SeparatedBy);
    }

    [Fact]
    public void Tie_break_order_is_a_parameter()
    {
        var candidates = new[] { Candidates.Of(1, 60m, hq: 25m, dmst: 1m), Candidates.Of(2, 60m, hq: 1m, dmst: 25m) };

        Assert.Equal([1, 2], Order(candidates));
        Assert.Equal([2, 1], Order(candidates, ["DMST", "HQ"]));
    }

    [Fact]
    public void Missing_tie_break_score_is_refused()
    {
        var candidate = new RankingCandidate(1, 60m, 0m, new Dictionary<string, decimal>(), Candidates.Opening);
        var error = Assert.Throws<JudgingException>(() => Ranker.Rank([candidate]));
        Assert.Contains("HQ", error.Message);
    }

    [Fact]
    public void Duplicate_entry_is_refused()
    {
        Assert.Throws<JudgingException>(() => Ranker.Rank([Candidates.Of(1, 60m), Candidates.Of(1, 50m)]));
    }

    [Fact]
    public void Empty_input_gives_an_empty_ranking()
    {
        Assert.Empty(Ranker.Rank([]));
    }

    [Fact]
    public void Candidate_from_an_aggregate_adds_the_vote_score()
    {
        var aggregate = new EntryAggregate(4, AggregationMethod.Mean, 3,
            new Dictionary<string, decimal> { ["HQ"] = 20m, ["KNAD"] = 20m, ["DMST"] = 15m }, 55m);

        var candidate = RankingCandidate.From(aggregate, 12.5m, Candidates.Opening);

        Assert.Equal(67.5m, candidate.Total);
        Assert.Equal(20m, candidate.CriterionScores["HQ"]);
    }

    [Fact]
    public void Tie_break_order_for_an_edited_rubric_keeps_default_codes_first()
    {
        var rubric = new Rubric(
            [TestRubrics.Judged("DMST"), TestRubrics.Judged("XH"), TestRubrics.Judged("HQ")]);
        Assert.Equal(["HQ", "DMST", "XH"], TieBreakOrder.For(rubric));
        Assert.Equal(["HQ", "KNAD", "DMST"], TieBreakOrder.For(TestRubrics.Spec()));
    }
}
