using ContestPlatform.Judging;
using ContestPlatform.Judging.Agreement;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Judging.Votes;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Council.Results;

/// <summary>
/// The organizer's results of a round. Loads the round's assignments and sheets (one query per table, no
/// tracking), maps the sheets that count to the judging domain, and lets the domain compute everything:
/// all four aggregations, agreement, vote scores and the ranking with the contest's tie-break chain.
/// A sheet counts when it is submitted and its assignment was not withdrawn (a judge who declared a conflict
/// after submitting must not weigh on the entry); drafts never count.
/// </summary>
public sealed class ResultsService(AppDbContext db, VoteService votes)
{
    /// <summary>The prize places of the contest: 1 Nhất + 2 Nhì + 3 Ba + 5 Khuyến khích.</summary>
    public const int DefaultTopN = 11;

    public const int MaxTopN = 500;

    /// <summary>Every round, the latest first (highest order, then the most recently created).</summary>
    public async Task<IReadOnlyList<RoundOption>> RoundsAsync(CancellationToken cancellationToken = default) =>
        await db.JudgingRounds.AsNoTracking()
            .OrderByDescending(r => r.Order).ThenByDescending(r => r.Id)
            .Select(r => new RoundOption(r.Id, r.Name, r.Order, r.State, r.Aggregation))
            .ToListAsync(cancellationToken);

    /// <summary>The results of a round, ranked by <paramref name="rankBy"/> (default: the round's method); null when there is no such round.</summary>
    public async Task<RoundResults?> LoadAsync(
        int roundId, AggregationMethod? rankBy = null, int topN = DefaultTopN, CancellationToken cancellationToken = default)
    {
        var round = await RoundAsync(roundId, cancellationToken);
        if (round is null)
            return null;
        var data = await ReadAsync(roundId, forExport: false, cancellationToken);
        return Compute(round, data, rankBy ?? round.Aggregation, topN).Results;
    }

    /// <summary>One entry of a round with every judge's sheet; null when the round or the entry (in that round) does not exist.</summary>
    public async Task<EntryResults?> EntryAsync(int roundId, int entryId, CancellationToken cancellationToken = default)
    {
        var round = await RoundAsync(roundId, cancellationToken);
        if (round is null)
            return null;
        var data = await ReadAsync(roundId, forExport: false, cancellationToken);
        var (results, counted) = Compute(round, data, round.Aggregation, DefaultTopN);
        var progress = results.Entries.FirstOrDefault(e => e.Entry.Id == entryId);
        if (progress is null)
            return null;

        var sheets = await db.ScoreSheets.AsNoTracking()
            .Where(s => s.RoundId == roundId && s.EntryId == entryId)
            .Select(s => new
            {
                s.Id, s.JudgeId, s.State, s.UpdatedAt, s.SubmittedAt, s.Comment,
                Lines = s.Lines.Select(l => new SheetLine(l.CriterionCode, l.Points, l.Comment)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var rubric = results.Rubric;
        var views = sheets
            .Select(s =>
            {
                var lines = s.Lines.GroupBy(l => l.CriterionCode).ToDictionary(g => g.Key, g => g.First());
                var isCounted = counted.Contains(s.Id);
                decimal? total = isCounted
                    ? rubric.JudgedCriteria.Sum(c => (lines.TryGetValue(c.Code, out var line) ? line.Points : 0m) * c.Weight)
                    : null;
                return new SheetView(s.Id, s.JudgeId, results.JudgeName(s.JudgeId), s.State, isCounted,
                    s.UpdatedAt, s.SubmittedAt, s.Comment, lines, total);
            })
            .OrderBy(s => s.JudgeName, StringComparer.Create(Infrastructure.VietnameseFormat.Culture, ignoreCase: true))
            .ToList();
        return new EntryResults(results, progress, results.Row(entryId), views);
    }

    /// <summary>Every score of every sheet that counts, by entry code, judge and rubric order; null when there is no such round.</summary>
    public async Task<IReadOnlyList<ScoreRecord>?> ScoresAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var round = await RoundAsync(roundId, cancellationToken);
        if (round is null)
            return null;
        var data = await ReadAsync(roundId, forExport: true, cancellationToken);
        var (results, counted) = Compute(round, data, round.Aggregation, DefaultTopN);
        var order = results.Rubric.Criteria.Select((c, i) => (c.Code, i)).ToDictionary(p => p.Code, p => p.i);
        var linesBySheet = data.Lines.ToLookup(l => l.SheetId);
        return data.Sheets
            .Where(s => counted.Contains(s.Id))
            .Select(s => (Sheet: s, Entry: data.Entries[s.EntryId], Judge: results.JudgeName(s.JudgeId)))
            .OrderBy(x => x.Entry.Code, StringComparer.Ordinal).ThenBy(x => x.Judge, StringComparer.Ordinal)
            .SelectMany(x => linesBySheet[x.Sheet.Id]
                .OrderBy(l => order.GetValueOrDefault(l.Code, int.MaxValue))
                .Select(l => new ScoreRecord(round.Name, x.Entry.Code, x.Entry.Title, x.Judge, l.Code, l.Points, l.Comment,
                    x.Sheet.Comment, x.Sheet.At!.Value)))
            .ToList();
    }

    private Task<RoundOption?> RoundAsync(int roundId, CancellationToken cancellationToken) =>
        db.JudgingRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new RoundOption(r.Id, r.Name, r.Order, r.State, r.Aggregation))
            .FirstOrDefaultAsync(cancellationToken);

    // ------------------------------------------------------------------ reading

    private sealed record AssignmentRow(int EntryId, int JudgeId, bool Removed);

    /// <summary>A sheet; <see cref="At"/> (submitted, else last saved) and the comments are read only for the export.</summary>
    private sealed record SheetRow(int Id, int EntryId, int JudgeId, SheetState State, DateTime? At, string Comment);

    private sealed record LineRow(int SheetId, string Code, decimal Points, string Comment);

    private sealed record RoundData(
        Rubric Rubric,
        IReadOnlyList<string> StoredTieBreak,
        IReadOnlyDictionary<int, string> JudgeNames,
        IReadOnlyList<AssignmentRow> Assignments,
        IReadOnlyList<SheetRow> Sheets,
        IReadOnlyList<LineRow> Lines,
        IReadOnlyDictionary<int, EntryInfo> Entries,
        IReadOnlyDictionary<int, long> VoteCounts);

    /// <summary>
    /// One query per table, projected to what the computation needs: on a round of 2,000 entries the page spends
    /// most of its time here, and every date read is text SQLite hands over to be parsed.
    /// </summary>
    private async Task<RoundData> ReadAsync(int roundId, bool forExport, CancellationToken cancellationToken)
    {
        var stored = await db.RubricInForceAsync(cancellationToken)
            ?? throw new InvalidOperationException("Chưa có bộ tiêu chí đang áp dụng.");
        var rubric = stored.ToDomain();

        var judgeNames = await db.Judges.AsNoTracking()
            .Select(j => new { j.Id, j.DisplayName })
            .ToDictionaryAsync(j => j.Id, j => string.IsNullOrWhiteSpace(j.DisplayName) ? $"Giám khảo #{j.Id}" : j.DisplayName, cancellationToken);

        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.RoundId == roundId)
            .Select(a => new AssignmentRow(a.EntryId, a.JudgeId, a.RemovedAt != null))
            .ToListAsync(cancellationToken);

        var sheets = await db.ScoreSheets.AsNoTracking()
            .Where(s => s.RoundId == roundId)
            .Select(s => new SheetRow(s.Id, s.EntryId, s.JudgeId, s.State, forExport ? s.SubmittedAt ?? s.UpdatedAt : null, forExport ? s.Comment : ""))
            .ToListAsync(cancellationToken);

        var lines = await (
                from line in db.ScoreLines.AsNoTracking()
                join sheet in db.ScoreSheets on line.ScoreSheetId equals sheet.Id
                where sheet.RoundId == roundId && sheet.State == SheetState.Submitted
                select new LineRow(line.ScoreSheetId, line.CriterionCode, line.Points, forExport ? line.Comment : ""))
            .ToListAsync(cancellationToken);

        var entryIds = assignments.Where(a => !a.Removed).Select(a => a.EntryId)
            .Concat(sheets.Select(s => s.EntryId))
            .ToHashSet();
        var entries = await db.Entries.AsNoTracking()
            .Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.Title, e.EntrantName, e.SubmittedAt, e.CreatedAt })
            .ToListAsync(cancellationToken);

        return new RoundData(
            rubric,
            stored.TieBreakCodes,
            judgeNames,
            assignments,
            sheets,
            lines,
            entries.ToDictionary(
                e => e.Id,
                e => new EntryInfo(e.Id, e.Code ?? $"#{e.Id}", e.Title, e.EntrantName,
                    new DateTimeOffset(DateTime.SpecifyKind(e.SubmittedAt ?? e.CreatedAt, DateTimeKind.Utc)))),
            await votes.CountsAsync(cancellationToken));
    }

    // ------------------------------------------------------------------ computing

    private static (RoundResults Results, HashSet<int> Counted) Compute(RoundOption round, RoundData data, AggregationMethod rankBy, int topN)
    {
        var rubric = data.Rubric;
        var problems = new List<string>();
        string JudgeName(int id) => data.JudgeNames.TryGetValue(id, out var name) ? name : $"Giám khảo #{id}";
        string EntryCode(int id) => data.Entries.TryGetValue(id, out var entry) ? entry.Code : $"#{id}";

        var active = data.Assignments.Where(a => !a.Removed).Select(a => (a.EntryId, a.JudgeId)).ToHashSet();
        var withdrawn = data.Assignments.Where(a => a.Removed).Select(a => (a.EntryId, a.JudgeId)).Where(k => !active.Contains(k)).ToHashSet();

        // Submitted sheets → scorecards. A sheet the domain refuses (rubric edited since, a score off its step)
        // is left out and named, rather than taking the whole page down.
        var linesBySheet = data.Lines.ToLookup(l => l.SheetId);
        var cards = new List<Scorecard>();
        var counted = new HashSet<int>();
        var drafts = new List<(int EntryId, int JudgeId)>();
        foreach (var sheet in data.Sheets)
        {
            if (!data.Entries.ContainsKey(sheet.EntryId) || withdrawn.Contains((sheet.EntryId, sheet.JudgeId)))
            {
                if (sheet.State == SheetState.Submitted)
                    problems.Add($"Phiếu của {JudgeName(sheet.JudgeId)} cho công trình {EntryCode(sheet.EntryId)} đã nộp nhưng không được tính vì phân công đã bị hủy.");
                continue;
            }
            if (sheet.State != SheetState.Submitted)
            {
                drafts.Add((sheet.EntryId, sheet.JudgeId));
                continue;
            }
            try
            {
                var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var line in linesBySheet[sheet.Id])
                    scores[line.Code] = line.Points;
                var card = new Scorecard(rubric, sheet.JudgeId, sheet.EntryId, scores);
                card.EnsureComplete();
                cards.Add(card);
                counted.Add(sheet.Id);
            }
            catch (JudgingException ex)
            {
                problems.Add($"Phiếu của {JudgeName(sheet.JudgeId)} cho công trình {EntryCode(sheet.EntryId)} không được tính: {ex.Message}");
            }
        }

        var table = new ScoreTable(rubric, cards);
        var progress = Progress(data, active, cards, drafts, JudgeName);
        var judges = JudgeProgressOf(active, cards, drafts, JudgeName);

        var aggregates = Aggregator.AggregateAll(table);
        var byEntry = aggregates.ToDictionary(p => p.Key, p => p.Value.ToDictionary(a => a.EntryId));
        var voteScores = VoteScore.ForEntries(rubric, data.VoteCounts);
        var tieBreak = TieBreakCodes(rubric, data.StoredTieBreak);
        IReadOnlyList<RankedEntry> RankBy(AggregationMethod method) => Ranker.Rank(
            aggregates[method].Select(a => RankingCandidate.From(a, voteScores.GetValueOrDefault(a.EntryId), data.Entries[a.EntryId].SubmittedAt)),
            tieBreak);

        var ranked = RankBy(rankBy);
        var byMean = rankBy == AggregationMethod.Mean ? ranked : RankBy(AggregationMethod.Mean);
        var byZScore = rankBy == AggregationMethod.ZScore ? ranked : RankBy(AggregationMethod.ZScore);
        var n = Math.Clamp(topN, 1, MaxTopN);
        var comparison = new TopNComparison(
            n,
            [.. byMean.Take(n).Select(r => r.EntryId)],
            [.. byZScore.Take(n).Select(r => r.EntryId)],
            byMean.ToDictionary(r => r.EntryId, r => r.Rank),
            byZScore.ToDictionary(r => r.EntryId, r => r.Rank));

        var progressByEntry = progress.ToDictionary(p => p.Entry.Id);
        var rows = ranked.Select(r => new ResultRow(
                r,
                data.Entries[r.EntryId],
                aggregates.Keys.ToDictionary(m => m, m => byEntry[m][r.EntryId]),
                data.VoteCounts.GetValueOrDefault(r.EntryId),
                progressByEntry[r.EntryId]))
            .ToList();

        var results = new RoundResults(
            round, rubric, tieBreak, rankBy, rows, progress, judges,
            AgreementAnalysis.Analyse(table), comparison, problems,
            data.JudgeNames);
        return (results, counted);
    }

    /// <summary>The stored tie-break order where it names judged criteria, then the rest in the contest's default order.</summary>
    private static IReadOnlyList<string> TieBreakCodes(Rubric rubric, IReadOnlyList<string> stored)
    {
        var judged = rubric.JudgedCriteria.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var codes = stored.Select(c => c.ToUpperInvariant()).Where(judged.Contains).Distinct().ToList();
        codes.AddRange(TieBreakOrder.For(rubric).Where(c => !codes.Contains(c)));
        return codes;
    }

    private static List<EntryProgress> Progress(
        RoundData data, HashSet<(int EntryId, int JudgeId)> active, List<Scorecard> cards, List<(int EntryId, int JudgeId)> drafts,
        Func<int, string> judgeName)
    {
        var assignedTo = active.ToLookup(a => a.EntryId, a => a.JudgeId);
        var submittedBy = cards.ToLookup(c => c.EntryId, c => c.JudgeId);
        var draftCount = drafts.GroupBy(d => d.EntryId).ToDictionary(g => g.Key, g => g.Count());
        return data.Entries.Values
            .Select(entry =>
            {
                var assigned = assignedTo[entry.Id].ToList();
                var submitted = submittedBy[entry.Id].ToHashSet();
                var missing = assigned.Where(j => !submitted.Contains(j)).Select(judgeName).Order(StringComparer.Ordinal).ToList();
                return new EntryProgress(entry, assigned.Count, submitted.Count, draftCount.GetValueOrDefault(entry.Id), missing);
            })
            .OrderBy(p => p.Entry.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static List<JudgeProgress> JudgeProgressOf(
        HashSet<(int EntryId, int JudgeId)> active, List<Scorecard> cards, List<(int EntryId, int JudgeId)> drafts, Func<int, string> judgeName)
    {
        var assigned = active.GroupBy(a => a.JudgeId).ToDictionary(g => g.Key, g => g.Count());
        var submitted = cards.GroupBy(c => c.JudgeId).ToDictionary(g => g.Key, g => g.Count());
        var drafted = drafts.GroupBy(d => d.JudgeId).ToDictionary(g => g.Key, g => g.Count());
        return assigned.Keys.Union(submitted.Keys).Union(drafted.Keys)
            .Select(id => new JudgeProgress(id, judgeName(id), assigned.GetValueOrDefault(id), submitted.GetValueOrDefault(id), drafted.GetValueOrDefault(id)))
            .OrderBy(j => j.Name, StringComparer.Create(Infrastructure.VietnameseFormat.Culture, ignoreCase: true))
            .ToList();
    }
}
