using ContestPlatform.Judging.Rubrics;

namespace ContestPlatform.Judging.Scoring;

/// <summary>
/// The submitted scorecards of one round, checked once and laid out for the statistics: rows sorted by entry
/// then judge, so every result is independent of the order the cards came in.
/// </summary>
public sealed class ScoreTable
{
    private readonly Criterion[] criteria;
    private readonly int[] entryIds;
    private readonly int[] entryStarts;
    private readonly int[] judgeIds;
    private readonly int[] rowJudges;
    private readonly decimal[] rowScores;
    private readonly decimal[] rowTotals;
    private readonly Dictionary<int, int> entryIndex;

    /// <summary>Every card must be complete, on this rubric's judged criteria, and unique per judge and entry.</summary>
    public ScoreTable(Rubric rubric, IEnumerable<Scorecard> scorecards)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scorecards);
        Rubric = rubric;
        criteria = [.. rubric.JudgedCriteria];
        var cards = scorecards as Scorecard[] ?? scorecards.ToArray();
        var width = criteria.Length;

        // One sortable key per card: entry in the high half, judge in the low half.
        var keys = new long[cards.Length];
        var order = new int[cards.Length];
        for (var i = 0; i < cards.Length; i++)
        {
            var card = cards[i] ?? throw new JudgingException("Có phiếu chấm trống trong danh sách.");
            if (!card.IsComplete)
                throw new JudgingException(
                    $"Phiếu chấm của giám khảo {card.JudgeId} cho công trình {card.EntryId} chưa đủ điểm nên chưa thể tổng hợp.");
            if (!SameJudgedCriteria(card.Rubric, rubric))
                throw new JudgingException(
                    $"Phiếu chấm của giám khảo {card.JudgeId} cho công trình {card.EntryId} dùng bộ tiêu chí khác bộ đang áp dụng.");
            keys[i] = ((long)card.EntryId << 32) | (uint)card.JudgeId;
            order[i] = i;
        }
        Array.Sort(keys, order);

        var entries = new List<int>();
        var starts = new List<int>();
        var judgeSet = new HashSet<int>();
        rowScores = new decimal[cards.Length * width];
        rowTotals = new decimal[cards.Length];
        var rowJudgeIds = new int[cards.Length];
        for (var row = 0; row < cards.Length; row++)
        {
            var card = cards[order[row]];
            if (row > 0 && keys[row] == keys[row - 1])
                throw new JudgingException(
                    $"Giám khảo {card.JudgeId} có hai phiếu chấm cho công trình {card.EntryId}.");
            if (entries.Count == 0 || entries[^1] != card.EntryId)
            {
                entries.Add(card.EntryId);
                starts.Add(row);
            }
            for (var c = 0; c < width; c++)
                rowScores[row * width + c] = card.ScoreAt(c);
            // Same codes, maxima and weights were checked above, so the card's own total is this rubric's total.
            rowTotals[row] = card.WeightedTotal;
            rowJudgeIds[row] = card.JudgeId;
            judgeSet.Add(card.JudgeId);
        }
        starts.Add(cards.Length);

        entryIds = [.. entries];
        entryStarts = [.. starts];
        judgeIds = [.. judgeSet.Order()];
        var judgeIndex = new Dictionary<int, int>(judgeIds.Length);
        for (var j = 0; j < judgeIds.Length; j++)
            judgeIndex[judgeIds[j]] = j;
        rowJudges = new int[cards.Length];
        for (var row = 0; row < cards.Length; row++)
            rowJudges[row] = judgeIndex[rowJudgeIds[row]];
        entryIndex = new Dictionary<int, int>(entryIds.Length);
        for (var e = 0; e < entryIds.Length; e++)
            entryIndex[entryIds[e]] = e;
    }

    public Rubric Rubric { get; }

    /// <summary>The judged criteria, in rubric order.</summary>
    public IReadOnlyList<Criterion> Criteria => Rubric.JudgedCriteria;

    /// <summary>Entries with at least one scorecard, ascending.</summary>
    public IReadOnlyList<int> EntryIds => Array.AsReadOnly(entryIds);

    /// <summary>Judges with at least one scorecard, ascending.</summary>
    public IReadOnlyList<int> JudgeIds => Array.AsReadOnly(judgeIds);

    public int ScorecardCount => rowTotals.Length;

    /// <summary>The judges who scored the entry, ascending; empty when none.</summary>
    public IReadOnlyList<int> JudgesOf(int entryId)
    {
        if (!entryIndex.TryGetValue(entryId, out var e))
            return [];
        var judges = new int[entryStarts[e + 1] - entryStarts[e]];
        for (var row = entryStarts[e]; row < entryStarts[e + 1]; row++)
            judges[row - entryStarts[e]] = judgeIds[rowJudges[row]];
        return judges;
    }

    /// <summary>The judge's weighted total for the entry, or null when they did not score it.</summary>
    public decimal? TotalOf(int entryId, int judgeId)
    {
        if (!entryIndex.TryGetValue(entryId, out var e))
            return null;
        for (var row = entryStarts[e]; row < entryStarts[e + 1]; row++)
        {
            if (judgeIds[rowJudges[row]] == judgeId)
                return rowTotals[row];
        }
        return null;
    }

    // Raw layout for the statistics in this assembly; rows of entry e are EntryStarts[e]..EntryStarts[e + 1].
    internal int EntryCount => entryIds.Length;
    internal int Width => criteria.Length;
    internal int[] EntryIdArray => entryIds;
    internal int[] EntryStarts => entryStarts;
    internal int[] JudgeIdArray => judgeIds;
    internal int[] RowJudges => rowJudges;
    internal decimal[] RowScores => rowScores;
    internal decimal[] RowTotals => rowTotals;
    internal Criterion[] CriterionArray => criteria;

    private static bool SameJudgedCriteria(Rubric a, Rubric b)
    {
        if (ReferenceEquals(a, b))
            return true;
        var x = a.JudgedCriteria;
        var y = b.JudgedCriteria;
        if (x.Count != y.Count)
            return false;
        for (var i = 0; i < x.Count; i++)
        {
            if (x[i].Code != y[i].Code || x[i].MaxPoints != y[i].MaxPoints || x[i].Weight != y[i].Weight)
                return false;
        }
        return true;
    }
}
