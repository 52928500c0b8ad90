using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Sponsorship;

namespace ContestPlatform.Web.Pages.Admin.Sponsorship;

/// <summary>The terms of an MoU as the form has them: every field of the SPEC's Biên bản ghi nhớ tài trợ.</summary>
public sealed class MouInput
{
    /// <summary>Blank rows offered below the schedule's own, so an organizer can add instalments without script.</summary>
    public const int BlankScheduleRows = 2;

    [StringLength(50), Display(Name = "Số biên bản")]
    public string? Number { get; set; }

    [Display(Name = "Ngày ký")]
    public DateOnly? SignedOn { get; set; }

    [StringLength(300), Display(Name = "Địa điểm ký")]
    public string? Place { get; set; }

    [Required, StringLength(300), Display(Name = "Tên Bên A")]
    public string PartyAName { get; set; } = "";

    [StringLength(300), Display(Name = "Địa chỉ Bên A")]
    public string? PartyAAddress { get; set; }

    [StringLength(200), Display(Name = "Người đại diện Bên A")]
    public string? PartyARepresentative { get; set; }

    [StringLength(200), Display(Name = "Chức vụ người đại diện Bên A")]
    public string? PartyAPosition { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn nhà tài trợ (Bên B)."), Display(Name = "Nhà tài trợ (Bên B)")]
    public int? SponsorId { get; set; }

    [StringLength(200), Display(Name = "Người đại diện Bên B")]
    public string? PartyBRepresentative { get; set; }

    [StringLength(200), Display(Name = "Chức vụ người đại diện Bên B")]
    public string? PartyBPosition { get; set; }

    [StringLength(4000), Display(Name = "Mục đích tài trợ")]
    public string? Purpose { get; set; }

    [Display(Name = "Hình thức tài trợ")]
    public SponsorshipForm Form { get; set; }

    [Range(1, MouRules.MaxValueDong, ErrorMessage = "Giá trị tài trợ từ 1 đồng đến 1.000 tỷ đồng."), Display(Name = "Giá trị tài trợ (đồng)")]
    public long? ValueDong { get; set; }

    [StringLength(2000), Display(Name = "Hiện vật tài trợ")]
    public string? InKindDescription { get; set; }

    [Display(Name = "Logo nhà tài trợ trên trang thông tin điện tử của Cuộc thi")]
    public bool BenefitLogoOnSite { get; set; }

    [Display(Name = "Phát biểu tại Lễ trao giải")]
    public bool BenefitSpeechAtCeremony { get; set; }

    [Display(Name = "Ghi nhận, vinh danh tại các sự kiện của Cuộc thi")]
    public bool BenefitRecognition { get; set; }

    [StringLength(2000), Display(Name = "Quyền lợi khác")]
    public string? BenefitsNote { get; set; }

    [StringLength(4000), Display(Name = "Trách nhiệm của Bên A")]
    public string? ResponsibilitiesA { get; set; }

    [StringLength(4000), Display(Name = "Trách nhiệm của Bên B")]
    public string? ResponsibilitiesB { get; set; }

    [Display(Name = "Hiệu lực từ ngày")]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = "Hiệu lực đến ngày")]
    public DateOnly? ValidUntil { get; set; }

    public List<InstallmentInput> Schedule { get; set; } = [];

    public Guid Version { get; set; }

    public static MouInput From(SponsorshipMou mou) => new()
    {
        Number = mou.Number, SignedOn = mou.SignedOn, Place = mou.Place,
        PartyAName = mou.PartyAName, PartyAAddress = mou.PartyAAddress, PartyARepresentative = mou.PartyARepresentative, PartyAPosition = mou.PartyAPosition,
        SponsorId = mou.SponsorId, PartyBRepresentative = mou.PartyBRepresentative, PartyBPosition = mou.PartyBPosition,
        Purpose = mou.Purpose, Form = mou.Form, ValueDong = mou.ValueDong, InKindDescription = mou.InKindDescription,
        BenefitLogoOnSite = mou.BenefitLogoOnSite, BenefitSpeechAtCeremony = mou.BenefitSpeechAtCeremony, BenefitRecognition = mou.BenefitRecognition,
        BenefitsNote = mou.BenefitsNote, ResponsibilitiesA = mou.ResponsibilitiesA, ResponsibilitiesB = mou.ResponsibilitiesB,
        ValidFrom = mou.ValidFrom, ValidUntil = mou.ValidUntil,
        Schedule = [.. mou.Schedule.OrderBy(i => i.Order).Select(i => new InstallmentInput { DueOn = i.DueOn, AmountDong = i.AmountDong, Description = i.Description })],
        Version = mou.Version,
    };

    /// <summary>The terms, tidied as every admin form tidies text; one-per-line lists keep their lines.</summary>
    public MouTerms ToTerms() => new()
    {
        Number = AdminForms.Line(Number), SignedOn = SignedOn, Place = AdminForms.Line(Place),
        PartyAName = AdminForms.Line(PartyAName), PartyAAddress = AdminForms.Line(PartyAAddress),
        PartyARepresentative = AdminForms.Line(PartyARepresentative), PartyAPosition = AdminForms.Line(PartyAPosition),
        SponsorId = SponsorId ?? 0, PartyBRepresentative = AdminForms.Line(PartyBRepresentative), PartyBPosition = AdminForms.Line(PartyBPosition),
        Purpose = AdminForms.Block(Purpose), Form = Form, ValueDong = ValueDong, InKindDescription = AdminForms.Block(InKindDescription),
        BenefitLogoOnSite = BenefitLogoOnSite, BenefitSpeechAtCeremony = BenefitSpeechAtCeremony, BenefitRecognition = BenefitRecognition,
        BenefitsNote = AdminForms.Lines(BenefitsNote), ResponsibilitiesA = AdminForms.Lines(ResponsibilitiesA), ResponsibilitiesB = AdminForms.Lines(ResponsibilitiesB),
        ValidFrom = ValidFrom, ValidUntil = ValidUntil,
    };

    /// <summary>The schedule without the rows left blank.</summary>
    public IReadOnlyList<MouInstallment> ToSchedule() =>
        Schedule.Where(r => !r.IsBlank)
            .Select(r => new MouInstallment { DueOn = r.DueOn, AmountDong = r.AmountDong ?? 0, Description = AdminForms.Line(r.Description) })
            .ToList();

    /// <summary>The form's rows: the schedule's own and a few blank ones.</summary>
    public void PadSchedule()
    {
        Schedule.RemoveAll(r => r.IsBlank);
        for (var i = 0; i < BlankScheduleRows; i++)
            Schedule.Add(new InstallmentInput());
    }
}

/// <summary>One row of the disbursement schedule (tiến độ giải ngân).</summary>
public sealed class InstallmentInput
{
    [Display(Name = "Hạn")]
    public DateOnly? DueOn { get; set; }

    [Range(0, MouRules.MaxValueDong, ErrorMessage = "Số tiền mỗi đợt từ 0 đến 1.000 tỷ đồng."), Display(Name = "Số tiền (đồng)")]
    public long? AmountDong { get; set; }

    [StringLength(500), Display(Name = "Nội dung")]
    public string? Description { get; set; }

    public bool IsBlank => DueOn is null && AmountDong is null && string.IsNullOrWhiteSpace(Description);
}

/// <summary>The status form: where to, and why (required when going back).</summary>
public sealed class StatusInput
{
    [Required(ErrorMessage = "Vui lòng chọn trạng thái mới."), Display(Name = "Chuyển sang")]
    public MouStatus? To { get; set; }

    [StringLength(2000), Display(Name = "Lý do")]
    public string? Reason { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A disbursement as typed: when, how much, the voucher.</summary>
public sealed class PaymentInput
{
    [Required, Display(Name = "Ngày nhận")]
    public DateOnly? PaidOn { get; set; }

    [Required, Range(1, MouRules.MaxValueDong, ErrorMessage = "Số tiền từ 1 đồng đến 1.000 tỷ đồng."), Display(Name = "Số tiền (đồng)")]
    public long? AmountDong { get; set; }

    [StringLength(100), Display(Name = "Chứng từ (số ủy nhiệm chi, biên nhận…)")]
    public string? Reference { get; set; }

    [StringLength(1000), Display(Name = "Ghi chú")]
    public string? Note { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Cancelling one disbursement recorded by mistake: which one, and why (required).</summary>
public sealed class CancelDisbursementInput
{
    public int DisbursementId { get; set; }

    [StringLength(1000), Display(Name = "Lý do hủy")]
    public string? Reason { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Deleting a draft made by mistake: the organizer ticks that they mean it.</summary>
public sealed class DeleteDraftInput
{
    [Range(typeof(bool), "true", "true", ErrorMessage = "Đánh dấu ô xác nhận để xóa dự thảo."), Display(Name = "Tôi xác nhận xóa dự thảo biên bản này")]
    public bool Confirmed { get; set; }

    public Guid Version { get; set; }
}
