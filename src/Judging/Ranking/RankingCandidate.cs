using ContestPlatform.Judging.Aggregation;

namespace ContestPlatform.Judging.Ranking;

/// <summary>An entry ready to be ranked. Submission time comes from the entry's record; it is never "now".</summary>
public sealed record RankingCandidate(
    int EntryId,
    decimal CouncilScore,
    decimal VoteScore,
    IReadOnlyDictionary<string, decimal> CriterionScores,
    DateTimeOffset SubmittedAt)
{
    public decimal Total => CouncilScore + VoteScore;

    public static RankingCandidate From(EntryAggregate aggregate, decimal voteScore, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return new RankingCandidate(aggregate.EntryId, aggregate.CouncilScore, voteScore, aggregate.Criteria, submittedAt);
    }
}
