using ContestPlatform.Judging.Scoring;

namespace ContestPlatform.Judging.Aggregation;

/// <summary>
/// Judge-normalised aggregation. For judge j and criterion c, with m and s the mean and population SD of the
/// scores j gave on c over all entries j scored: z = (score − m) / s, or 0 when s = 0 (the judge did not
/// discriminate, so they neither lift nor sink anyone). z is put back on the criterion's scale with the pooled
/// mean M and SD S of every raw score on c: M + z·S, clamped to [0, max]. The entry's value on c is the mean
/// over its judges; its council score the weighted sum. Statistics are in double; results are decimal.
/// </summary>
internal static class ZScoreAggregation
{
    // Below this an SD is floating-point noise from identical scores, not spread.
    private const double NoSpread = 1e-9;

    public static EntryAggregate[] Run(ScoreTable table)
    {
        var criteria = table.CriterionArray;
        var width = table.Width;
        var judges = table.JudgeIdArray.Length;
        var rows = table.RowTotals.Length;
        var rowJudges = table.RowJudges;
        var raw = new double[rows * width];
        for (var i = 0; i < raw.Length; i++)
            raw[i] = (double)table.RowScores[i];

        // Means first, then squared deviations: the one-pass formula loses precision when scores barely differ.
        var judgeCount = new int[judges];
        var judgeMean = new double[judges * width];
        var pooledMean = new double[width];
        for (var row = 0; row < rows; row++)
        {
            var j = rowJudges[row];
            judgeCount[j]++;
            for (var c = 0; c < width; c++)
            {
                judgeMean[j * width + c] += raw[row * width + c];
                pooledMean[c] += raw[row * width + c];
            }
        }
        for (var j = 0; j < judges; j++)
        {
            for (var c = 0; c < width; c++)
                judgeMean[j * width + c] /= judgeCount[j];
        }
        for (var c = 0; c < width; c++)
            pooledMean[c] = rows == 0 ? 0 : pooledMean[c] / rows;

        var judgeSd = new double[judges * width];
        var pooledSd = new double[width];
        for (var row = 0; row < rows; row++)
        {
            var j = rowJudges[row];
            for (var c = 0; c < width; c++)
            {
                var score = raw[row * width + c];
                var d = score - judgeMean[j * width + c];
                judgeSd[j * width + c] += d * d;
                var p = score - pooledMean[c];
                pooledSd[c] += p * p;
            }
        }
        for (var j = 0; j < judges; j++)
        {
            for (var c = 0; c < width; c++)
                judgeSd[j * width + c] = Math.Sqrt(judgeSd[j * width + c] / judgeCount[j]);
        }
        for (var c = 0; c < width; c++)
            pooledSd[c] = rows == 0 ? 0 : Math.Sqrt(pooledSd[c] / rows);

        var max = new double[width];
        var weight = new double[width];
        for (var c = 0; c < width; c++)
        {
            max[c] = (double)criteria[c].MaxPoints;
            weight[c] = (double)criteria[c].Weight;
        }

        var codes = criteria.Select(c => c.Code).ToArray();
        var starts = table.EntryStarts;
        var results = new EntryAggregate[table.EntryCount];
        var sums = new double[width];
        for (var e = 0; e < results.Length; e++)
        {
            Array.Clear(sums);
            var count = starts[e + 1] - starts[e];
            for (var row = starts[e]; row < starts[e + 1]; row++)
            {
                var j = rowJudges[row];
                for (var c = 0; c < width; c++)
                {
                    var sd = judgeSd[j * width + c];
                    var z = sd < NoSpread ? 0 : (raw[row * width + c] - judgeMean[j * width + c]) / sd;
                    sums[c] += Math.Clamp(pooledMean[c] + z * pooledSd[c], 0, max[c]);
                }
            }
            var byCriterion = new decimal[width];
            var total = 0d;
            for (var c = 0; c < width; c++)
            {
                var value = sums[c] / count;
                byCriterion[c] = Points.RoundScore((decimal)value);
                total += value * weight[c];
            }
            results[e] = new EntryAggregate(
                table.EntryIdArray[e], AggregationMethod.ZScore, count, new CriterionValues(codes, byCriterion), Points.RoundScore((decimal)total));
        }
        return results;
    }
}
