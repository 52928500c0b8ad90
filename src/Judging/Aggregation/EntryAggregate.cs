namespace ContestPlatform.Judging.Aggregation;

/// <summary>
/// The council's result for one entry. Criterion values and the council score are rounded to 2 decimals.
/// For Mean and Z-score the council score is the weighted sum of the criterion values (before rounding);
/// for Median and TrimmedMean it is that method applied to the judges' totals, so it can differ from the sum
/// of the criterion values.
/// </summary>
public sealed record EntryAggregate(
    int EntryId,
    AggregationMethod Method,
    int JudgeCount,
    IReadOnlyDictionary<string, decimal> Criteria,
    decimal CouncilScore);
