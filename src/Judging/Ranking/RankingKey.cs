namespace ContestPlatform.Judging.Ranking;

/// <summary>The key of the tie-break chain that put an entry below the one ranked just above it.</summary>
public enum RankingKey
{
    /// <summary>First in the ranking: nobody above.</summary>
    None = 0,
    Total = 1,
    CouncilScore = 2,
    Criterion = 3,
    SubmittedAt = 4,

    /// <summary>Identical in everything, even the submission instant: entry id keeps the order reproducible.</summary>
    EntryId = 5,
}
