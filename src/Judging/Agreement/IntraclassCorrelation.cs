namespace ContestPlatform.Judging.Agreement;

/// <summary>Intraclass correlations (Shrout &amp; Fleiss 1979). Null when undefined.</summary>
public static class IntraclassCorrelation
{
    /// <summary>
    /// ICC(1): one-way random effects, single rater. Fits a round where each entry has its own set of judges.
    /// Groups of unequal size use the usual n₀ in place of k (groups with fewer than 2 ratings are skipped):
    /// MSB = Σnᵢ(ȳᵢ − ȳ)² / (a − 1), MSW = ΣΣ(y − ȳᵢ)² / (N − a), n₀ = (N − Σnᵢ²/N) / (a − 1),
    /// ICC(1) = (MSB − MSW) / (MSB + (n₀ − 1)·MSW).
    /// </summary>
    public static double? OneWay(IEnumerable<IReadOnlyList<double>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var values = new List<double>();
        var starts = new List<int> { 0 };
        foreach (var group in groups)
        {
            values.AddRange(group);
            starts.Add(values.Count);
        }
        return OneWay([.. values], [.. starts]);
    }

    /// <summary>ICC(1) over groups laid out flat: group g is values[starts[g]..starts[g + 1]].</summary>
    internal static double? OneWay(double[] values, int[] starts)
    {
        int a = 0, count = 0;
        double total = 0, squaredCounts = 0;
        for (var g = 0; g + 1 < starts.Length; g++)
        {
            var size = starts[g + 1] - starts[g];
            if (size < 2)
                continue;
            a++;
            count += size;
            squaredCounts += (double)size * size;
            for (var i = starts[g]; i < starts[g + 1]; i++)
                total += values[i];
        }
        if (a < 2)
            return null;

        var grandMean = total / count;
        double between = 0, within = 0;
        for (var g = 0; g + 1 < starts.Length; g++)
        {
            var size = starts[g + 1] - starts[g];
            if (size < 2)
                continue;
            var mean = 0d;
            for (var i = starts[g]; i < starts[g + 1]; i++)
                mean += values[i];
            mean /= size;
            between += size * (mean - grandMean) * (mean - grandMean);
            for (var i = starts[g]; i < starts[g + 1]; i++)
                within += (values[i] - mean) * (values[i] - mean);
        }
        var msb = between / (a - 1);
        var msw = within / (count - a);
        var n0 = (count - squaredCounts / count) / (a - 1);
        var denominator = msb + (n0 - 1) * msw;
        return denominator <= 1e-12 ? null : (msb - msw) / denominator;
    }

    /// <summary>
    /// ICC(2,1): two-way random effects, absolute agreement, single rater, for ratings[subject, rater] where every
    /// rater rated every subject (a panel). With n subjects and k raters:
    /// ICC(2,1) = (MSR − MSE) / (MSR + (k − 1)·MSE + k·(MSC − MSE) / n).
    /// </summary>
    public static double? TwoWayRandomSingle(double[,] ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var n = ratings.GetLength(0);
        var k = ratings.GetLength(1);
        if (n < 2 || k < 2)
            return null;

        var rowMeans = new double[n];
        var columnMeans = new double[k];
        var grandMean = 0d;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                rowMeans[i] += ratings[i, j];
                columnMeans[j] += ratings[i, j];
                grandMean += ratings[i, j];
            }
        }
        grandMean /= n * k;
        for (var i = 0; i < n; i++)
            rowMeans[i] /= k;
        for (var j = 0; j < k; j++)
            columnMeans[j] /= n;

        double ssRows = 0, ssColumns = 0, ssTotal = 0;
        for (var i = 0; i < n; i++)
            ssRows += (rowMeans[i] - grandMean) * (rowMeans[i] - grandMean);
        ssRows *= k;
        for (var j = 0; j < k; j++)
            ssColumns += (columnMeans[j] - grandMean) * (columnMeans[j] - grandMean);
        ssColumns *= n;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
                ssTotal += (ratings[i, j] - grandMean) * (ratings[i, j] - grandMean);
        }

        var msr = ssRows / (n - 1);
        var msc = ssColumns / (k - 1);
        var mse = (ssTotal - ssRows - ssColumns) / ((n - 1) * (k - 1));
        var denominator = msr + (k - 1) * mse + k * (msc - mse) / n;
        return denominator <= 1e-12 ? null : (msr - mse) / denominator;
    }
}
