using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Judging.Votes;

namespace ContestPlatform.Judging.Benchmarks;

/// <summary>
/// A large, reproducible round: entries scored by panels of judges on the contest rubric (3 judged criteria),
/// with vote counts and submission times.
/// </summary>
public sealed class RoundData
{
    public RoundData(int entries, int judgesPerEntry, int panels, int seed = 2025)
    {
        var random = new Random(seed);
        Rubric = DefaultRubric.Create();
        var criteria = Rubric.JudgedCriteria;
        var cards = new List<Scorecard>(entries * judgesPerEntry);
        var opening = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));
        var votes = new Dictionary<int, long>(entries);
        var submittedAt = new Dictionary<int, DateTimeOffset>(entries);
        for (var entry = 1; entry <= entries; entry++)
        {
            // Panels of consecutive judges, so panel statistics (Kendall's W, ICC(2,1)) have real work to do.
            var firstJudge = (entry % panels) * judgesPerEntry + 1;
            var quality = random.NextDouble();
            for (var j = 0; j < judgesPerEntry; j++)
            {
                var scores = new Dictionary<string, decimal>(criteria.Count);
                foreach (var criterion in criteria)
                {
                    var steps = (int)(criterion.MaxPoints / criterion.Step);
                    var noisy = Math.Clamp(quality * steps + random.Next(-6, 7), 0, steps);
                    scores[criterion.Code] = (int)noisy * criterion.Step;
                }
                cards.Add(new Scorecard(Rubric, firstJudge + j, entry, scores));
            }
            votes[entry] = random.Next(0, 5000);
            submittedAt[entry] = opening.AddSeconds(random.Next(0, 60 * 60 * 24 * 60));
        }
        Scorecards = cards;
        Votes = VoteScore.ForEntries(Rubric, votes);
        SubmittedAt = submittedAt;
    }

    public Rubric Rubric { get; }
    public IReadOnlyList<Scorecard> Scorecards { get; }
    public IReadOnlyDictionary<int, decimal> Votes { get; }
    public IReadOnlyDictionary<int, DateTimeOffset> SubmittedAt { get; }

    public ScoreTable Table() => new(Rubric, Scorecards);

    public IEnumerable<RankingCandidate> Candidates(IEnumerable<EntryAggregate> aggregates) =>
        aggregates.Select(a => RankingCandidate.From(a, Votes[a.EntryId], SubmittedAt[a.EntryId]));
}
