using System.Security.Cryptography;
using System.Text;
using ContestPlatform.Judging;
using ContestPlatform.Judging.Assignment;
using ContestPlatform.Judging.Participants;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Council;

/// <summary>Everything assignment needs about one round, loaded once.</summary>
public sealed class RoundSituation(
    JudgingRound round, RoundEntries basis, IReadOnlyList<EntryFacts> entries, IReadOnlyList<JudgeFacts> judges, IReadOnlyList<Assignment> active)
{
    private readonly Dictionary<int, EntryFacts> entryById = entries.ToDictionary(e => e.Id);
    private readonly Dictionary<int, JudgeFacts> judgeById = judges.ToDictionary(j => j.Id);

    public JudgingRound Round { get; } = round;
    public RoundEntries Basis { get; } = basis;

    /// <summary>The round's entries, plus any entry that still has an assignment although it left the round.</summary>
    public IReadOnlyList<EntryFacts> Entries { get; } = entries;

    public IReadOnlyList<JudgeFacts> Judges { get; } = judges;
    public IReadOnlyList<Assignment> Active { get; } = active;
    public IReadOnlySet<int> InRound { get; } = basis.EntryIds.ToHashSet();

    public EntryFacts? Entry(int id) => entryById.GetValueOrDefault(id);
    public JudgeFacts? Judge(int id) => judgeById.GetValueOrDefault(id);
    public string Label(int entryId) => EntryLabels.Of(Round, entryId);
}

/// <summary>An assignment the next change will remove, and why (organizers read it in the preview).</summary>
public sealed record PlannedRemoval(Assignment Assignment, string Reason);

/// <summary>What "Áp dụng" would do: the domain plan plus removals, with a fingerprint to apply exactly this.</summary>
public sealed record AssignmentPreview(RoundSituation Situation, AssignmentPlan Plan, IReadOnlyList<PlannedRemoval> Removals, string Fingerprint)
{
    public bool HasChanges => Plan.Added.Count > 0 || Removals.Count > 0;

    public IReadOnlyList<string> ShortfallMessages =>
        [.. Plan.Shortfalls.Select(s => AssignmentService.ShortfallMessage(Situation.Entry(s.EntryId)?.Code ?? $"#{s.EntryId}", s.Assigned, s.Required))];
}

/// <summary>One judge on one entry as the organizer's board shows it.</summary>
public sealed record BoardJudge(Assignment Assignment, JudgeFacts? Judge, SheetState? Sheet);

/// <summary>
/// One entry of the board: its judges, the judges it conflicts with, whether it misses judges, and the
/// version of its assignments that the board's forms post back (<see cref="AssignmentService.EntryVersion"/>).
/// </summary>
public sealed record BoardRow(EntryFacts Entry, string Label, bool InRound, IReadOnlyList<BoardJudge> Judges,
    IReadOnlyList<(JudgeFacts Judge, IReadOnlyList<string> Labels)> Conflicts, int Missing, string Version);

public sealed record AssignmentBoard(RoundSituation Situation, IReadOnlyList<BoardRow> Rows, IReadOnlyDictionary<int, int> Loads)
{
    public IEnumerable<string> ShortfallMessages =>
        Rows.Where(r => r.InRound && r.Missing > 0)
            .Select(r => AssignmentService.ShortfallMessage(r.Entry.Code, Situation.Round.JudgesPerEntry - r.Missing, Situation.Round.JudgesPerEntry));
}

/// <summary>A judge's declaration done: how many entries went to another judge, and what could not be filled.</summary>
public sealed record ConflictOutcome(int Reassigned, IReadOnlyList<string> Shortfalls);

/// <summary>
/// Who scores what in a round: the board, the automatic assignment (preview, then apply exactly the previewed
/// plan), manual additions and removals with a reason, and a judge's conflict declaration (the entry is then
/// reassigned by <see cref="JudgeAssigner.Reassign"/>). Every change is an audit line (<c>assignment.add</c>,
/// <c>assignment.remove</c>, <c>conflict.declare</c>) saved with it, and renews the round's version so two
/// people changing one round at once never both succeed silently.
/// </summary>
public sealed class AssignmentService(AppDbContext db, RoundService rounds, CouncilData data, AuditLog audit, TimeProvider time)
{
    public const string StaleMessage =
        "Phân công của vòng chấm vừa được người khác thay đổi. Vui lòng tải lại trang rồi thử lại; thay đổi của bạn chưa được lưu.";

    public const string PlanChangedMessage =
        "Dữ liệu đã thay đổi kể từ khi xem trước (công trình, giám khảo hoặc phân công). Vui lòng xem lại phương án mới rồi mới áp dụng.";

    public const string DeclaredReason = "Giám khảo khai báo xung đột lợi ích";
    public const string ReassignedReason = "Phân công lại sau khi giám khảo khai báo xung đột lợi ích";

    public static string ShortfallMessage(string code, int assigned, int required) =>
        $"Công trình {code} chỉ có {assigned}/{required} giám khảo không có xung đột lợi ích; cần bổ sung giám khảo.";

    /// <summary>
    /// A version of one entry's assignments in force: a hash of their ids (an addition brings a new id, a
    /// removal takes one away). The board posts the version it showed; a change made from a board showing an
    /// older one is refused (<see cref="StaleMessage"/>), so two organizers who both see an entry missing a
    /// judge cannot both add one and leave it with more than k. Per entry, so work on other entries of the
    /// round does not make the whole board stale.
    /// </summary>
    public static string EntryVersion(IEnumerable<Assignment> active, int entryId)
    {
        var ids = string.Join(',', active.Where(a => a.EntryId == entryId).Select(a => a.Id).Order());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{entryId}:{ids}")))[..16];
    }

    private static void EnsureCurrent(RoundSituation situation, int entryId, string? seenVersion)
    {
        if (!string.Equals(EntryVersion(situation.Active, entryId), seenVersion, StringComparison.Ordinal))
            throw new EntryRuleException(StaleMessage);
    }

    /// <summary>The round with its entries, judges and assignments in force; null when there is no such round.</summary>
    public async Task<RoundSituation?> SituationAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var round = await rounds.FindAsync(roundId, cancellationToken);
        if (round is null)
            return null;
        var basis = await rounds.EntriesAsync(round, cancellationToken);
        var active = await db.ActiveAssignments(roundId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var entries = await data.EntriesAsync(basis.EntryIds.Concat(active.Select(a => a.EntryId)), cancellationToken);
        var judges = await data.JudgesAsync(null, cancellationToken);
        return new RoundSituation(round, basis, entries, judges, active);
    }

    public async Task<AssignmentBoard?> BoardAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var situation = await SituationAsync(roundId, cancellationToken);
        if (situation is null)
            return null;
        var sheets = (await db.ScoreSheets.AsNoTracking().Where(s => s.RoundId == roundId)
                .Select(s => new { s.EntryId, s.JudgeId, s.State }).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.EntryId, s.JudgeId), s => s.State);
        var byEntry = situation.Active.ToLookup(a => a.EntryId);
        var eligible = situation.Judges.Where(j => j.Eligible).ToList();
        var rows = situation.Entries.Select(entry =>
        {
            var judges = byEntry[entry.Id]
                .Select(a => new BoardJudge(a, situation.Judge(a.JudgeId), sheets.TryGetValue((a.EntryId, a.JudgeId), out var state) ? state : null))
                .ToList();
            var conflicts = situation.Judges
                .Where(j => CouncilData.IsConflicted(j, entry))
                .Select(j => (j, CouncilData.ConflictLabels(j, entry)))
                .ToList();
            var counted = judges.Count(j => j.Judge is { Eligible: true });
            var inRound = situation.InRound.Contains(entry.Id);
            return new BoardRow(entry, situation.Label(entry.Id), inRound, judges, conflicts,
                inRound ? Math.Max(0, situation.Round.JudgesPerEntry - counted) : 0, EntryVersion(situation.Active, entry.Id));
        }).ToList();
        var loads = eligible.ToDictionary(j => j.Id, j => situation.Active.Count(a => a.JudgeId == j.Id));
        return new AssignmentBoard(situation, rows, loads);
    }

    /// <summary>The automatic assignment's plan for the round, not saved.</summary>
    public async Task<AssignmentPreview?> PreviewAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var situation = await SituationAsync(roundId, cancellationToken);
        return situation is null ? null : Compute(situation);
    }

    /// <summary>
    /// Saves the plan shown in the preview whose fingerprint is <paramref name="fingerprint"/>. If anything changed
    /// since (an entry, a judge, an assignment), the plan would differ and is refused with <see cref="PlanChangedMessage"/>.
    /// </summary>
    public async Task<AssignmentPreview> ApplyAsync(int roundId, string? fingerprint, Actor actor, CancellationToken cancellationToken = default)
    {
        var situation = await SituationAsync(roundId, cancellationToken) ?? throw new EntryRuleException("Không tìm thấy vòng chấm.");
        EnsureNotClosed(situation.Round);
        var preview = Compute(situation);
        if (!string.Equals(preview.Fingerprint, fingerprint, StringComparison.Ordinal))
            throw new EntryRuleException(PlanChangedMessage);
        if (!preview.HasChanges)
            throw new EntryRuleException("Phân công đã đầy đủ; không có thay đổi nào để áp dụng.");

        var records = new List<AuditRecord>();
        foreach (var removal in preview.Removals)
            Remove(situation, removal.Assignment, removal.Reason, records);
        foreach (var added in preview.Plan.Added)
            Add(situation, added.EntryId, added.JudgeId, AssignmentSource.Automatic,
                $"Phân công tự động (hạt giống {situation.Round.Seed})", records);
        if (!await SaveAsync([situation.Round], actor, records, cancellationToken))
            throw new EntryRuleException(StaleMessage);
        return preview;
    }

    /// <summary>
    /// Puts a judge on an entry by hand. Refused (with the conflict labels) for a conflicted judge, and with
    /// <see cref="StaleMessage"/> when the entry's assignments are no longer those of <paramref name="seenVersion"/>.
    /// </summary>
    public async Task AddAsync(int roundId, int entryId, int judgeId, string? reason, string? seenVersion, Actor actor, CancellationToken cancellationToken = default)
    {
        reason = Reason(reason, "thêm giám khảo");
        var situation = await SituationAsync(roundId, cancellationToken) ?? throw new EntryRuleException("Không tìm thấy vòng chấm.");
        EnsureNotClosed(situation.Round);
        var entry = situation.InRound.Contains(entryId) ? situation.Entry(entryId) : null;
        if (entry is null)
            throw new EntryRuleException("Công trình này không thuộc vòng chấm.");
        EnsureCurrent(situation, entryId, seenVersion);
        var judge = situation.Judge(judgeId) ?? throw new EntryRuleException("Không tìm thấy giám khảo.");
        if (!judge.Eligible)
            throw new EntryRuleException($"Giám khảo {judge.Name} đang ngừng hoạt động hoặc không còn vai trò Giám khảo, nên không thể được phân công.");
        if (situation.Active.Any(a => a.EntryId == entryId && a.JudgeId == judgeId))
            throw new EntryRuleException($"Giám khảo {judge.Name} đã được phân công chấm công trình {entry.Code}.");
        var conflicts = CouncilData.ConflictLabels(judge, entry);
        if (conflicts.Count > 0)
            throw new EntryRuleException(
                $"Không thể phân công giám khảo {judge.Name} chấm công trình {entry.Code} vì xung đột lợi ích: {string.Join("; ", conflicts)}.");

        var records = new List<AuditRecord>();
        Add(situation, entryId, judgeId, AssignmentSource.Manual, reason, records);
        if (!await SaveAsync([situation.Round], actor, records, cancellationToken))
            throw new EntryRuleException(StaleMessage);
    }

    /// <summary>
    /// Takes a judge off an entry, with a reason. The judge's sheet is kept but no longer counts. Refused with
    /// <see cref="StaleMessage"/> when the entry's assignments are no longer those of <paramref name="seenVersion"/>.
    /// </summary>
    public async Task RemoveAsync(int roundId, int assignmentId, string? reason, string? seenVersion, Actor actor, CancellationToken cancellationToken = default)
    {
        reason = Reason(reason, "gỡ giám khảo");
        var situation = await SituationAsync(roundId, cancellationToken) ?? throw new EntryRuleException("Không tìm thấy vòng chấm.");
        EnsureNotClosed(situation.Round);
        var assignment = situation.Active.FirstOrDefault(a => a.Id == assignmentId)
                         ?? throw new EntryRuleException("Phân công này không còn hiệu lực (có thể vừa được người khác gỡ). Vui lòng tải lại trang.");
        EnsureCurrent(situation, assignment.EntryId, seenVersion);
        var records = new List<AuditRecord>();
        Remove(situation, assignment, reason, records);
        if (!await SaveAsync([situation.Round], actor, records, cancellationToken))
            throw new EntryRuleException(StaleMessage);
    }

    /// <summary>
    /// A judge declares a conflict of interest with an entry: the declaration is stored, the judge's assignments
    /// to the entry in every round not yet closed are removed (<see cref="DeclaredReason"/>), and each such round
    /// gets another eligible judge for the entry via <see cref="JudgeAssigner.Reassign"/>; what cannot be filled
    /// is returned (and shown to organizers on the board as missing judges).
    /// </summary>
    public async Task<ConflictOutcome> DeclareConflictAsync(int judgeId, int entryId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0)
            throw new EntryRuleException("Vui lòng ghi rõ lý do xung đột lợi ích.");
        if (reason.Length > 1000)
            throw new EntryRuleException("Lý do không được dài quá 1000 ký tự.");

        // One retry: a concurrent change to the same round (an organizer applying a plan) wins the first time.
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await TryDeclareAsync(judgeId, entryId, reason, actor, cancellationToken);
            if (outcome is not null)
                return outcome;
            if (attempt == 2)
                throw new EntryRuleException("Hệ thống đang bận cập nhật phân công. Vui lòng thử lại sau ít phút.");
            db.ChangeTracker.Clear();
        }
    }

    private async Task<ConflictOutcome?> TryDeclareAsync(int judgeId, int entryId, string reason, Actor actor, CancellationToken cancellationToken)
    {
        var roundIds = await db.Assignments
            .Where(a => a.JudgeId == judgeId && a.EntryId == entryId && a.RemovedAt == null)
            .Join(db.JudgingRounds, a => a.RoundId, r => r.Id, (a, r) => r)
            .Where(r => r.State != RoundState.Closed)
            .Select(r => r.Id).Distinct().ToListAsync(cancellationToken);
        if (roundIds.Count == 0)
            throw new EntryRuleException("Bạn không còn được phân công chấm công trình này.");

        var now = time.GetUtcNow().UtcDateTime;
        var records = new List<AuditRecord>();
        if (!await db.ConflictDeclarations.AnyAsync(c => c.JudgeId == judgeId && c.EntryId == entryId, cancellationToken))
            db.ConflictDeclarations.Add(new ConflictDeclaration { JudgeId = judgeId, EntryId = entryId, Reason = reason, DeclaredAt = now });
        records.Add(new AuditRecord("conflict.declare", $"entry:{entryId}", new { judge = judgeId, entry = entryId, reason, rounds = roundIds }));

        var touched = new List<JudgingRound>();
        var reassigned = 0;
        var shortfalls = new List<string>();
        foreach (var roundId in roundIds)
        {
            var situation = (await SituationAsync(roundId, cancellationToken))!;
            touched.Add(situation.Round);
            var mine = situation.Active.Where(a => a.JudgeId == judgeId && a.EntryId == entryId).ToList();
            if (!situation.InRound.Contains(entryId) || situation.Judge(judgeId) is null)
            {
                foreach (var assignment in mine)
                    Remove(situation, assignment, DeclaredReason, records);
                continue;
            }

            var preview = Compute(situation, j => j.Id == judgeId ? j.Profile.WithDeclaredConflict(entryId) : j.Profile, entryId);
            foreach (var removal in preview.Removals)
                Remove(situation, removal.Assignment, removal.Assignment.JudgeId == judgeId ? DeclaredReason : removal.Reason, records);
            // The declaring judge may be ineligible (role removed meanwhile) and so not in the plan: remove anyway.
            foreach (var assignment in mine.Where(a => a.RemovedAt is null))
                Remove(situation, assignment, DeclaredReason, records);
            foreach (var added in preview.Plan.Added)
            {
                Add(situation, added.EntryId, added.JudgeId, AssignmentSource.Automatic, ReassignedReason, records);
                reassigned++;
            }
            shortfalls.AddRange(preview.ShortfallMessages);
        }
        return await SaveAsync(touched, actor, records, cancellationToken) ? new ConflictOutcome(reassigned, shortfalls) : null;
    }

    /// <summary>
    /// The plan: the domain assigns the round's entries to eligible judges, keeping assignments in force (except
    /// conflicted ones); assignments of entries no longer in the round or of judges no longer eligible are removed.
    /// With <paramref name="onlyEntry"/>, only that entry changes (<see cref="JudgeAssigner.Reassign"/>).
    /// </summary>
    internal static AssignmentPreview Compute(RoundSituation situation, Func<JudgeFacts, JudgeProfile>? profileOf = null, int? onlyEntry = null)
    {
        var eligible = situation.Judges.Where(j => j.Eligible).ToList();
        var eligibleIds = eligible.Select(j => j.Id).ToHashSet();
        var removals = new List<PlannedRemoval>();
        var existing = new List<JudgeAssignment>();
        var byPair = new Dictionary<(int EntryId, int JudgeId), Assignment>();
        foreach (var assignment in situation.Active)
        {
            var mayChange = onlyEntry is null || onlyEntry == assignment.EntryId;
            string? reason = null;
            if (!situation.InRound.Contains(assignment.EntryId))
                reason = "Công trình không còn thuộc vòng chấm này";
            else if (!eligibleIds.Contains(assignment.JudgeId))
                reason = "Giám khảo đã ngừng hoạt động hoặc không còn vai trò Giám khảo";
            else if (!byPair.TryAdd((assignment.EntryId, assignment.JudgeId), assignment))
                reason = "Phân công trùng lặp";
            if (reason is null)
                existing.Add(new JudgeAssignment(assignment.EntryId, assignment.JudgeId));
            else if (mayChange)
                removals.Add(new PlannedRemoval(assignment, reason));
        }

        var entries = situation.Entries.Where(e => situation.InRound.Contains(e.Id)).Select(e => e.Profile).ToList();
        var profiles = eligible.Select(j => profileOf?.Invoke(j) ?? j.Profile).ToList();
        var options = new AssignmentOptions(situation.Round.JudgesPerEntry, situation.Round.Seed);
        AssignmentPlan plan;
        try
        {
            plan = onlyEntry is { } entryId
                ? JudgeAssigner.Reassign(entryId, entries, profiles, existing, options)
                : JudgeAssigner.Assign(entries, profiles, options, existing);
        }
        catch (JudgingException ex)
        {
            throw new EntryRuleException(ex.Message);
        }

        foreach (var removed in plan.Removed)
        {
            var assignment = byPair[(removed.Assignment.EntryId, removed.Assignment.JudgeId)];
            var judge = situation.Judge(assignment.JudgeId)!;
            var entry = situation.Entry(assignment.EntryId)!;
            var labels = CouncilData.ConflictLabels(judge, entry);
            removals.Add(new PlannedRemoval(assignment,
                "Xung đột lợi ích: " + string.Join("; ", labels.Count > 0 ? labels : removed.Conflicts.Select(c => c.Label))));
        }

        var fingerprint = new StringBuilder()
            .Append(situation.Round.Id).Append('|').Append(options.JudgesPerEntry).Append('|').Append(options.Seed).Append('|');
        foreach (var added in plan.Added)
            fingerprint.Append('+').Append(added.EntryId).Append(':').Append(added.JudgeId).Append(';');
        foreach (var removal in removals.OrderBy(r => r.Assignment.Id))
            fingerprint.Append('-').Append(removal.Assignment.Id).Append(';');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint.ToString())))[..32];
        return new AssignmentPreview(situation, plan, removals, hash);
    }

    private void Add(RoundSituation situation, int entryId, int judgeId, AssignmentSource source, string reason, List<AuditRecord> records)
    {
        db.Assignments.Add(new Assignment
        {
            RoundId = situation.Round.Id,
            EntryId = entryId,
            JudgeId = judgeId,
            Source = source,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        records.Add(new AuditRecord("assignment.add", $"entry:{entryId}", new
        {
            round = situation.Round.Id,
            entry = entryId,
            code = situation.Entry(entryId)?.Code,
            judge = judgeId,
            judgeName = situation.Judge(judgeId)?.Name,
            source = source == AssignmentSource.Manual ? "manual" : "automatic",
            reason,
        }));
    }

    private void Remove(RoundSituation situation, Assignment assignment, string reason, List<AuditRecord> records)
    {
        if (assignment.RemovedAt is not null)
            return;
        assignment.RemovedAt = time.GetUtcNow().UtcDateTime;
        assignment.RemovedReason = reason.Length > 500 ? reason[..500] : reason;
        records.Add(new AuditRecord("assignment.remove", $"entry:{assignment.EntryId}", new
        {
            round = situation.Round.Id,
            entry = assignment.EntryId,
            code = situation.Entry(assignment.EntryId)?.Code,
            judge = assignment.JudgeId,
            judgeName = situation.Judge(assignment.JudgeId)?.Name,
            assignment = assignment.Id,
            reason,
        }));
    }

    /// <summary>Saves with the audit lines and renews each round's version; false when a round changed meanwhile.</summary>
    private async Task<bool> SaveAsync(IReadOnlyList<JudgingRound> changed, Actor actor, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        foreach (var round in changed)
            round.Version = Guid.NewGuid();
        try
        {
            await audit.SaveWithAuditAsync(db, actor, records, cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static void EnsureNotClosed(JudgingRound round)
    {
        if (round.State == RoundState.Closed)
            throw new EntryRuleException($"Vòng “{round.Name}” đã kết thúc nên không thể thay đổi phân công. Mở lại vòng chấm nếu cần.");
    }

    private static string Reason(string? reason, string what)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0)
            throw new EntryRuleException($"Vui lòng ghi lý do {what}.");
        if (reason.Length > 500)
            throw new EntryRuleException("Lý do không được dài quá 500 ký tự.");
        return reason;
    }
}
