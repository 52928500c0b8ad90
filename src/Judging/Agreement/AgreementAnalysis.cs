using ContestPlatform.Judging.Scoring;

namespace ContestPlatform.Judging.Agreement;

/// <summary>Agreement statistics over the judges' weighted totals of a round.</summary>
public static class AgreementAnalysis
{
    /// <summary>
    /// ICC(1) over the whole round (entries rarely share one judge set once assignment balances loads),
    /// Kendall's W and ICC(2,1) per panel, leniency per judge, and outlying totals.
    /// </summary>
    public static AgreementReport Analyse(ScoreTable table, OutlierRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new AgreementReport(RoundIcc1(table), Panels(table), Leniency(table), Outliers(table, rule ?? OutlierRule.Default));
    }

    /// <summary>ICC(1) of the totals over every entry with at least 2 judges; null when undefined.</summary>
    public static double? RoundIcc1(ScoreTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var totals = new double[table.RowTotals.Length];
        for (var row = 0; row < totals.Length; row++)
            totals[row] = (double)table.RowTotals[row];
        return IntraclassCorrelation.OneWay(totals, table.EntryStarts);
    }

    /// <summary>
    /// Panels of at least 2 judges who scored the same at least 2 entries, ordered by their first entry.
    /// An entry belongs to the panel of exactly its judge set.
    /// </summary>
    public static IReadOnlyList<PanelAgreement> Panels(ScoreTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var starts = table.EntryStarts;
        var rowJudges = table.RowJudges;
        var totals = table.RowTotals;
        var byJudgeSet = new Dictionary<JudgeSet, List<int>>();
        var sets = new List<JudgeSet>();
        for (var e = 0; e < table.EntryCount; e++)
        {
            if (starts[e + 1] - starts[e] < 2)
                continue;
            // Rows are sorted by judge, so the slice is already a canonical key.
            var set = new JudgeSet(rowJudges, starts[e], starts[e + 1] - starts[e]);
            if (!byJudgeSet.TryGetValue(set, out var entries))
            {
                byJudgeSet[set] = entries = [];
                sets.Add(set);
            }
            entries.Add(e);
        }

        var panels = new List<PanelAgreement>();
        foreach (var set in sets)
        {
            var entries = byJudgeSet[set];
            if (entries.Count < 2)
                continue;
            var ratings = new double[entries.Count, set.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                var first = starts[entries[i]];
                for (var j = 0; j < set.Count; j++)
                    ratings[i, j] = (double)totals[first + j];
            }
            var judgeIds = new int[set.Count];
            for (var j = 0; j < set.Count; j++)
                judgeIds[j] = table.JudgeIdArray[rowJudges[set.Start + j]];
            var entryIds = entries.Select(e => table.EntryIdArray[e]).ToArray();
            panels.Add(new PanelAgreement(
                judgeIds, entryIds, KendallW.Compute(ratings), IntraclassCorrelation.TwoWayRandomSingle(ratings)));
        }
        return panels;
    }

    /// <summary>Leniency of every judge in the table, ascending judge id.</summary>
    public static IReadOnlyList<JudgeLeniency> Leniency(ScoreTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var starts = table.EntryStarts;
        var rowJudges = table.RowJudges;
        var totals = table.RowTotals;
        var judgeIds = table.JudgeIdArray;
        var deviationSums = new decimal[judgeIds.Length];
        var compared = new int[judgeIds.Length];
        for (var e = 0; e < table.EntryCount; e++)
        {
            var count = starts[e + 1] - starts[e];
            if (count < 2)
                continue;
            var sum = 0m;
            for (var row = starts[e]; row < starts[e + 1]; row++)
                sum += totals[row];
            for (var row = starts[e]; row < starts[e + 1]; row++)
            {
                var othersMean = (sum - totals[row]) / (count - 1);
                deviationSums[rowJudges[row]] += totals[row] - othersMean;
                compared[rowJudges[row]]++;
            }
        }

        var result = new JudgeLeniency[judgeIds.Length];
        for (var j = 0; j < judgeIds.Length; j++)
        {
            var mean = compared[j] == 0 ? 0m : deviationSums[j] / compared[j];
            result[j] = new JudgeLeniency(judgeIds[j], compared[j], Points.RoundScore(mean));
        }
        return result;
    }

    /// <summary>Totals deviating from the others' mean by more than the rule allows, by entry then judge.</summary>
    public static IReadOnlyList<OutlierScore> Outliers(ScoreTable table, OutlierRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        rule ??= OutlierRule.Default;
        var threshold = rule.ShareOfCouncilMax * table.Rubric.CouncilMax;
        var starts = table.EntryStarts;
        var totals = table.RowTotals;
        var outliers = new List<OutlierScore>();
        for (var e = 0; e < table.EntryCount; e++)
        {
            var count = starts[e + 1] - starts[e];
            if (count - 1 < rule.MinimumOtherJudges)
                continue;
            var sum = 0m;
            for (var row = starts[e]; row < starts[e + 1]; row++)
                sum += totals[row];
            for (var row = starts[e]; row < starts[e + 1]; row++)
            {
                var othersMean = (sum - totals[row]) / (count - 1);
                var deviation = totals[row] - othersMean;
                if (Math.Abs(deviation) > threshold)
                {
                    outliers.Add(new OutlierScore(
                        table.EntryIdArray[e],
                        table.JudgeIdArray[table.RowJudges[row]],
                        totals[row],
                        Points.RoundScore(othersMean),
                        Points.RoundScore(deviation)));
                }
            }
        }
        return outliers;
    }

    /// <summary>A slice of judge indices compared by content, used as a dictionary key without copying.</summary>
    private readonly struct JudgeSet(int[] judges, int start, int count) : IEquatable<JudgeSet>
    {
        public int Start => start;
        public int Count => count;

        public bool Equals(JudgeSet other) =>
            judges.AsSpan(start, count).SequenceEqual(other.Judges.AsSpan(other.Start, other.Count));

        public override bool Equals(object? obj) => obj is JudgeSet other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var judge in judges.AsSpan(start, count))
                hash.Add(judge);
            return hash.ToHashCode();
        }

        private int[] Judges => judges;
    }
}
