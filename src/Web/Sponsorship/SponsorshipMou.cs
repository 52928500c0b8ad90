using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Sponsorship;

/// <summary>Where an MoU stands. It only moves forward, except a move back with a recorded reason.</summary>
public enum MouStatus
{
    /// <summary>Dự thảo: being negotiated; nothing public.</summary>
    Draft = 0,

    /// <summary>Đã ký: signed by both parties; the signed scan is attached.</summary>
    Signed = 1,

    /// <summary>Đang thực hiện: money or goods are being handed over.</summary>
    InProgress = 2,

    /// <summary>Hoàn thành: every commitment is met.</summary>
    Completed = 3,
}

/// <summary>Hình thức tài trợ.</summary>
public enum SponsorshipForm
{
    /// <summary>Tiền.</summary>
    Cash = 0,

    /// <summary>Hiện vật.</summary>
    InKind = 1,

    /// <summary>Tiền và hiện vật.</summary>
    Mixed = 2,
}

/// <summary>
/// Biên bản ghi nhớ tài trợ: the sponsorship MoU between the Ban Tổ chức (Bên A) and a sponsor (Bên B), with
/// what is given, when, what the sponsor receives in return, and what was actually paid against it.
/// </summary>
public sealed class SponsorshipMou
{
    public int Id { get; set; }

    /// <summary>Số of the document, e.g. "01/BBGN-BTCCT".</summary>
    [MaxLength(50)] public string Number { get; set; } = "";

    /// <summary>Ngày ký (Vietnam calendar date); null while a draft.</summary>
    public DateOnly? SignedOn { get; set; }

    /// <summary>Địa điểm ký, e.g. "Văn phòng UBND tỉnh Thái Nguyên".</summary>
    [MaxLength(300)] public string Place { get; set; } = "";

    // Bên A: the organising committee.
    [MaxLength(300)] public string PartyAName { get; set; } = "";
    [MaxLength(300)] public string PartyAAddress { get; set; } = "";
    [MaxLength(200)] public string PartyARepresentative { get; set; } = "";
    [MaxLength(200)] public string PartyAPosition { get; set; } = "";

    // Bên B: the sponsor (name, address and tax code live on the sponsor).
    public int SponsorId { get; set; }
    public Sponsor Sponsor { get; set; } = null!;
    [MaxLength(200)] public string PartyBRepresentative { get; set; } = "";
    [MaxLength(200)] public string PartyBPosition { get; set; } = "";

    /// <summary>Mục đích tài trợ.</summary>
    [MaxLength(4000)] public string Purpose { get; set; } = "";

    public SponsorshipForm Form { get; set; }

    /// <summary>Giá trị tài trợ in đồng (money, or the agreed value of goods); null while not yet agreed.</summary>
    public long? ValueDong { get; set; }

    /// <summary>What the goods are, when the form includes hiện vật.</summary>
    [MaxLength(2000)] public string InKindDescription { get; set; } = "";

    // Quyền lợi của nhà tài trợ.
    public bool BenefitLogoOnSite { get; set; }
    public bool BenefitSpeechAtCeremony { get; set; }
    public bool BenefitRecognition { get; set; }
    [MaxLength(2000)] public string BenefitsNote { get; set; } = "";

    /// <summary>Trách nhiệm của Bên A / Bên B, one duty per line.</summary>
    [MaxLength(4000)] public string ResponsibilitiesA { get; set; } = "";
    [MaxLength(4000)] public string ResponsibilitiesB { get; set; } = "";

    /// <summary>Hiệu lực: from and until (Vietnam calendar dates).</summary>
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }

    public MouStatus Status { get; set; }

    /// <summary>Blob key of the signed scan (private: organizers download it as an attachment); empty until attached.</summary>
    [MaxLength(300)] public string ScanKey { get; set; } = "";
    [MaxLength(200)] public string ScanFileName { get; set; } = "";
    public long ScanBytes { get; set; }
    public DateTime? ScanUploadedAt { get; set; }

    /// <summary>Tiến độ giải ngân: the agreed instalments.</summary>
    public List<MouInstallment> Schedule { get; set; } = [];

    /// <summary>What was actually handed over, each with its voucher.</summary>
    public List<MouDisbursement> Disbursements { get; set; } = [];

    public List<MouStatusChange> History { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One agreed instalment of the disbursement schedule.</summary>
public sealed class MouInstallment
{
    public int Id { get; set; }
    public int MouId { get; set; }
    public int Order { get; set; }
    public DateOnly? DueOn { get; set; }
    public long AmountDong { get; set; }
    [MaxLength(500)] public string Description { get; set; } = "";
}

/// <summary>A disbursement actually made against the MoU; the total never exceeds the committed value.</summary>
public sealed class MouDisbursement
{
    public int Id { get; set; }
    public int MouId { get; set; }
    public DateOnly PaidOn { get; set; }
    public long AmountDong { get; set; }

    /// <summary>Chứng từ: the voucher or transfer reference.</summary>
    [MaxLength(100)] public string Reference { get; set; } = "";
    [MaxLength(1000)] public string Note { get; set; } = "";
    [MaxLength(200)] public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    /// <summary>
    /// Set when an organizer cancels a disbursement recorded by mistake (hủy, with a reason). A money record is
    /// never deleted or edited: the cancelled one stays listed, struck through, and counts in no total.
    /// </summary>
    public DateTime? CancelledAt { get; set; }
    [MaxLength(200)] public string CancelledBy { get; set; } = "";
    [MaxLength(1000)] public string CancelReason { get; set; } = "";

    public bool IsCancelled => CancelledAt is not null;
}

/// <summary>One status transition: who, when, and why (required for a move back).</summary>
public sealed class MouStatusChange
{
    public int Id { get; set; }
    public int MouId { get; set; }
    public MouStatus From { get; set; }
    public MouStatus To { get; set; }
    [MaxLength(2000)] public string Reason { get; set; } = "";
    [MaxLength(200)] public string By { get; set; } = "";
    public DateTime At { get; set; }
}

internal sealed class SponsorshipMouConfiguration : IEntityTypeConfiguration<SponsorshipMou>
{
    public void Configure(EntityTypeBuilder<SponsorshipMou> builder)
    {
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasMany(m => m.Schedule).WithOne().HasForeignKey(i => i.MouId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Disbursements).WithOne().HasForeignKey(d => d.MouId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.History).WithOne().HasForeignKey(h => h.MouId).OnDelete(DeleteBehavior.Cascade);
    }
}
