using ContestPlatform.Judging.Ranking;

namespace ContestPlatform.Judging.Awards;

/// <summary>The entries proposed for one tier, best first, and how many of its places stay empty.</summary>
public sealed record TierAllocation(AwardTier Tier, IReadOnlyList<RankedEntry> Winners)
{
    public int Vacant => Tier.Places - Winners.Count;
}
