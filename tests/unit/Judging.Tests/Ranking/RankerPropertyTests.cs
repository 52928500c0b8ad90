using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Ranking;

public class RankerPropertyTests
{
    private const int Seeds = 200;

    // Few distinct values so that every key of the chain gets exercised.
    private static List<RankingCandidate> RandomCandidates(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, random.Next(1, 40))
            .Select(id => Candidates.Of(
                id,
                council: random.Next(3) * 0.5m + 60m,
                vote: random.Next(2) * 0.5m,
                hq: random.Next(2),
                knad: random.Next(2),
                dmst: random.Next(2),
                minutes: random.Next(3)))
            .OrderBy(_ => random.Next())
            .ToList();
    }

    // The chain written out independently of the ranker: negative when a ranks above b.
    private static int Chain(RankingCandidate a, RankingCandidate b)
    {
        int c;
        if ((c = b.Total.CompareTo(a.Total)) != 0) return c;
        if ((c = b.CouncilScore.CompareTo(a.CouncilScore)) != 0) return c;
        foreach (var code in TieBreakOrder.Default)
        {
            if ((c = b.CriterionScores[code].CompareTo(a.CriterionScores[code])) != 0) return c;
        }
        if ((c = a.SubmittedAt.CompareTo(b.SubmittedAt)) != 0) return c;
        return a.EntryId.CompareTo(b.EntryId);
    }

    [Fact]
    public void Ranking_is_a_total_order_consistent_with_the_tie_break_chain()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var candidates = RandomCandidates(seed);
            var ranking = Ranker.Rank(candidates);

            Assert.Equal(candidates.Count, ranking.Count);
            Assert.Equal(Enumerable.Range(1, candidates.Count), ranking.Select(r => r.Rank));
            Assert.Equal(candidates.Select(c => c.EntryId).Order(), ranking.Select(r => r.EntryId).Order());
            for (var i = 0; i < ranking.Count; i++)
            {
                for (var j = i + 1; j < ranking.Count; j++)
                    Assert.True(Chain(ranking[i].Candidate, ranking[j].Candidate) < 0, $"seed {seed}: {i} vs {j}");
            }
        }
    }

    [Fact]
    public void Ranking_does_not_depend_on_input_order()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var candidates = RandomCandidates(seed);
            var reversed = Enumerable.Reverse(candidates).ToList();
            Assert.Equal(Ranker.Rank(candidates).Select(r => r.EntryId), Ranker.Rank(reversed).Select(r => r.EntryId));
        }
    }

    [Fact]
    public void Separating_key_is_the_first_key_of_the_chain_that_differs()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var ranking = Ranker.Rank(RandomCandidates(seed));
            for (var i = 1; i < ranking.Count; i++)
            {
                var (above, below) = (ranking[i - 1].Candidate, ranking[i].Candidate);
                var expected =
                    above.Total != below.Total ? RankingKey.Total
                    : above.CouncilScore != below.CouncilScore ? RankingKey.CouncilScore
                    : TieBreakOrder.Default.Any(k => above.CriterionScores[k] != below.CriterionScores[k]) ? RankingKey.Criterion
                    : above.SubmittedAt != below.SubmittedAt ? RankingKey.SubmittedAt
                    : RankingKey.EntryId;
                Assert.Equal(expected, ranking[i].SeparatedBy);
            }
        }
    }
}
