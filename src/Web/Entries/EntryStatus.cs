namespace ContestPlatform.Web.Entries;

/// <summary>
/// Lifecycle (SPEC): Nháp → Đã nộp → Hợp lệ | Cần bổ sung | Không hợp lệ → Đang chấm → Đã chấm →
/// Đề nghị giải → Được phê duyệt → Đoạt giải.
/// </summary>
public enum EntryStatus
{
    Draft = 0,
    Submitted = 1,
    NeedsChanges = 2,
    Accepted = 3,
    Rejected = 4,
    Judging = 5,
    Judged = 6,
    Proposed = 7,
    Approved = 8,
    Awarded = 9,
}

public static class EntryStatusLabels
{
    public static string Of(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "Nháp",
        EntryStatus.Submitted => "Đã nộp",
        EntryStatus.NeedsChanges => "Cần bổ sung",
        EntryStatus.Accepted => "Hợp lệ",
        EntryStatus.Rejected => "Không hợp lệ",
        EntryStatus.Judging => "Đang chấm",
        EntryStatus.Judged => "Đã chấm",
        EntryStatus.Proposed => "Đề nghị giải",
        EntryStatus.Approved => "Được phê duyệt",
        EntryStatus.Awarded => "Đoạt giải",
        _ => status.ToString(),
    };

    /// <summary>Statuses in which an entry is shown in the public gallery.</summary>
    public static readonly EntryStatus[] Public =
        [EntryStatus.Accepted, EntryStatus.Judging, EntryStatus.Judged, EntryStatus.Proposed, EntryStatus.Approved, EntryStatus.Awarded];

    /// <summary>Statuses in which the entrant may still edit (before the deadline).</summary>
    public static readonly EntryStatus[] Editable = [EntryStatus.Draft, EntryStatus.NeedsChanges];
}
