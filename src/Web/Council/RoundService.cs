using ContestPlatform.Judging;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Assignment;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Rounds;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Council;

/// <summary>What an organizer sets on a round.</summary>
public sealed record RoundSettings(
    string Name,
    int Order,
    RoundState State,
    int JudgesPerEntry,
    int Seed,
    CutoffKind Cutoff,
    decimal CutoffValue,
    AggregationMethod Aggregation);

/// <summary>The entries a round judges, and how they were chosen (shown to organizers).</summary>
public sealed record RoundEntries(IReadOnlyList<int> EntryIds, string Basis, IReadOnlyList<string> Warnings);

/// <summary>A round's ranking from its counted sheets, split at its cut-off.</summary>
public sealed record CutoffOutcome(IReadOnlyList<RankedEntry> Ranking, IReadOnlySet<int> Advancing, IReadOnlyList<string> Warnings);

/// <summary>
/// Judging rounds (sơ khảo → chung khảo). Which entries a round judges:
/// <list type="bullet">
/// <item>the first round (lowest order): every entry in Hợp lệ, Đang chấm or Đã chấm;</item>
/// <item>a later round: the entries of the round just before it that pass that round's cut-off. The cut-off
/// ranks the earlier round's entries that have at least one counted sheet, by the earlier round's aggregation
/// (mean by default) plus the community-vote score, with the contest's tie-break chain (domain
/// <see cref="Ranker"/> and <see cref="RoundCutoff"/>); without a cut-off every entry of that round goes on.</item>
/// </list>
/// The list is computed whenever it is needed, never stored: re-opening a sheet in the earlier round can change it,
/// and the next automatic assignment then removes the assignments of entries that no longer qualify.
/// </summary>
public sealed class RoundService(AppDbContext db, CouncilData data, VoteService votes, AuditLog audit, TimeProvider time)
{
    public const string StaleMessage =
        "Vòng chấm vừa được người khác thay đổi. Vui lòng tải lại trang để xem thông tin mới nhất; thay đổi của bạn chưa được lưu.";

    public Task<List<JudgingRound>> ListAsync(CancellationToken cancellationToken = default) =>
        db.JudgingRounds.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    public Task<JudgingRound?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.JudgingRounds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Creates a round; throws <see cref="EntryRuleException"/> with a Vietnamese message when a setting is refused.</summary>
    public async Task<JudgingRound> CreateAsync(RoundSettings settings, Actor actor, CancellationToken cancellationToken = default)
    {
        await CheckAsync(settings, null, cancellationToken);
        var round = new JudgingRound
        {
            CreatedAt = time.GetUtcNow().UtcDateTime,
            LabelKey = EntryLabels.NewKey(),
        };
        Apply(round, settings);
        db.JudgingRounds.Add(round);
        // One save for the round and its audit line; the id is not known yet, so the line names the round by its settings.
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("round.create", "rounds", Describe(round)), cancellationToken);
        return round;
    }

    /// <summary>
    /// Changes a round's settings. <paramref name="version"/> is the round's version when the form was opened:
    /// a round changed meanwhile is refused with <see cref="StaleMessage"/>.
    /// </summary>
    public async Task UpdateAsync(int id, RoundSettings settings, Guid version, Actor actor, CancellationToken cancellationToken = default)
    {
        var round = await FindAsync(id, cancellationToken) ?? throw new EntryRuleException("Không tìm thấy vòng chấm.");
        if (round.Version != version)
            throw new EntryRuleException(StaleMessage);
        await CheckAsync(settings, id, cancellationToken);
        var before = Describe(round);
        Apply(round, settings);
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        round.Version = Guid.NewGuid();
        try
        {
            await audit.SaveWithAuditAsync(db, actor, new AuditRecord("round.update", $"round:{round.Id}", new { before, after = Describe(round) }), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EntryRuleException(StaleMessage);
        }
    }

    /// <summary>The round just before this one (by order), or null for the first round.</summary>
    public Task<JudgingRound?> PreviousAsync(JudgingRound round, CancellationToken cancellationToken = default) =>
        db.JudgingRounds.AsNoTracking()
            .Where(r => r.Order < round.Order)
            .OrderByDescending(r => r.Order)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The entries this round judges (see the class summary for the rule).</summary>
    public async Task<RoundEntries> EntriesAsync(JudgingRound round, CancellationToken cancellationToken = default)
    {
        var previous = await PreviousAsync(round, cancellationToken);
        if (previous is null)
        {
            var ids = await db.Entries.AsNoTracking()
                .Where(e => CouncilData.JudgeableStatuses.Contains(e.Status))
                .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
            return new RoundEntries(ids, "Vòng đầu tiên: tất cả công trình đã được công nhận hợp lệ.", []);
        }

        var earlier = await EntriesAsync(previous, cancellationToken);
        var earlierIds = earlier.EntryIds.ToArray();
        var stillJudgeable = (await db.Entries.AsNoTracking()
            .Where(e => earlierIds.Contains(e.Id) && CouncilData.JudgeableStatuses.Contains(e.Status))
            .Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        var warnings = new List<string>();
        if (previous.State != RoundState.Closed)
            warnings.Add($"Vòng trước (“{previous.Name}”) chưa kết thúc: danh sách công trình vào vòng này có thể còn thay đổi.");

        if (previous.Cutoff == CutoffKind.None)
            return new RoundEntries([.. earlier.EntryIds.Where(stillJudgeable.Contains)],
                $"Tất cả công trình của vòng “{previous.Name}” (vòng đó không đặt ngưỡng).", warnings);

        var outcome = await CutoffAsync(previous, earlier.EntryIds, cancellationToken);
        warnings.AddRange(outcome.Warnings);
        var basis = previous.Cutoff == CutoffKind.TopCount
            ? $"Các công trình trong nhóm {VietnameseNumber(previous.CutoffValue)} công trình dẫn đầu vòng “{previous.Name}” (kể cả công trình bằng điểm ở vị trí cuối)."
            : $"Các công trình đạt từ {VietnameseNumber(previous.CutoffValue)} điểm trở lên ở vòng “{previous.Name}”.";
        return new RoundEntries([.. earlier.EntryIds.Where(id => outcome.Advancing.Contains(id) && stillJudgeable.Contains(id))], basis, warnings);
    }

    /// <summary>The round's ranking (council score by its aggregation + vote score) and who passes its cut-off.</summary>
    public async Task<CutoffOutcome> CutoffAsync(JudgingRound round, CancellationToken cancellationToken = default) =>
        await CutoffAsync(round, (await EntriesAsync(round, cancellationToken)).EntryIds, cancellationToken);

    private async Task<CutoffOutcome> CutoffAsync(JudgingRound round, IReadOnlyList<int> entries, CancellationToken cancellationToken)
    {
        var entryIds = entries.ToArray();
        var warnings = new List<string>();
        var sheets = await db.CountedSheets(round.Id).AsNoTracking()
            .Where(s => entryIds.Contains(s.EntryId))
            .Include(s => s.Lines)
            .ToListAsync(cancellationToken);
        var pending = await db.ActiveAssignments(round.Id)
            .Where(a => entryIds.Contains(a.EntryId))
            .CountAsync(a => !db.ScoreSheets.Any(s => s.RoundId == a.RoundId && s.EntryId == a.EntryId && s.JudgeId == a.JudgeId && s.State == SheetState.Submitted), cancellationToken);
        if (pending > 0)
            warnings.Add($"Vòng “{round.Name}” còn {pending} phiếu chấm chưa nộp.");

        IReadOnlyList<RankedEntry> ranking = [];
        try
        {
            var rubric = await data.RubricAsync(cancellationToken);
            var table = new ScoreTable(rubric, sheets.Select(s => new Scorecard(rubric, s.JudgeId, s.EntryId,
                s.Lines.ToDictionary(l => l.CriterionCode, l => l.Points))));
            var aggregates = Aggregator.Aggregate(table, round.Aggregation);
            var ranked = aggregates.Select(a => a.EntryId).ToArray();
            var submittedAt = await db.Entries.AsNoTracking().Where(e => ranked.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => e.SubmittedAt ?? e.CreatedAt, cancellationToken);
            // The same vote scores as the vote pages and the results: 20 × v ÷ vmax over the public entries.
            var voteScores = await votes.ScoresAsync(cancellationToken);
            var tieBreak = await data.TieBreakAsync(rubric, cancellationToken);
            ranking = Ranker.Rank(aggregates.Select(a => RankingCandidate.From(a,
                voteScores.GetValueOrDefault(a.EntryId),
                new DateTimeOffset(DateTime.SpecifyKind(submittedAt[a.EntryId], DateTimeKind.Utc)))), tieBreak);
        }
        catch (JudgingException ex)
        {
            warnings.Add($"Chưa xếp hạng được vòng “{round.Name}”: {ex.Message}");
        }

        var advancing = ranking.Count == 0 || round.Cutoff == CutoffKind.None
            ? ranking.Select(r => r.EntryId).ToHashSet()
            : CutoffOf(round).Apply(ranking).Advancing.Select(r => r.EntryId).ToHashSet();
        return new CutoffOutcome(ranking, advancing, warnings);
    }

    private static RoundCutoff CutoffOf(JudgingRound round) => round.Cutoff switch
    {
        CutoffKind.TopCount => RoundCutoff.Top((int)round.CutoffValue),
        _ => RoundCutoff.AtLeast(round.CutoffValue),
    };

    private async Task CheckAsync(RoundSettings settings, int? exceptId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Name))
            throw new EntryRuleException("Vui lòng nhập tên vòng chấm.");
        if (settings.Order is < 1 or > 100)
            throw new EntryRuleException("Thứ tự vòng chấm phải từ 1 đến 100.");
        if (await db.JudgingRounds.AnyAsync(r => r.Order == settings.Order && r.Id != exceptId, cancellationToken))
            throw new EntryRuleException($"Đã có vòng chấm mang thứ tự {settings.Order}. Mỗi vòng cần một thứ tự riêng.");
        try
        {
            // The domain's own checks: k within 1..50, a count cut-off of at least 1, a score cut-off not negative.
            _ = new AssignmentOptions(settings.JudgesPerEntry, settings.Seed);
            if (settings.Cutoff == CutoffKind.TopCount)
            {
                if (settings.CutoffValue != decimal.Truncate(settings.CutoffValue))
                    throw new EntryRuleException("Số công trình vào vòng sau phải là số nguyên.");
                _ = RoundCutoff.Top((int)Math.Min(settings.CutoffValue, int.MaxValue));
            }
            else if (settings.Cutoff == CutoffKind.MinimumScore)
            {
                _ = RoundCutoff.AtLeast(settings.CutoffValue);
                var rubric = await data.RubricAsync(cancellationToken);
                if (settings.CutoffValue > rubric.TotalMax)
                    throw new EntryRuleException($"Điểm sàn không được vượt tổng điểm tối đa {Points.Format(rubric.TotalMax)}.");
            }
        }
        catch (JudgingException ex)
        {
            throw new EntryRuleException(ex.Message);
        }
    }

    private static void Apply(JudgingRound round, RoundSettings settings)
    {
        round.Name = settings.Name.Trim();
        round.Order = settings.Order;
        round.State = settings.State;
        round.JudgesPerEntry = settings.JudgesPerEntry;
        round.Seed = settings.Seed;
        round.Cutoff = settings.Cutoff;
        round.CutoffValue = settings.Cutoff == CutoffKind.None ? 0 : settings.CutoffValue;
        round.Aggregation = settings.Aggregation;
    }

    private static object Describe(JudgingRound round) => new
    {
        name = round.Name,
        order = round.Order,
        state = round.State.ToString(),
        k = round.JudgesPerEntry,
        seed = round.Seed,
        cutoff = round.Cutoff.ToString(),
        cutoffValue = round.CutoffValue,
        aggregation = round.Aggregation.ToString(),
    };

    private static string VietnameseNumber(decimal value) => Points.Format(value);
}
