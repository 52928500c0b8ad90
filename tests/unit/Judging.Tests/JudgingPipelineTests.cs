using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Awards;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Judging.Tests.Builders;
using ContestPlatform.Judging.Votes;

namespace ContestPlatform.Judging.Tests;

/// <summary>The path a page takes: scorecards → council scores → vote scores → ranking → proposed awards.</summary>
public class JudgingPipelineTests
{
    [Fact]
    public void Scorecards_and_votes_become_a_ranking_and_award_proposals()
    {
        var rubric = TestRubrics.Spec();
        var table = new ScoreTable(rubric,
        [
            Cards.Of(rubric, 1, 1, 15, 25, 20), Cards.Of(rubric, 2, 1, 16, 24, 20), Cards.Of(rubric, 3, 1, 14, 26, 20), // 60
            Cards.Of(rubric, 1, 2, 18, 20, 22), Cards.Of(rubric, 2, 2, 18, 20, 22), Cards.Of(rubric, 3, 2, 18, 20, 22), // 60
            Cards.Of(rubric, 1, 3, 10, 10, 10), Cards.Of(rubric, 2, 3, 10, 10, 10), Cards.Of(rubric, 3, 3, 10, 10, 10), // 30
        ]);
        var votes = VoteScore.ForEntries(rubric, new Dictionary<int, long> { [1] = 300, [2] = 300, [3] = 600 });
        var submitted = new Dictionary<int, DateTimeOffset>
        {
            [1] = Candidates.Opening.AddDays(2), [2] = Candidates.Opening.AddDays(1), [3] = Candidates.Opening,
        };

        var ranking = Ranker.Rank(Aggregator.Aggregate(table).Select(a => RankingCandidate.From(a, votes[a.EntryId], submitted[a.EntryId])));
        var awards = AwardAllocator.Allocate(ranking, [new AwardTier("Giải Nhất", 1), new AwardTier("Giải Nhì", 1)]);

        // 1 and 2 both total 70; HQ 25 beats HQ 20. Entry 3: 30 + 20 = 50.
        Assert.Equal([1, 2, 3], ranking.Select(r => r.EntryId));
        Assert.Equal([70m, 70m, 50m], ranking.Select(r => r.Candidate.Total));
        Assert.Equal((RankingKey.Criterion, "HQ"), (ranking[1].SeparatedBy, ranking[1].SeparatingCriterion));
        Assert.Equal(1, awards[0].Winners.Single().EntryId);
        Assert.Equal(2, awards[1].Winners.Single().EntryId);
    }
}
