using ContestPlatform.Judging.Votes;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using Microsoft.Data.Sqlite;
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
}

public sealed record VoteResult(VoteOutcome Outcome, string Message)
{
    public bool Recorded => Outcome == VoteOutcome.Recorded;
}

/// <summary>Where a vote came from, for the suspicious-pattern report.</summary>
public sealed record VoteOrigin(System.Net.IPAddress? Address, string BrowserId);

/// <summary>
/// Casting, counting and voiding votes. Counts are always computed from the vote rows (no cached
/// counter to drift); the vote score follows from the counts through the judging domain's formula.
/// </summary>
public sealed class VoteService(AppDbContext db, TimeProvider time, AuditLog audit)
{
    public async Task<VoteResult> CastAsync(int entryId, AppUser user, VoteOrigin origin, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var contest = await db.CurrentContestAsync(cancellationToken);
        var timeline = new ContestTimeline(contest.Phases, now);
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.Status, e.Title }).FirstOrDefaultAsync(cancellationToken);

        if (entry is null)
            return new(VoteOutcome.NotFound, "Không tìm thấy công trình này.");
        if (!timeline.IsOpen(PhaseKind.Vote))
            return new(VoteOutcome.OutsideWindow, OutsideWindowMessage(timeline));
        if (!user.EmailConfirmed)
            return new(VoteOutcome.EmailNotConfirmed, "Bạn cần xác nhận địa chỉ email trước khi bình chọn. Hãy mở thư xác nhận chúng tôi đã gửi.");
        if (!EntryStatusLabels.Public.Contains(entry.Status))
            return new(VoteOutcome.NotVotable, "Công trình này không thuộc danh sách được bình chọn.");

        if (contest.VotesPerDayCap is int cap)
        {
            var startOfDay = VietnameseFormat.FromVietnam(VietnameseFormat.ToVietnam(now).Date);
            var today = await db.Votes.CountAsync(v => v.UserId == user.Id && v.CastAt >= startOfDay, cancellationToken);
            if (today >= cap)
                return new(VoteOutcome.DailyCapReached, $"Mỗi tài khoản được bình chọn tối đa {cap} lượt mỗi ngày. Bạn đã dùng hết lượt hôm nay; hãy quay lại vào ngày mai.");
        }

        db.Votes.Add(new Vote
        {
            EntryId = entryId,
            UserId = user.Id,
            CastAt = now,
            AccountCreatedAt = user.CreatedAt,
            ClientAddress = origin.Address?.ToString() ?? "",
            Network = ClientNetwork.Of(origin.Address),
            BrowserId = origin.BrowserId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // SQLITE_CONSTRAINT: the unique (account, entry) index — a second vote, a double click, a race.
            db.ChangeTracker.Clear();
            return new(VoteOutcome.AlreadyVoted, "Bạn đã bình chọn cho công trình này rồi. Mỗi tài khoản chỉ được bình chọn một lần cho mỗi công trình.");
        }
        return new(VoteOutcome.Recorded, $"Cảm ơn bạn! Lượt bình chọn cho công trình “{entry.Title}” đã được ghi nhận.");
    }

    public Task<bool> HasVotedAsync(int entryId, string userId, CancellationToken cancellationToken = default) =>
        db.Votes.AnyAsync(v => v.EntryId == entryId && v.UserId == userId, cancellationToken);

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

    /// <summary>Voids votes with a reason; each void is a line of the hash-chained audit log. Already voided votes are skipped.</summary>
    public async Task<int> VoidAsync(IReadOnlyCollection<long> voteIds, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        if (reason.Length == 0)
            throw new EntryRuleException("Vui lòng ghi lý do hủy lượt bình chọn.");
        if (reason.Length > 1000)
            throw new EntryRuleException("Lý do không được dài quá 1000 ký tự.");
        var votes = await db.Votes.Where(v => voteIds.Contains(v.Id) && v.VoidedAt == null).ToListAsync(cancellationToken);
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
