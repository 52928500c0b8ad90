using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ContestPlatform.Judging;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Council;

/// <summary>
/// What a judge posts for a sheet. Keys of <see cref="Points"/> and <see cref="Comments"/> are criterion codes;
/// only the judged criteria of the rubric in force are read, anything else posted is ignored. The entry, the round
/// and the judge are never part of it: they come from the route and the signed-in account.
/// </summary>
public sealed class SheetInput
{
    /// <summary>Points as typed ("25", "25.5" or "25,5"); empty = not scored yet.</summary>
    public Dictionary<string, string?> Points { get; set; } = [];

    public Dictionary<string, string?> Comments { get; set; } = [];

    [StringLength(Scorecard.MaxCommentLength), Display(Name = "Nhận xét chung")]
    public string? Comment { get; set; }

    /// <summary>The sheet's version when the page was opened (empty before the first save).</summary>
    public Guid Version { get; set; }
}

/// <summary>Why a sheet was not saved: messages by field ("Points[HQ]", "Comments[HQ]", "Comment") and overall.</summary>
public sealed record SheetProblems(IReadOnlyDictionary<string, string> ByField, IReadOnlyList<string> General)
{
    public static readonly SheetProblems None = new(new Dictionary<string, string>(), []);
    public bool Any => ByField.Count > 0 || General.Count > 0;
}

/// <summary>
/// Saving, submitting and re-opening score sheets. Every save goes through the domain <see cref="Scorecard"/>
/// (bounds, step, comments), nothing is saved when anything is refused, and every change is an audit line saved
/// in the same transaction (<c>scorecard.save</c>, <c>scorecard.submit</c>, <c>scorecard.reopen</c>, with round,
/// entry, judge and scores). Sheets carry a version: a save from a page opened before the last save is refused
/// (<see cref="StaleMessage"/>), so two tabs of one judge never overwrite each other.
/// <para>
/// Entry status (kept simple): the first save of a sheet in a round moves the entry from Hợp lệ (or Đã chấm, from
/// an earlier round) to Đang chấm; when every judge assigned to it in the round has submitted and there are at
/// least k of them it moves to Đã chấm; re-opening a sheet of an entry in Đã chấm moves it back to Đang chấm.
/// Status history shows these as the council's or the secretariat's, never a judge's name.
/// </para>
/// </summary>
public sealed class ScoringService(
    AppDbContext db, AuditLog audit, CouncilData data, EntryWorkflow workflow, TimeProvider time, ILogger<ScoringService> logger)
{
    public const string LockedMessage = "Phiếu chấm đã nộp, không thể sửa. Liên hệ Tổ thư ký nếu cần mở lại.";
    public const string StaleMessage = "Phiếu chấm vừa được lưu ở một cửa sổ khác. Vui lòng tải lại trang.";
    public const string ClosedMessage = "Vòng chấm đã kết thúc, không thể sửa hay nộp phiếu chấm.";
    public const int MaxCriterionCommentLength = 2000;
    private const string CouncilName = "Hội đồng chuyên môn";

    /// <summary>
    /// Validates and saves the judge's draft. With <paramref name="forSubmit"/>, also requires every criterion
    /// to be scored (the next step is <see cref="SubmitAsync"/>). Returns the problems when nothing was saved;
    /// throws <see cref="EntryRuleException"/> for a closed round, a submitted sheet or a stale page.
    /// </summary>
    public async Task<SheetProblems> SaveAsync(JudgeTask task, SheetInput input, bool forSubmit, Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureWritable(task, input.Version);
        var rubric = await data.RubricAsync(cancellationToken);
        var (card, problems) = Read(rubric, task, input);
        if (card is null)
            return problems;
        if (forSubmit && !card.IsComplete)
            return new SheetProblems(
                card.MissingCodes.ToDictionary(c => $"Points[{c}]", c => $"Vui lòng chấm tiêu chí {c} trước khi nộp phiếu."),
                [$"Phiếu chấm chưa có điểm tiêu chí {string.Join(", ", card.MissingCodes)}; chưa thể nộp."]);

        var now = time.GetUtcNow().UtcDateTime;
        var sheet = task.Sheet;
        var first = sheet is null;
        if (sheet is null)
        {
            sheet = new ScoreSheet { RoundId = task.Round.Id, EntryId = task.EntryId, JudgeId = task.Judge.Id, State = SheetState.Draft };
            db.ScoreSheets.Add(sheet);
        }
        else
        {
            db.Entry(sheet).Property(s => s.Version).OriginalValue = input.Version;
        }
        sheet.Comment = card.Comment;
        sheet.UpdatedAt = now;
        sheet.Version = Guid.NewGuid();
        SyncLines(sheet, card);
        try
        {
            await audit.SaveWithAuditAsync(db, actor, new AuditRecord("scorecard.save", Subject(task.EntryId), Details(task, card, sheet)), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || first)
        {
            // Stale version, or the other tab created the sheet first (unique round/entry/judge).
            throw new EntryRuleException(StaleMessage);
        }

        await MoveEntryAsync(task.EntryId, entry => entry.Status is EntryStatus.Accepted or EntryStatus.Judged
            ? (EntryStatus.Judging, $"Hội đồng chuyên môn bắt đầu chấm điểm ({task.Round.Name}).")
            : null, new Actor(actor.UserId, CouncilName), cancellationToken);
        return SheetProblems.None;
    }

    /// <summary>
    /// Submits the saved draft whose version is <paramref name="version"/> (the confirmation step shows exactly that
    /// draft). Throws <see cref="EntryRuleException"/> when the round is closed, the sheet is already submitted, the
    /// page is stale, or a criterion is not scored.
    /// </summary>
    public async Task SubmitAsync(JudgeTask task, Guid version, Actor actor, CancellationToken cancellationToken = default)
    {
        if (task.Sheet is null)
            throw new EntryRuleException("Vui lòng chấm điểm và lưu phiếu trước khi nộp.");
        EnsureWritable(task, version);
        var sheet = task.Sheet;
        var rubric = await data.RubricAsync(cancellationToken);
        Scorecard card;
        try
        {
            card = ToScorecard(rubric, sheet);
            card.EnsureComplete();
        }
        catch (JudgingException ex)
        {
            throw new EntryRuleException(ex.Message);
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
        sheet.State = SheetState.Submitted;
        sheet.SubmittedAt = now;
        sheet.UpdatedAt = now;
        sheet.Version = Guid.NewGuid();
        try
        {
            await audit.SaveWithAuditAsync(db, actor, new AuditRecord("scorecard.submit", Subject(task.EntryId), Details(task, card, sheet)), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EntryRuleException(StaleMessage);
        }

        var roundId = task.Round.Id;
        var k = task.Round.JudgesPerEntry;
        var judges = await db.ActiveAssignments(roundId).Where(a => a.EntryId == task.EntryId).Select(a => a.JudgeId).ToListAsync(cancellationToken);
        var submitted = await db.ScoreSheets.Where(s => s.RoundId == roundId && s.EntryId == task.EntryId && s.State == SheetState.Submitted)
            .Select(s => s.JudgeId).ToListAsync(cancellationToken);
        if (judges.Count >= k && judges.All(submitted.Contains))
            await MoveEntryAsync(task.EntryId, entry => entry.Status == EntryStatus.Judging
                ? (EntryStatus.Judged, $"Đã có đủ phiếu chấm của Hội đồng chuyên môn ({task.Round.Name}).")
                : null, new Actor(actor.UserId, CouncilName), cancellationToken);
    }

    /// <summary>
    /// Re-opens a submitted sheet as a draft so its judge can change it (organizers only; the page checks the role).
    /// The reason is required and recorded in the audit line <c>scorecard.reopen</c>. Throws
    /// <see cref="EntryRuleException"/> with a Vietnamese message when the sheet is missing, not submitted, its round
    /// is closed, the reason is missing or too long, or the sheet changed meanwhile.
    /// </summary>
    public async Task ReopenAsync(int sheetId, string reason, Actor actor, CancellationToken ct = default)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0)
            throw new EntryRuleException("Vui lòng ghi lý do mở lại phiếu chấm.");
        if (reason.Length > 1000)
            throw new EntryRuleException("Lý do mở lại không được dài quá 1000 ký tự.");
        var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct)
                    ?? throw new EntryRuleException("Không tìm thấy phiếu chấm.");
        if (sheet.State != SheetState.Submitted)
            throw new EntryRuleException("Phiếu chấm này đang là bản nháp, giám khảo vẫn sửa được; không cần mở lại.");
        var round = await db.JudgingRounds.AsNoTracking().FirstAsync(r => r.Id == sheet.RoundId, ct);
        if (round.State == RoundState.Closed)
            throw new EntryRuleException($"Vòng “{round.Name}” đã kết thúc. Hãy mở lại vòng chấm trước khi mở lại phiếu chấm.");

        sheet.State = SheetState.Draft;
        sheet.SubmittedAt = null;
        sheet.UpdatedAt = time.GetUtcNow().UtcDateTime;
        sheet.Version = Guid.NewGuid();
        try
        {
            await audit.SaveWithAuditAsync(db, actor, new AuditRecord("scorecard.reopen", Subject(sheet.EntryId),
                new { round = sheet.RoundId, entry = sheet.EntryId, judge = sheet.JudgeId, sheet = sheet.Id, reason }), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EntryRuleException("Phiếu chấm vừa thay đổi. Vui lòng tải lại trang rồi thử lại.");
        }
        await MoveEntryAsync(sheet.EntryId, entry => entry.Status == EntryStatus.Judged
            ? (EntryStatus.Judging, $"Tổ thư ký mở lại một phiếu chấm ({round.Name}).")
            : null, actor, ct);
    }

    /// <summary>The reason of the latest re-opening of a sheet, to tell its judge why it is a draft again; null if never re-opened.</summary>
    public async Task<string?> LastReopenReasonAsync(ScoreSheet sheet, CancellationToken cancellationToken = default)
    {
        if (sheet.State != SheetState.Draft)
            return null;
        var lines = await db.AuditLog.AsNoTracking()
            .Where(a => a.Action == "scorecard.reopen" && a.Subject == Subject(sheet.EntryId))
            .OrderByDescending(a => a.Sequence).Select(a => a.Data).ToListAsync(cancellationToken);
        foreach (var line in lines)
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("sheet", out var id) && id.GetInt32() == sheet.Id)
                return root.TryGetProperty("reason", out var reason) ? reason.GetString() : null;
        }
        return null;
    }

    /// <summary>The stored sheet as the domain's scorecard (throws <see cref="JudgingException"/> if it no longer fits the rubric).</summary>
    public static Scorecard ToScorecard(Rubric rubric, ScoreSheet sheet) =>
        new(rubric, sheet.JudgeId, sheet.EntryId,
            sheet.Lines.ToDictionary(l => l.CriterionCode, l => l.Points),
            sheet.Lines.Where(l => l.Comment.Length > 0).ToDictionary(l => l.CriterionCode, l => l.Comment),
            sheet.Comment);

    /// <summary>Parses "25", "25.5" or "25,5"; null for anything else (letters, exponents, several separators).</summary>
    public static decimal? ParsePoints(string text)
    {
        text = text.Trim();
        if (text.Length is 0 or > 12 || text.Count(c => c is '.' or ',') > 1)
            return null;
        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static void EnsureWritable(JudgeTask task, Guid version)
    {
        if (!task.IsOpen)
            throw new EntryRuleException(ClosedMessage);
        if (task.IsSubmitted)
            throw new EntryRuleException(LockedMessage);
        if ((task.Sheet?.Version ?? Guid.Empty) != version)
            throw new EntryRuleException(StaleMessage);
    }

    /// <summary>The posted values as a domain scorecard, or the messages to show next to each field.</summary>
    private static (Scorecard? Card, SheetProblems Problems) Read(Rubric rubric, JudgeTask task, SheetInput input)
    {
        var byField = new Dictionary<string, string>();
        var scores = new Dictionary<string, decimal>();
        var comments = new Dictionary<string, string>();
        foreach (var criterion in rubric.JudgedCriteria)
        {
            var code = criterion.Code;
            var text = input.Points.GetValueOrDefault(code)?.Trim() ?? "";
            var comment = input.Comments.GetValueOrDefault(code)?.Trim() ?? "";
            if (text.Length > 0)
            {
                if (ParsePoints(text) is not { } points)
                    byField[$"Points[{code}]"] = $"Điểm tiêu chí {code} phải là một số, ví dụ 15 hoặc 15,5.";
                else if (!criterion.Accepts(points))
                    byField[$"Points[{code}]"] = criterion.BoundsMessage;
                else
                    scores[code] = points;
            }
            if (comment.Length > MaxCriterionCommentLength)
                byField[$"Comments[{code}]"] = $"Nhận xét cho tiêu chí {code} không được dài quá {MaxCriterionCommentLength} ký tự.";
            else if (comment.Length > 0 && text.Length == 0)
                byField[$"Comments[{code}]"] = $"Vui lòng nhập điểm tiêu chí {code} để lưu kèm nhận xét (hoặc ghi vào nhận xét chung).";
            else if (comment.Length > 0)
                comments[code] = comment;
        }
        if ((input.Comment?.Length ?? 0) > Scorecard.MaxCommentLength)
            byField["Comment"] = $"Nhận xét chung không được dài quá {Scorecard.MaxCommentLength} ký tự.";
        if (byField.Count > 0)
            return (null, new SheetProblems(byField, ["Phiếu chấm chưa được lưu. Vui lòng sửa các ô được đánh dấu."]));
        try
        {
            return (new Scorecard(rubric, task.Judge.Id, task.EntryId, scores, comments, input.Comment), SheetProblems.None);
        }
        catch (JudgingException ex)
        {
            return (null, new SheetProblems(new Dictionary<string, string>(), [ex.Message]));
        }
    }

    private static void SyncLines(ScoreSheet sheet, Scorecard card)
    {
        sheet.Lines.RemoveAll(l => !card.Scores.ContainsKey(l.CriterionCode));
        foreach (var (code, points) in card.Scores)
        {
            var line = sheet.Lines.FirstOrDefault(l => l.CriterionCode == code);
            if (line is null)
                sheet.Lines.Add(line = new ScoreLine { CriterionCode = code });
            line.Points = points;
            line.Comment = card.CriterionComments.GetValueOrDefault(code) ?? "";
        }
    }

    /// <summary>
    /// Audit subject of sheet lines: the entry, like assignment lines, so one query gives an entry's whole judging
    /// story; round, judge and sheet are in the details. (A new sheet's id is not known before the single save that
    /// writes it together with its audit line.)
    /// </summary>
    private static string Subject(int entryId) => $"entry:{entryId}";

    private static object Details(JudgeTask task, Scorecard card, ScoreSheet sheet) => new
    {
        round = task.Round.Id,
        entry = task.EntryId,
        judge = task.Judge.Id,
        sheet = sheet.Id == 0 ? (int?)null : sheet.Id,
        state = sheet.State == SheetState.Submitted ? "submitted" : "draft",
        scores = card.Scores,
        total = card.IsComplete ? card.WeightedTotal : (decimal?)null,
    };

    /// <summary>
    /// Moves the entry's status when <paramref name="decide"/> says so. A separate, retried save: the sheet is already
    /// safe, and an organizer changing the entry at the same moment must not make the judge's save fail.
    /// </summary>
    private async Task MoveEntryAsync(int entryId, Func<Entry, (EntryStatus To, string Reason)?> decide, Actor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
            if (entry is null)
                return;
            if (attempt > 1)
                await db.Entry(entry).ReloadAsync(cancellationToken);
            if (decide(entry) is not { } move)
                return;
            workflow.Move(entry, move.To, actor, move.Reason);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }
        logger.LogWarning("Entry {EntryId} status was not moved after three attempts", entryId);
    }
}
