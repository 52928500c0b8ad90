using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;

namespace ContestPlatform.Web.Entries;

/// <summary>Who is acting, as recorded in the status history.</summary>
public sealed record Actor(string UserId, string Name);

/// <summary>
/// The entry lifecycle's rules, in one place: which transition is allowed from which status, what each
/// needs (a reason, an open submission window), and the history row each leaves. Callers save.
/// </summary>
public sealed class EntryWorkflow(AppDbContext db, TimeProvider time)
{
    /// <summary>Whether the entrant may still change the entry: an editable status and the window open.</summary>
    public static bool CanEdit(Entry entry, ContestTimeline timeline) =>
        EntryStatusLabels.Editable.Contains(entry.Status) && timeline.IsOpen(PhaseKind.Submission);

    /// <summary>
    /// Nháp or Cần bổ sung → Đã nộp. The first submission gets the next entry code from the contest's
    /// sequence. Throws <see cref="EntryRuleException"/> with a Vietnamese message when not allowed.
    /// </summary>
    public async Task SubmitAsync(Entry entry, Actor actor, Contest contest, CancellationToken cancellationToken = default)
    {
        var timeline = new ContestTimeline(contest.Phases, Now);
        if (!timeline.IsOpen(PhaseKind.Submission))
            throw new EntryRuleException("Đã hết thời hạn nộp hồ sơ; công trình không thể nộp hoặc sửa nữa.");
        if (!EntryStatusLabels.Editable.Contains(entry.Status))
            throw new EntryRuleException($"Công trình đang ở trạng thái “{EntryStatusLabels.Of(entry.Status)}”, không thể nộp lại.");

        entry.Code ??= $"{contest.EntryCodePrefix}-{await Counters.NextAsync(db, "entry-code:" + contest.EntryCodePrefix, cancellationToken):0000}";
        entry.SubmittedAt ??= Now;
        Move(entry, EntryStatus.Submitted, actor, entry.Status == EntryStatus.NeedsChanges ? "Nộp lại sau khi bổ sung" : "");
    }

    /// <summary>The secretariat's decision on a submitted entry: Hợp lệ, Cần bổ sung (reason) or Không hợp lệ (reason).</summary>
    public void Validate(Entry entry, EntryStatus decision, string? reason, Actor actor)
    {
        if (entry.Status != EntryStatus.Submitted)
            throw new EntryRuleException($"Chỉ xét hồ sơ ở trạng thái “Đã nộp”; công trình này đang “{EntryStatusLabels.Of(entry.Status)}”.");
        if (decision is not (EntryStatus.Accepted or EntryStatus.NeedsChanges or EntryStatus.Rejected))
            throw new EntryRuleException("Kết quả xét hồ sơ phải là Hợp lệ, Cần bổ sung hoặc Không hợp lệ.");
        reason = reason?.Trim() ?? "";
        if (decision != EntryStatus.Accepted && reason.Length == 0)
            throw new EntryRuleException("Vui lòng ghi rõ lý do để thí sinh biết cần làm gì.");
        if (reason.Length > 2000)
            throw new EntryRuleException("Lý do không được dài quá 2000 ký tự.");
        Move(entry, decision, actor, reason);
    }

    /// <summary>Records any other transition (judging, awards) with its history row.</summary>
    public void Move(Entry entry, EntryStatus to, Actor actor, string reason)
    {
        entry.History.Add(new EntryStatusChange
        {
            From = entry.Status,
            To = to,
            At = Now,
            ByUserId = actor.UserId,
            ByName = actor.Name,
            Reason = reason,
        });
        entry.Status = to;
        entry.UpdatedAt = Now;
        entry.Version = Guid.NewGuid();
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

/// <summary>A lifecycle rule refused an action; the message is for the person who tried it.</summary>
public sealed class EntryRuleException(string message) : Exception(message);
