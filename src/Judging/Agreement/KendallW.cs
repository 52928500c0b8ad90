namespace ContestPlatform.Judging.Agreement;

/// <summary>
/// Kendall's coefficient of concordance with the correction for ties, for m raters who all rated the same n
/// subjects. Each rater's ratings become ranks (ties get their average rank); with R_i the sum of ranks of
/// subject i and T_j = Σ(t³ − t) over rater j's groups of t tied subjects:
/// W = 12·Σ(R_i − R̄)² / (m²(n³ − n) − m·ΣT_j).
/// 1 means the raters order the subjects identically, 0 means no agreement at all.
/// </summary>
public static class KendallW
{
    /// <summary>W for ratings[subject, rater]; null below 2 subjects or 2 raters, or when every rater tied everything.</summary>
    public static double? Compute(double[,] ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var n = ratings.GetLength(0);
        var m = ratings.GetLength(1);
        if (n < 2 || m < 2)
            return null;

        var rankSums = new double[n];
        var ties = 0d;
        var column = new double[n];
        var order = new int[n];
        for (var j = 0; j < m; j++)
        {
            for (var i = 0; i < n; i++)
            {
                column[i] = ratings[i, j];
                order[i] = i;
            }
            Array.Sort(column, order);
            for (var start = 0; start < n;)
            {
                var end = start + 1;
                while (end < n && column[end] == column[start])
                    end++;
                var tied = end - start;
                var averageRank = (start + end + 1) / 2d; // ranks start..end-1 are 1-based start+1..end
                for (var k = start; k < end; k++)
                    rankSums[order[k]] += averageRank;
                ties += (double)tied * tied * tied - tied;
                start = end;
            }
        }

        var meanRankSum = m * (n + 1) / 2d;
        var s = 0d;
        foreach (var r in rankSums)
            s += (r - meanRankSum) * (r - meanRankSum);
        var denominator = (double)m * m * ((double)n * n * n - n) - m * ties;
        return denominator <= 0 ? null : 12 * s / denominator;
    }
}
