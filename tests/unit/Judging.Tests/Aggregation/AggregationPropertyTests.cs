using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Aggregation;

public class AggregationPropertyTests
{
    private const int Seeds = 200;
    private static readonly Rubric Spec = TestRubrics.Spec();
    private static readonly AggregationMethod[] Robust =
        [AggregationMethod.Mean, AggregationMethod.Median, AggregationMethod.TrimmedMean];

    [Fact]
    public void Mean_median_and_trimmed_mean_lie_between_the_lowest_and_highest_judge_total()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var cards = RandomRounds.Round(Spec, seed);
            var table = new ScoreTable(Spec, cards);
            foreach (var method in Robust)
            {
                foreach (var result in Aggregator.Aggregate(table, method))
                {
                    var totals = cards.Where(c => c.EntryId == result.EntryId).Select(c => c.WeightedTotal).ToList();
                    Assert.InRange(result.CouncilScore, totals.Min(), totals.Max());
                    foreach (var criterion in Spec.JudgedCriteria)
                    {
                        var scores = cards.Where(c => c.EntryId == result.EntryId).Select(c => c.Scores[criterion.Code]).ToList();
                        Assert.InRange(result.Criteria[criterion.Code], scores.Min(), scores.Max());
                    }
                }
            }
        }
    }

    [Fact]
    public void Identical_scores_from_all_judges_give_that_score_for_every_method()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            // Every judge scores every entry, and all judges agree on each entry.
            var random = new Random(seed);
            var judges = random.Next(1, 6);
            var cards = new List<Scorecard>();
            for (var entry = 1; entry <= 8; entry++)
            {
                var scores = Spec.JudgedCriteria.Select(c => RandomRounds.Score(random, c)).ToArray();
                for (var judge = 1; judge <= judges; judge++)
                    cards.Add(Cards.Of(Spec, judge, entry, scores));
            }
            var table = new ScoreTable(Spec, cards);

            foreach (var method in Enum.GetValues<AggregationMethod>())
            {
                foreach (var result in Aggregator.Aggregate(table, method))
                {
                    var card = cards.First(c => c.EntryId == result.EntryId);
                    Assert.Equal(card.WeightedTotal, result.CouncilScore);
                    foreach (var (code, score) in card.Scores)
                        Assert.Equal(score, result.Criteria[code]);
                }
            }
        }
    }

    [Fact]
    public void A_round_where_every_score_is_the_same_keeps_that_score_under_z_score()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var scores = Spec.JudgedCriteria.Select(c => RandomRounds.Score(random, c)).ToArray();
            var cards = RandomRounds.Round(Spec, seed).Select(c => Cards.Of(Spec, c.JudgeId, c.EntryId, scores));
            foreach (var result in Aggregator.Aggregate(new ScoreTable(Spec, cards), AggregationMethod.ZScore))
                Assert.Equal(scores.Sum(), result.CouncilScore);
        }
    }

    [Fact]
    public void Permuting_judges_and_cards_does_not_change_any_result()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var cards = RandomRounds.Round(Spec, seed);
            var random = new Random(seed + 1);
            // Rename judges with a random permutation of their ids and shuffle the card order.
            var ids = cards.Select(c => c.JudgeId).Distinct().ToArray();
            var renamed = ids.OrderBy(_ => random.Next()).ToArray();
            var map = ids.Zip(renamed).ToDictionary(p => p.First, p => p.Second);
            var permuted = cards
                .Select(c => Cards.Of(Spec, map[c.JudgeId], c.EntryId, [.. Spec.JudgedCriteria.Select(k => c.Scores[k.Code])]))
                .OrderBy(_ => random.Next())
                .ToList();

            foreach (var method in Enum.GetValues<AggregationMethod>())
            {
                var before = Aggregator.Aggregate(new ScoreTable(Spec, cards), method);
                var after = Aggregator.Aggregate(new ScoreTable(Spec, permuted), method);
                Assert.Equal(before.Count, after.Count);
                for (var i = 0; i < before.Count; i++)
                {
                    Assert.Equal(before[i].EntryId, after[i].EntryId);
                    Assert.Equal(before[i].CouncilScore, after[i].CouncilScore);
                    Assert.Equal(before[i].Criteria, after[i].Criteria);
                }
            }
        }
    }

    [Fact]
    public void Z_score_results_stay_within_criterion_ranges()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var table = new ScoreTable(Spec, RandomRounds.Round(Spec, seed));
            foreach (var result in Aggregator.Aggregate(table, AggregationMethod.ZScore))
            {
                Assert.InRange(result.CouncilScore, 0m, Spec.CouncilMax);
                foreach (var criterion in Spec.JudgedCriteria)
                    Assert.InRange(result.Criteria[criterion.Code], 0m, criterion.MaxPoints);
            }
        }
    }
}
