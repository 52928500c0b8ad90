namespace ContestPlatform.Judging.Agreement;

/// <summary>A judge's total that stands apart from the rest of the panel. Deviation = total − others' mean, 2 decimals.</summary>
public sealed record OutlierScore(int EntryId, int JudgeId, decimal JudgeTotal, decimal OthersMean, decimal Deviation);
