using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Votes;

/// <summary>
/// /quan-tri/binh-chon: where the vote stands (counts and scores per entry, votes over time), what looks
/// rigged (the suspicious-pattern report, each group voidable with a reason), the latest voids, exports.
/// </summary>
public sealed class IndexModel(AppDbContext db, VoteService votes, VoteReport report, TimeProvider time) : PageModel
{
    public const int ChartEntries = 5;

    public IReadOnlyList<VoteTally> Tally { get; private set; } = [];
    public VoteChart? Chart { get; private set; }
    public IReadOnlyList<SuspiciousGroup> Groups { get; private set; } = [];
    public IReadOnlyList<VoidBatch> RecentVoids { get; private set; } = [];
    public string WindowText { get; private set; } = "";
    public long ValidTotal => Tally.Sum(t => t.Valid);
    public long VoidedTotal => Tally.Sum(t => t.Voided);
    public int Voters { get; private set; }

    [TempData] public string? StatusMessage { get; set; }
    [BindProperty] public VoidInput Input { get; set; } = new();

    /// <summary>The group whose form was posted with an error, so the message shows next to its field.</summary>
    public string? FailedGroup { get; private set; }

    public sealed class VoidInput
    {
        /// <summary>The group's key when the form was shown.</summary>
        public string? Group { get; set; }

        public string? Ids { get; set; }

        [Required(ErrorMessage = "Vui lòng ghi lý do hủy các lượt này.")]
        [StringLength(1000, ErrorMessage = "Lý do không được dài quá 1000 ký tự.")]
        [Display(Name = "Lý do hủy")]
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The void forms below are re-rendered from the report; nothing posted belongs on a fresh page.
        ModelState.Clear();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostVoidAsync(CancellationToken cancellationToken)
    {
        var ids = VoteAdmin.ParseIds(Input.Ids);
        if (ids.Count == 0)
            ModelState.AddModelError(string.Empty, "Nhóm này không còn lượt bình chọn nào để hủy. Vui lòng tải lại trang.");
        if (!ModelState.IsValid)
        {
            FailedGroup = Input.Group;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var voided = await votes.VoidAsync(ids, AdminForms.Line(Input.Reason), VoteAdmin.Actor(User), cancellationToken);
        StatusMessage = voided == 0
            ? "Các lượt trong nhóm này đã được hủy trước đó; không có thay đổi."
            : $"Đã hủy {VoteAdmin.Count(voided)} lượt bình chọn. Số lượt và điểm bình chọn đã được tính lại.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tally = await votes.TallyAsync(cancellationToken);
        Groups = await report.FindAsync(cancellationToken);
        RecentVoids = await votes.VoidsAsync(take: 5, cancellationToken);
        Voters = await db.Votes.Where(v => v.VoidedAt == null).Select(v => v.UserId).Distinct().CountAsync(cancellationToken);

        var timeline = await db.TimelineAsync(time, cancellationToken);
        var window = timeline.Find(PhaseKind.Vote);
        var today = DateOnly.FromDateTime(VietnameseFormat.ToVietnam(timeline.NowUtc));
        WindowText = window is null ? "Cuộc thi chưa có giai đoạn bình chọn."
            : window.State switch
            {
                PhaseState.Upcoming => $"Chưa mở: bình chọn bắt đầu từ {VietnameseFormat.DateAndTime(window.StartsAt)}.",
                PhaseState.Open => $"Đang mở: bình chọn đến {VietnameseFormat.Deadline(window.EndsAt)}.",
                _ => $"Đã kết thúc ({VietnameseFormat.Deadline(window.EndsAt)}).",
            };

        var leaders = Tally.Where(t => t.Valid > 0).Take(ChartEntries).ToList();
        if (leaders.Count > 0)
        {
            var ids = leaders.Select(t => t.EntryId).ToList();
            var cast = await db.Votes.AsNoTracking().Where(v => v.VoidedAt == null && ids.Contains(v.EntryId))
                .Select(v => new { v.EntryId, v.CastAt }).ToListAsync(cancellationToken);
            var firstDay = window is null ? today : DateOnly.FromDateTime(VietnameseFormat.ToVietnam(window.StartsAt));
            var lastDay = window is null ? today : new[] { today, DateOnly.FromDateTime(VietnameseFormat.ToVietnam(window.EndsAt.AddTicks(-1))) }.Min();
            Chart = VoteChart.Build(leaders, cast.Select(v => (v.EntryId, v.CastAt)), firstDay, lastDay);
        }
    }

    public string Code(int entryId) => Tally.FirstOrDefault(t => t.EntryId == entryId)?.Code ?? $"#{entryId}";
}
