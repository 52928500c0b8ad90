using ContestPlatform.Judging.Rubrics;

namespace ContestPlatform.Judging.Votes;

/// <summary>
/// The community-vote score: max × votes ÷ highest vote count (20 × v ÷ vmax in the contest), rounded to
/// one decimal, half away from zero. Nobody voted (vmax = 0) → 0 for every entry.
/// </summary>
public static class VoteScore
{
    public static decimal Compute(decimal maxPoints, long votes, long highestVotes)
    {
        if (maxPoints < 0)
            throw new JudgingException("Điểm tối đa của tiêu chí bình chọn không được âm.");
        if (votes < 0 || highestVotes < 0)
            throw new JudgingException("Số lượt bình chọn không được âm.");
        if (votes > highestVotes)
            throw new JudgingException(
                $"Số lượt bình chọn ({votes}) không thể lớn hơn số lượt cao nhất ({highestVotes}).");
        if (highestVotes == 0)
            return 0m;
        // Multiply before dividing so that exact cases (v = vmax/2 → 10) stay exact.
        return Math.Round(maxPoints * votes / highestVotes, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Vote scores for every entry from its vote count, using the rubric's vote criterion and the highest count
    /// among the entries given. A rubric without a vote criterion gives 0 to everyone.
    /// </summary>
    public static IReadOnlyDictionary<int, decimal> ForEntries(Rubric rubric, IReadOnlyDictionary<int, long> votesByEntry)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(votesByEntry);
        var maxPoints = rubric.VoteMax;
        var highest = votesByEntry.Count == 0 ? 0 : votesByEntry.Values.Max();
        return votesByEntry.ToDictionary(pair => pair.Key, pair => Compute(maxPoints, pair.Value, highest));
    }

    /// <summary>Total = council score (2 decimals) + vote score (1 decimal): exact, so no further rounding.</summary>
    public static decimal Total(decimal councilScore, decimal voteScore) => councilScore + voteScore;
}
