namespace ContestPlatform.Judging.Ranking;

/// <summary>
/// Orders entries by the contest's chain: total ↓, council score ↓, the tie-break criteria ↓ in order,
/// submission time ↑ (earlier first), and finally entry id ↑ so the order is reproducible. The chain is a total
/// order, so ranks are 1, 2, 3… without shared places.
/// </summary>
public static class Ranker
{
    /// <param name="candidates">Entries to rank; entry ids must be unique.</param>
    /// <param name="tieBreakCriteria">Criterion codes in tie-break order; default <see cref="TieBreakOrder.Default"/>.
    /// Every candidate must have a score for each of them.</param>
    public static IReadOnlyList<RankedEntry> Rank(
        IEnumerable<RankingCandidate> candidates,
        IReadOnlyList<string>? tieBreakCriteria = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var codes = tieBreakCriteria ?? TieBreakOrder.Default;
        var list = candidates as IReadOnlyList<RankingCandidate> ?? candidates.ToList();
        var width = codes.Count;

        // Keys are copied into arrays once so the sort compares numbers, not dictionary look-ups.
        var totals = new decimal[list.Count];
        var councils = new decimal[list.Count];
        var criteria = new decimal[list.Count * width];
        var submitted = new long[list.Count];
        var ids = new int[list.Count];
        var seen = new HashSet<int>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var candidate = list[i] ?? throw new JudgingException("Có công trình trống trong danh sách xếp hạng.");
            if (!seen.Add(candidate.EntryId))
                throw new JudgingException($"Công trình {candidate.EntryId} xuất hiện hai lần trong danh sách xếp hạng.");
            totals[i] = candidate.Total;
            councils[i] = candidate.CouncilScore;
            for (var c = 0; c < width; c++)
            {
                if (!candidate.CriterionScores.TryGetValue(codes[c], out var score))
                    throw new JudgingException($"Công trình {candidate.EntryId} thiếu điểm tiêu chí {codes[c]} để xếp hạng.");
                criteria[i * width + c] = score;
            }
            submitted[i] = candidate.SubmittedAt.UtcTicks;
            ids[i] = candidate.EntryId;
        }

        var order = new int[list.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => Compare(a, b, out _, out _));

        var ranked = new RankedEntry[order.Length];
        for (var position = 0; position < order.Length; position++)
        {
            var key = RankingKey.None;
            string? code = null;
            if (position > 0)
            {
                Compare(order[position - 1], order[position], out key, out var criterion);
                code = criterion < 0 ? null : codes[criterion];
            }
            ranked[position] = new RankedEntry(position + 1, list[order[position]], key, code);
        }
        return ranked;

        int Compare(int a, int b, out RankingKey key, out int criterion)
        {
            criterion = -1;
            int result;
            key = RankingKey.Total;
            if ((result = totals[b].CompareTo(totals[a])) != 0)
                return result;
            key = RankingKey.CouncilScore;
            if ((result = councils[b].CompareTo(councils[a])) != 0)
                return result;
            key = RankingKey.Criterion;
            for (var c = 0; c < width; c++)
            {
                criterion = c;
                if ((result = criteria[b * width + c].CompareTo(criteria[a * width + c])) != 0)
                    return result;
            }
            criterion = -1;
            key = RankingKey.SubmittedAt;
            if ((result = submitted[a].CompareTo(submitted[b])) != 0)
                return result;
            key = RankingKey.EntryId;
            return ids[a].CompareTo(ids[b]);
        }
    }
}
