using System.Security.Claims;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Pages.Entrant;

/// <summary>Who is asking, as the entrant pages need it.</summary>
public static class EntrantPages
{
    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The entrant pages are only reachable when signed in.");

    /// <summary>The account's Họ và tên, or its email when the name is empty.</summary>
    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(ContestClaimsFactory.FullName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    /// <summary>The account's Họ và tên only (never the email: it may end up on the public gallery).</summary>
    public static string FullName(ClaimsPrincipal user) => user.FindFirstValue(ContestClaimsFactory.FullName) ?? "";

    public static Actor Actor(ClaimsPrincipal user) => new(UserId(user), DisplayName(user));
}

/// <summary>
/// The submission window (Nhận hồ sơ dự thi) as the entrant sees it: open or not, the deadline, and why an
/// entry cannot be changed. The rule itself is <see cref="EntryWorkflow.CanEdit"/>; this only explains it.
/// </summary>
public sealed class SubmissionWindow(ContestTimeline timeline)
{
    public static async Task<SubmissionWindow> LoadAsync(AppDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        new(await db.TimelineAsync(time, cancellationToken));

    public ContestTimeline Timeline { get; } = timeline;
    public PhaseStatus? Phase { get; } = timeline.Find(PhaseKind.Submission);
    public bool IsOpen => Timeline.IsOpen(PhaseKind.Submission);

    /// <summary>"hết ngày 31/07/2025", or null when the contest has no submission phase.</summary>
    public string? Deadline => Phase is null ? null : VietnameseFormat.Deadline(Phase.EndsAt);

    /// <summary>Whole days left before the deadline (Vietnam time); null when the window is not open.</summary>
    public int? DaysLeft => IsOpen ? (int)Math.Ceiling((Phase!.EndsAt - Timeline.NowUtc).TotalDays) : null;

    /// <summary>Why nothing can be created, changed or submitted now; null while the window is open.</summary>
    public string? ClosedReason => Phase switch
    {
        null => "Ban Tổ chức chưa công bố thời gian nhận hồ sơ dự thi.",
        { State: PhaseState.Upcoming } => $"Cuộc thi chưa bắt đầu nhận hồ sơ. Thời gian nhận hồ sơ bắt đầu {Moment(Phase.StartsAt)}.",
        { State: PhaseState.Closed } => $"Đã hết hạn nộp hồ sơ {EndMoment(Phase.EndsAt)}. Công trình không thể tạo mới, sửa hoặc nộp nữa.",
        _ => null,
    };

    public bool CanEdit(Entry entry) => EntryWorkflow.CanEdit(entry, Timeline);

    /// <summary>Why this entry is read-only, or null when the entrant may still change it.</summary>
    public string? LockedReason(Entry entry)
    {
        if (CanEdit(entry))
            return null;
        return entry.Status switch
        {
            EntryStatus.Draft or EntryStatus.NeedsChanges => ClosedReason,
            EntryStatus.Submitted => "Hồ sơ đã nộp, đang chờ Tổ thư ký xét. Trong thời gian này nội dung không thể sửa.",
            EntryStatus.Rejected => "Hồ sơ đã được Tổ thư ký xét là không hợp lệ; nội dung không thể sửa nữa.",
            _ => $"Hồ sơ đã được Tổ thư ký xác nhận hợp lệ (trạng thái hiện tại: “{EntryStatusLabels.Of(entry.Status)}”); nội dung đã nộp không thể sửa nữa.",
        };
    }

    /// <summary>"ngày 15/02/2025" for a window starting at midnight, otherwise "lúc 08:00 ngày 15/02/2025".</summary>
    private static string Moment(DateTime utc) =>
        VietnameseFormat.ToVietnam(utc).TimeOfDay == TimeSpan.Zero
            ? "từ ngày " + VietnameseFormat.Date(utc)
            : "từ " + VietnameseFormat.DateAndTime(utc);

    /// <summary>A window ending at midnight closed on the day before: "ngày 31/07/2025".</summary>
    private static string EndMoment(DateTime utc) =>
        VietnameseFormat.ToVietnam(utc).TimeOfDay == TimeSpan.Zero
            ? "ngày " + VietnameseFormat.Date(utc.AddDays(-1))
            : "lúc " + VietnameseFormat.DateAndTime(utc);
}
