using ContestPlatform.Judging.Votes;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Votes;

public enum VoteOutcome
{
    Recorded,
    AlreadyVoted,
    OutsideWindow,
    EmailNotConfirmed,
    NotVotable,
    DailyCapReached,
    NotFound,
    AntiAutomation,
}

public sealed record VoteResult(VoteOutcome Outcome, string Message)
{
    public bool Recorded => Outcome == VoteOutcome.Recorded;
}

/// <summary>Where a vote came from, for the suspicious-pattern report.</summary>
public sealed record VoteOrigin(System.Net.IPAddress? Address, string BrowserId);

/// <summary>One organizer action that voided votes: who, when, why, how many, and for which entries.</summary>
public sealed record VoidBatch(DateTime At, string By, string Reason, int Count, IReadOnlyList<string> EntryCodes);

/// <summary>One entry's standing in the vote: exact counts and the vote score that follows from them.</summary>
public sealed record VoteTally(int EntryId, string Code, string Title, long Valid, long Voided, decimal Score);

/// <summary>
/// Casting, counting and voiding votes. Counts are always computed from the vote rows (no cached
/// counter to drift); the vote score follows from the counts through the judging domain's formula.
/// </summary>
public sealed class VoteService(AppDbContext db, TimeProvider time, AuditLog audit, VoteWriter writer)
{
    public const string AntiAutomationMessage =
        "Không xác nhận được thao tác bình chọn (biểu mẫu đã quá cũ hoặc được gửi quá nhanh). Vui lòng tải lại trang rồi bấm bình chọn lại.";

    public const string EntryNotFoundMessage = "Không tìm thấy công trình này.";

    public Task<VoteResult> CastAsync(int entryId, AppUser user, VoteOrigin origin, CancellationToken cancellationToken = default) =>
        CastAsync(entryId, user, origin, formVerified: true, cancellationToken);

    /// <summary>
    /// Casts a vote. <paramref name="formVerified"/> is the outcome of the anti-automation check on the form;
    /// it is applied after the window, the account and the entry have been checked, so a person is told the
    /// reason that matters to them first ("voting has closed" rather than "reload the page").
    /// </summary>
    public async Task<VoteResult> CastAsync(int entryId, AppUser user, VoteOrigin origin, bool formVerified, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await db.Contests.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.VotesPerDayCap, Phases = c.Phases.Where(p => p.Kind == PhaseKind.Vote).ToList() })
            .FirstAsync(cancellationToken);
        var timeline = new ContestTimeline(settings.Phases, now);
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.Status, e.Title }).FirstOrDefaultAsync(cancellationToken);

        if (entry is null)
            return new(VoteOutcome.NotFound, EntryNotFoundMessage);
        if (!timeline.IsOpen(PhaseKind.Vote))
            return new(VoteOutcome.OutsideWindow, OutsideWindowMessage(timeline));
        if (!user.EmailConfirmed)
            return new(VoteOutcome.EmailNotConfirmed, "Bạn cần xác nhận địa chỉ email trước khi bình chọn. Hãy mở thư xác nhận chúng tôi đã gửi.");
        if (!EntryStatusLabels.Public.Contains(entry.Status))
            return new(VoteOutcome.NotVotable, "Công trình này không thuộc danh sách được bình chọn.");
        if (!formVerified)
            return new(VoteOutcome.AntiAutomation, AntiAutomationMessage);

        var vote = new Vote
        {
            EntryId = entryId,
            UserId = user.Id,
            CastAt = now,
            AccountCreatedAt = user.CreatedAt,
            ClientAddress = origin.Address?.ToString() ?? "",
            Network = ClientNetwork.Of(origin.Address),
            BrowserId = origin.BrowserId,
        };
        // The once-per-entry rule and the daily cap are decided by the writer, one vote at a time, so a burst
        // of simultaneous requests cannot slip past either.
        var outcome = await writer.WriteAsync(new VoteWrite(vote, settings.VotesPerDayCap, StartOfVietnamDay(now)), cancellationToken);
        return outcome switch
        {
            VoteWriteOutcome.Recorded => new(VoteOutcome.Recorded, $"Cảm ơn bạn! Lượt bình chọn cho công trình “{entry.Title}” đã được ghi nhận."),
            VoteWriteOutcome.AlreadyVoted => new(VoteOutcome.AlreadyVoted, "Bạn đã bình chọn cho công trình này rồi. Mỗi tài khoản chỉ được bình chọn một lần cho mỗi công trình."),
            _ => new(VoteOutcome.DailyCapReached, DailyCapMessage(settings.VotesPerDayCap ?? 0)),
        };
    }

    public static string DailyCapMessage(int cap) =>
        $"Mỗi tài khoản được bình chọn tối đa {cap} lượt mỗi ngày. Bạn đã dùng hết lượt hôm nay; hãy quay lại vào ngày mai.";

    /// <summary>Midnight in Vietnam (UTC+7) of the day <paramref name="utc"/> falls on, as UTC.</summary>
    public static DateTime StartOfVietnamDay(DateTime utc) => VietnameseFormat.FromVietnam(VietnameseFormat.ToVietnam(utc).Date);

    public Task<bool> HasVotedAsync(int entryId, string userId, CancellationToken cancellationToken = default) =>
        db.Votes.AnyAsync(v => v.EntryId == entryId && v.UserId == userId, cancellationToken);

    /// <summary>Votes the account has cast today (Vietnam time), voided ones included, as the daily cap counts them.</summary>
    public Task<int> CastTodayAsync(string userId, CancellationToken cancellationToken = default)
    {
        var startOfDay = StartOfVietnamDay(time.GetUtcNow().UtcDateTime);
        return db.Votes.CountAsync(v => v.UserId == userId && v.CastAt >= startOfDay, cancellationToken);
    }

    /// <summary>Valid (not voided) votes per public entry; entries without votes are included with 0.</summary>
    public async Task<IReadOnlyDictionary<int, long>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.Votes.Where(v => v.VoidedAt == null)
            .GroupBy(v => v.EntryId).Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var entries = await db.Entries.Where(e => EntryStatusLabels.Public.Contains(e.Status)).Select(e => e.Id).ToListAsync(cancellationToken);
        return entries.ToDictionary(id => id, id => counts.GetValueOrDefault(id));
    }

    /// <summary>Vote scores (20 × v ÷ vmax, one decimal) from the exact counts and the rubric in force.</summary>
    public async Task<IReadOnlyDictionary<int, decimal>> ScoresAsync(CancellationToken cancellationToken = default)
    {
        var rubric = await db.RubricInForceAsync(cancellationToken) ?? throw new InvalidOperationException("No rubric in force.");
        return VoteScore.ForEntries(rubric.ToDomain(), await CountsAsync(cancellationToken));
    }

    /// <summary>
    /// Every public entry, and any other entry that has votes, with valid and voided counts and the vote
    /// score; most valid votes first, then by code.
    /// </summary>
    public async Task<IReadOnlyList<VoteTally>> TallyAsync(CancellationToken cancellationToken = default)
    {
        var scores = await ScoresAsync(cancellationToken);
        var counts = await db.Votes.GroupBy(v => v.EntryId)
            .Select(g => new { EntryId = g.Key, Valid = g.LongCount(v => v.VoidedAt == null), Voided = g.LongCount(v => v.VoidedAt != null) })
            .ToDictionaryAsync(x => x.EntryId, cancellationToken);
        var ids = scores.Keys.Union(counts.Keys).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.Title }).ToListAsync(cancellationToken);
        return entries
            .Select(e => new VoteTally(e.Id, e.Code ?? "", e.Title,
                counts.TryGetValue(e.Id, out var c) ? c.Valid : 0, c?.Voided ?? 0, scores.GetValueOrDefault(e.Id)))
            .OrderByDescending(t => t.Valid).ThenBy(t => t.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Voids votes with a reason; each void is a line of the hash-chained audit log. Already voided votes are skipped.</summary>
    public async Task<int> VoidAsync(IReadOnlyCollection<long> voteIds, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0)
            throw new EntryRuleException("Vui lòng ghi lý do hủy lượt bình chọn.");
        if (reason.Length > 1000)
            throw new EntryRuleException("Lý do không được dài quá 1000 ký tự.");
        var ids = voteIds.Distinct().ToList();
        var votes = await db.Votes.Where(v => ids.Contains(v.Id) && v.VoidedAt == null).ToListAsync(cancellationToken);
        if (votes.Count == 0)
            return 0;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var vote in votes)
        {
            vote.VoidedAt = now;
            vote.VoidedBy = actor.Name;
            vote.VoidReason = reason;
        }
        await audit.SaveWithAuditAsync(db, actor,
            votes.Select(v => new AuditRecord("vote.void", $"vote:{v.Id}", new { v.EntryId, v.UserId, reason })).ToList(),
            cancellationToken);
        return votes.Count;
    }

    /// <summary>Every void, newest first: votes voided by one action share the instant, the organizer and the reason.</summary>
    public async Task<IReadOnlyList<VoidBatch>> VoidsAsync(int? take = null, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from vote in db.Votes.AsNoTracking()
                where vote.VoidedAt != null
                join entry in db.Entries on vote.EntryId equals entry.Id
                select new { At = vote.VoidedAt!.Value, vote.VoidedBy, vote.VoidReason, entry.Code })
            .ToListAsync(cancellationToken);
        var batches = rows
            .GroupBy(r => (r.At, r.VoidedBy, r.VoidReason))
            .Select(g => new VoidBatch(g.Key.At, g.Key.VoidedBy ?? "", g.Key.VoidReason ?? "", g.Count(),
                g.Select(r => r.Code ?? "").Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(b => b.At);
        return (take is int count ? batches.Take(count) : batches).ToList();
    }

    private static string OutsideWindowMessage(ContestTimeline timeline)
    {
        var window = timeline.Find(PhaseKind.Vote);
        if (window is null)
            return "Cuộc thi năm nay không tổ chức bình chọn cộng đồng.";
        return window.State == PhaseState.Upcoming
            ? $"Chưa đến thời gian bình chọn. Cổng bình chọn mở từ {VietnameseFormat.DateAndTime(window.StartsAt)}."
            : $"Thời gian bình chọn đã kết thúc ({VietnameseFormat.Deadline(window.EndsAt)}).";
    }
}
