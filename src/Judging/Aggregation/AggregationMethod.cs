namespace ContestPlatform.Judging.Aggregation;

/// <summary>How the judges' scores of an entry become its council score.</summary>
public enum AggregationMethod
{
    /// <summary>Arithmetic mean: the contest rule.</summary>
    Mean = 0,

    /// <summary>Middle value; the mean of the two middle values for an even count.</summary>
    Median = 1,

    /// <summary>Mean after dropping one highest and one lowest value; plain mean below 3 judges.</summary>
    TrimmedMean = 2,

    /// <summary>
    /// Each judge's scores standardised per criterion, then put back on the criterion's scale with the
    /// mean and spread of all judges' scores: removes a judge's leniency or severity.
    /// </summary>
    ZScore = 3,
}
