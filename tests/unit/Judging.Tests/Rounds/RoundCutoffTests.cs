using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Rounds;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Rounds;

public class RoundCutoffTests
{
    private static IReadOnlyList<RankedEntry> Ranking(params RankingCandidate[] candidates) => Ranker.Rank(candidates);

    [Fact]
    public void Top_n_takes_the_first_n()
    {
        var ranking = Ranking(Candidates.Of(1, 70m), Candidates.Of(2, 60m), Candidates.Of(3, 50m));

        var result = RoundCutoff.Top(2).Apply(ranking);

        Assert.Equal([1, 2], result.Advancing.Select(r => r.EntryId));
        Assert.Equal([3], result.Eliminated.Select(r => r.EntryId));
    }

    [Fact]
    public void Top_n_includes_every_entry_tied_on_scores_at_the_boundary()
    {
        // Entries 2, 3, 4 have the same scores and differ only by submission time.
        var ranking = Ranking(
            Candidates.Of(1, 70m),
            Candidates.Of(2, 60m, minutes: 1), Candidates.Of(3, 60m, minutes: 2), Candidates.Of(4, 60m, minutes: 3),
            Candidates.Of(5, 50m));

        var result = RoundCutoff.Top(2).Apply(ranking);

        Assert.Equal([1, 2, 3, 4], result.Advancing.Select(r => r.EntryId));
        Assert.Equal([5], result.Eliminated.Select(r => r.EntryId));
    }

    [Fact]
    public void Top_n_does_not_extend_past_a_tie_broken_by_scores()
    {
        var ranking = Ranking(Candidates.Of(1, 70m), Candidates.Of(2, 60m, hq: 10m), Candidates.Of(3, 60m, hq: 9m));
        Assert.Equal([1, 2], RoundCutoff.Top(2).Apply(ranking).Advancing.Select(r => r.EntryId));
    }

    [Fact]
    public void Top_n_larger_than_the_field_takes_everyone()
    {
        var ranking = Ranking(Candidates.Of(1, 70m));
        Assert.Single(RoundCutoff.Top(5).Apply(ranking).Advancing);
    }

    [Fact]
    public void Threshold_takes_every_total_at_or_above_it()
    {
        var ranking = Ranking(Candidates.Of(1, 70m), Candidates.Of(2, 59.5m, 0.5m), Candidates.Of(3, 59.99m));

        var result = RoundCutoff.AtLeast(60m).Apply(ranking);

        Assert.Equal([1, 2], result.Advancing.Select(r => r.EntryId));
        Assert.Equal([3], result.Eliminated.Select(r => r.EntryId));
    }

    [Fact]
    public void Cutoffs_are_validated()
    {
        Assert.Throws<JudgingException>(() => RoundCutoff.Top(0));
        Assert.Throws<JudgingException>(() => RoundCutoff.AtLeast(-1m));
    }

    [Fact]
    public void Ranking_out_of_order_is_refused()
    {
        var ranking = Ranking(Candidates.Of(1, 70m), Candidates.Of(2, 60m));
        Assert.Throws<JudgingException>(() => RoundCutoff.Top(1).Apply([ranking[1], ranking[0]]));
    }
}
