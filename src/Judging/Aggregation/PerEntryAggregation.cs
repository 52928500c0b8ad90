using ContestPlatform.Judging.Scoring;

namespace ContestPlatform.Judging.Aggregation;

/// <summary>Mean, median and trimmed mean: each entry on its own, per criterion and on the totals.</summary>
internal static class PerEntryAggregation
{
    public static EntryAggregate[] Run(ScoreTable table, AggregationMethod method)
    {
        var reduce = CentralValue.For(method);
        var criteria = table.CriterionArray;
        var width = table.Width;
        var starts = table.EntryStarts;
        var scores = table.RowScores;
        var totals = table.RowTotals;
        var results = new EntryAggregate[table.EntryCount];
        var buffer = new decimal[MaxPanel(starts)];
        var codes = criteria.Select(c => c.Code).ToArray();

        for (var e = 0; e < results.Length; e++)
        {
            var first = starts[e];
            var count = starts[e + 1] - first;
            var values = buffer.AsSpan(0, count);
            var byCriterion = new decimal[width];
            for (var c = 0; c < width; c++)
            {
                for (var r = 0; r < count; r++)
                    values[r] = scores[(first + r) * width + c];
                byCriterion[c] = Points.RoundScore(reduce(values));
            }
            totals.AsSpan(first, count).CopyTo(values);
            results[e] = new EntryAggregate(
                table.EntryIdArray[e], method, count, new CriterionValues(codes, byCriterion), Points.RoundScore(reduce(values)));
        }
        return results;
    }

    private static int MaxPanel(int[] starts)
    {
        var max = 0;
        for (var e = 0; e + 1 < starts.Length; e++)
            max = Math.Max(max, starts[e + 1] - starts[e]);
        return max;
    }
}
