using ContestPlatform.Judging.Ranking;

namespace ContestPlatform.Judging.Rounds;

/// <summary>Who goes on from a round (sơ khảo → chung khảo), applied to that round's ranking.</summary>
public abstract record RoundCutoff
{
    /// <summary>
    /// The first <paramref name="count"/> entries, plus every entry tied on scores with the last of them:
    /// an entry the chain separates only by submission time (or id) is tied, because the time a file was sent
    /// may order prizes but must not eliminate an entry that scored the same.
    /// </summary>
    public static RoundCutoff Top(int count) => new TopCountCutoff(count);

    /// <summary>Every entry with total ≥ <paramref name="minimumTotal"/>.</summary>
    public static RoundCutoff AtLeast(decimal minimumTotal) => new MinimumTotalCutoff(minimumTotal);

    /// <param name="ranking">A ranking as returned by <see cref="Ranker.Rank"/>, best first.</param>
    public CutoffResult Apply(IReadOnlyList<RankedEntry> ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        for (var i = 0; i < ranking.Count; i++)
        {
            if (ranking[i].Rank != i + 1)
                throw new JudgingException("Bảng xếp hạng không theo thứ tự 1, 2, 3… nên không thể cắt vòng.");
        }
        var advancing = AdvancingCount(ranking);
        return new CutoffResult([.. ranking.Take(advancing)], [.. ranking.Skip(advancing)]);
    }

    protected abstract int AdvancingCount(IReadOnlyList<RankedEntry> ranking);
}

public sealed record TopCountCutoff : RoundCutoff
{
    public TopCountCutoff(int count)
    {
        if (count < 1)
            throw new JudgingException("Số công trình vào vòng sau phải ít nhất là 1.");
        Count = count;
    }

    public int Count { get; }

    protected override int AdvancingCount(IReadOnlyList<RankedEntry> ranking)
    {
        var advancing = Math.Min(Count, ranking.Count);
        while (advancing < ranking.Count && ranking[advancing].TiedOnScores)
            advancing++;
        return advancing;
    }
}

public sealed record MinimumTotalCutoff : RoundCutoff
{
    public MinimumTotalCutoff(decimal minimumTotal)
    {
        if (minimumTotal < 0)
            throw new JudgingException("Điểm sàn vào vòng sau không được âm.");
        MinimumTotal = minimumTotal;
    }

    public decimal MinimumTotal { get; }

    protected override int AdvancingCount(IReadOnlyList<RankedEntry> ranking)
    {
        var advancing = 0;
        while (advancing < ranking.Count && ranking[advancing].Candidate.Total >= MinimumTotal)
            advancing++;
        return advancing;
    }
}
