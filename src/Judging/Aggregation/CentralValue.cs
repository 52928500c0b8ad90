namespace ContestPlatform.Judging.Aggregation;

/// <summary>The per-entry reductions. They may reorder the span they are given.</summary>
internal static class CentralValue
{
    public delegate decimal Reducer(Span<decimal> values);

    public static Reducer For(AggregationMethod method) => method switch
    {
        AggregationMethod.Mean => Mean,
        AggregationMethod.Median => Median,
        AggregationMethod.TrimmedMean => TrimmedMean,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static decimal Mean(Span<decimal> values)
    {
        var sum = 0m;
        foreach (var value in values)
            sum += value;
        return sum / values.Length;
    }

    public static decimal Median(Span<decimal> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    public static decimal TrimmedMean(Span<decimal> values)
    {
        if (values.Length < 3)
            return Mean(values);
        decimal sum = 0m, min = decimal.MaxValue, max = decimal.MinValue;
        foreach (var value in values)
        {
            sum += value;
            if (value < min)
                min = value;
            if (value > max)
                max = value;
        }
        return (sum - min - max) / (values.Length - 2);
    }
}
