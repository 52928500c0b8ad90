using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Tests.Builders;
using ContestPlatform.Judging.Votes;

namespace ContestPlatform.Judging.Tests.Votes;

public class VoteScoreTests
{
    [Theory]
    [InlineData(100, 100, 20)]
    [InlineData(50, 100, 10)]
    [InlineData(1, 3, 6.7)]   // 6.666…
    [InlineData(1, 16, 1.3)]  // 1.25 → away from zero
    [InlineData(3, 16, 3.8)]  // 3.75 → away from zero
    [InlineData(0, 100, 0)]
    public void Vote_score_is_20_times_votes_over_the_highest_rounded_to_one_decimal(long votes, long highest, decimal expected)
    {
        Assert.Equal(expected, VoteScore.Compute(20m, votes, highest));
    }

    [Fact]
    public void Nobody_voted_gives_zero()
    {
        Assert.Equal(0m, VoteScore.Compute(20m, 0, 0));
    }

    [Fact]
    public void Other_maximum_scales_the_score()
    {
        Assert.Equal(5m, VoteScore.Compute(10m, 1, 2));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -1)]
    public void Impossible_counts_are_refused(long votes, long highest)
    {
        Assert.Throws<JudgingException>(() => VoteScore.Compute(20m, votes, highest));
    }

    [Fact]
    public void Scores_for_all_entries_use_the_highest_count_among_them()
    {
        var scores = VoteScore.ForEntries(TestRubrics.Spec(), new Dictionary<int, long> { [1] = 40, [2] = 30, [3] = 0 });

        Assert.Equal(20m, scores[1]);
        Assert.Equal(15m, scores[2]);
        Assert.Equal(0m, scores[3]);
    }

    [Fact]
    public void Without_any_vote_every_entry_gets_zero()
    {
        var scores = VoteScore.ForEntries(TestRubrics.Spec(), new Dictionary<int, long> { [1] = 0, [2] = 0 });
        Assert.All(scores.Values, s => Assert.Equal(0m, s));
    }

    [Fact]
    public void Rubric_without_vote_criterion_gives_zero()
    {
        var rubric = new Rubric([TestRubrics.Judged("A")]);
        Assert.Equal(0m, VoteScore.ForEntries(rubric, new Dictionary<int, long> { [1] = 5 })[1]);
    }

    [Fact]
    public void Total_adds_council_and_vote_scores_exactly()
    {
        Assert.Equal(73.47m, VoteScore.Total(60.17m, 13.3m));
    }
}
