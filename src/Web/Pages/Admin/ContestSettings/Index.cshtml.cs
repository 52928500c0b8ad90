using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.ContestSettings;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const string StaleMessage =
        "Thông tin cuộc thi vừa được người khác cập nhật. Vui lòng tải lại trang để xem bản mới rồi sửa lại.";

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required, StringLength(300), Display(Name = "Tên cuộc thi")]
        public string Name { get; set; } = "";

        [Required, StringLength(100), Display(Name = "Lần tổ chức")]
        public string Edition { get; set; } = "";

        [Required, Range(2000, 2100), Display(Name = "Năm tổ chức")]
        public int? Year { get; set; }

        [Required, StringLength(300), Display(Name = "Đơn vị tổ chức")]
        public string Organiser { get; set; } = "";

        [StringLength(300), Display(Name = "Cơ quan thường trực")]
        public string? StandingBody { get; set; }

        [StringLength(300), Display(Name = "Địa chỉ liên hệ")]
        public string? Address { get; set; }

        [StringLength(4000), Display(Name = "Căn cứ pháp lý")]
        public string? LegalBases { get; set; }

        [StringLength(4000), Display(Name = "Giới thiệu cuộc thi")]
        public string? Introduction { get; set; }

        [Required, Range(1, 50), Display(Name = "Số thành viên Ban Tổ chức")]
        public int? CommitteeSize { get; set; }

        [Display(Name = "Bắt buộc giám khảo, thành viên Ban Tổ chức và Tổ thư ký bật xác thực hai lớp")]
        public bool RequireTwoFactorForStaff { get; set; }

        [Range(1, 1000, ErrorMessage = "{0} phải từ {1} đến {2} lượt; để trống nếu không giới hạn.")]
        [Display(Name = "Số lượt bình chọn tối đa mỗi ngày của một tài khoản")]
        public int? VotesPerDayCap { get; set; }

        [Display(Name = "Công khai số lượt bình chọn của từng công trình trong khi bình chọn")]
        public bool ShowLiveVoteCounts { get; set; }

        [Required, StringLength(40), RegularExpression("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$",
             ErrorMessage = "{0} chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang, ví dụ DMST-2025.")]
        [Display(Name = "Tiền tố mã công trình")]
        public string EntryCodePrefix { get; set; } = "";

        public List<PhaseInput> Phases { get; set; } = [];

        /// <summary>The contest's version when the form was opened (optimistic concurrency).</summary>
        public Guid Version { get; set; }
    }

    public sealed class PhaseInput
    {
        public PhaseKind Kind { get; set; }

        [Required, Display(Name = "Thời điểm bắt đầu")]
        public DateTime? StartsAt { get; set; }

        [Required, Display(Name = "Thời điểm kết thúc")]
        public DateTime? EndsAt { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var contest = await db.CurrentContestAsync(cancellationToken);
        Input = new InputModel
        {
            Name = contest.Name,
            Edition = contest.Edition,
            Year = contest.Year,
            Organiser = contest.Organiser,
            StandingBody = contest.StandingBody,
            Address = contest.Address,
            LegalBases = contest.LegalBases,
            Introduction = contest.Introduction,
            CommitteeSize = contest.CommitteeSize,
            RequireTwoFactorForStaff = contest.RequireTwoFactorForStaff,
            VotesPerDayCap = contest.VotesPerDayCap,
            ShowLiveVoteCounts = contest.ShowLiveVoteCounts,
            EntryCodePrefix = contest.EntryCodePrefix,
            Version = contest.Version,
            Phases = Enum.GetValues<PhaseKind>().Select(kind =>
            {
                var phase = contest.Phases.FirstOrDefault(p => p.Kind == kind);
                return new PhaseInput
                {
                    Kind = kind,
                    StartsAt = phase is null ? null : VietnameseFormat.ToVietnam(phase.StartsAt),
                    EndsAt = phase is null ? null : VietnameseFormat.ToVietnam(phase.EndsAt),
                };
            }).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var kinds = Enum.GetValues<PhaseKind>();
        if (Input.Phases.Count != kinds.Length || !kinds.All(k => Input.Phases.Any(p => p.Kind == k)))
        {
            // Only a tampered or outdated form gets here: the page always posts one row per phase.
            ModelState.AddModelError(string.Empty, "Thiếu thời gian của một số giai đoạn. Vui lòng tải lại trang rồi nhập lại.");
            return Page();
        }
        for (var i = 0; i < Input.Phases.Count; i++)
        {
            var phase = Input.Phases[i];
            if (phase.StartsAt is { } starts && phase.EndsAt is { } ends && starts >= ends)
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Phases)}[{i}].{nameof(PhaseInput.EndsAt)}",
                    $"Giai đoạn “{PhaseLabels.Of(phase.Kind)}”: thời điểm bắt đầu phải trước thời điểm kết thúc.");
        }
        if (!ModelState.IsValid)
            return Page();

        var contest = await db.CurrentContestAsync(cancellationToken);
        if (contest.Version != Input.Version)
        {
            this.RefuseStale(StaleMessage);
            return Page();
        }

        contest.Name = AdminForms.Line(Input.Name);
        contest.Edition = AdminForms.Line(Input.Edition);
        contest.Year = Input.Year!.Value;
        contest.Organiser = AdminForms.Line(Input.Organiser);
        contest.StandingBody = AdminForms.Line(Input.StandingBody);
        contest.Address = AdminForms.Line(Input.Address);
        contest.LegalBases = AdminForms.Lines(Input.LegalBases);
        contest.Introduction = AdminForms.Block(Input.Introduction);
        contest.CommitteeSize = Input.CommitteeSize!.Value;
        contest.RequireTwoFactorForStaff = Input.RequireTwoFactorForStaff;
        contest.VotesPerDayCap = Input.VotesPerDayCap;
        contest.ShowLiveVoteCounts = Input.ShowLiveVoteCounts;
        contest.EntryCodePrefix = Input.EntryCodePrefix.Trim().ToUpperInvariant();
        foreach (var posted in Input.Phases)
        {
            var phase = contest.Phases.FirstOrDefault(p => p.Kind == posted.Kind);
            if (phase is null)
                contest.Phases.Add(phase = new ContestPhase { Kind = posted.Kind });
            phase.StartsAt = VietnameseFormat.FromVietnam(posted.StartsAt!.Value);
            phase.EndsAt = VietnameseFormat.FromVietnam(posted.EndsAt!.Value);
        }

        // The check above catches the usual case; this one catches two saves racing each other.
        db.Entry(contest).Property(c => c.Version).OriginalValue = Input.Version;
        contest.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            this.RefuseStale(StaleMessage);
            return Page();
        }

        StatusMessage = "Đã lưu thông tin cuộc thi và thời gian các giai đoạn.";
        return RedirectToPage();
    }
}
