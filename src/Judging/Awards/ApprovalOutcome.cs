namespace ContestPlatform.Judging.Awards;

public enum ApprovalOutcome
{
    /// <summary>Not decided yet: approval is still reachable.</summary>
    Pending = 0,

    /// <summary>Enough committee members approved.</summary>
    Approved = 1,

    /// <summary>So many members rejected that the two-thirds can no longer be reached.</summary>
    Rejected = 2,
}
