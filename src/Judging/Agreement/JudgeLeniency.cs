namespace ContestPlatform.Judging.Agreement;

/// <summary>
/// Mean of (the judge's total − the mean of the co-judges' totals) over the entries the judge shared with at
/// least one other judge. Positive: more generous than colleagues; negative: stricter. Rounded to 2 decimals.
/// </summary>
public sealed record JudgeLeniency(int JudgeId, int EntriesCompared, decimal MeanDeviation);
