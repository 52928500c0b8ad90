using ContestPlatform.Judging.Ranking;

namespace ContestPlatform.Judging.Awards;

/// <summary>Proposes winners: tiers in order, filled from the ranking in rank order.</summary>
public static class AwardAllocator
{
    /// <summary>
    /// One allocation per tier, in tier order. With fewer entries than places the lower tiers stay partly or
    /// wholly empty; a higher tier is never left empty while a lower one has a winner.
    /// </summary>
    /// <param name="ranking">Entries eligible for an award, best first (e.g. the final round's ranking).</param>
    public static IReadOnlyList<TierAllocation> Allocate(IReadOnlyList<RankedEntry> ranking, IReadOnlyList<AwardTier>? tiers = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        tiers ??= AwardTier.Defaults;
        var duplicate = tiers.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new JudgingException($"Hạng giải \"{duplicate.Key}\" bị trùng tên.");
        for (var i = 1; i < ranking.Count; i++)
        {
            if (ranking[i].Rank <= ranking[i - 1].Rank)
                throw new JudgingException("Danh sách xếp hạng phải theo thứ tự từ cao xuống thấp.");
        }

        var next = 0;
        var allocations = new List<TierAllocation>(tiers.Count);
        foreach (var tier in tiers)
        {
            var take = Math.Min(tier.Places, ranking.Count - next);
            allocations.Add(new TierAllocation(tier, [.. ranking.Skip(next).Take(take)]));
            next += take;
        }
        return allocations;
    }
}
