namespace ContestPlatform.Judging.Agreement;

/// <summary>
/// When a judge's total on an entry is flagged: it differs from the mean of the other judges' totals by more
/// than <see cref="ShareOfCouncilMax"/> × the council maximum (default 15 %, i.e. 12 of 80 points).
/// Only entries with at least <see cref="MinimumOtherJudges"/> other judges are checked: against a single
/// colleague both judges would be "outliers" and nobody learns which one is off. With three judges one wild
/// total also widens its colleagues' gaps (each gap is 1.5 × the distance to the panel mean), so read the
/// flags of one entry together: the largest deviation is the judge to ask.
/// </summary>
public sealed record OutlierRule
{
    public static readonly OutlierRule Default = new();

    public OutlierRule(decimal shareOfCouncilMax = 0.15m, int minimumOtherJudges = 2)
    {
        if (shareOfCouncilMax <= 0 || shareOfCouncilMax > 1)
            throw new JudgingException("Ngưỡng chênh lệch phải lớn hơn 0% và không quá 100% điểm tối đa của Hội đồng.");
        if (minimumOtherJudges < 1)
            throw new JudgingException("Cần so với ít nhất 1 giám khảo khác.");
        ShareOfCouncilMax = shareOfCouncilMax;
        MinimumOtherJudges = minimumOtherJudges;
    }

    public decimal ShareOfCouncilMax { get; }
    public int MinimumOtherJudges { get; }
}
