using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Sponsorship;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Awards;

/// <summary>What the winner receives besides the money: a Bằng khen or a Giấy chứng nhận.</summary>
public enum Honour
{
    GiayChungNhan = 0,
    BangKhen = 1,
}

/// <summary>Where a tier's prize money comes from.</summary>
public enum Funding
{
    /// <summary>Ngân sách: the contest's budget.</summary>
    Budget = 0,

    /// <summary>Nhà tài trợ: a sponsor, under a sponsorship MoU.</summary>
    Sponsor = 1,
}

/// <summary>A prize level (hạng giải) of the contest, e.g. Giải Nhì × 2, 20.000.000 đồng each, with a Bằng khen.</summary>
public sealed class PrizeTier
{
    public int Id { get; set; }

    /// <summary>Tiers are filled in this order, best first.</summary>
    public int Order { get; set; }

    [MaxLength(100)] public string Name { get; set; } = "";
    public int Places { get; set; }

    /// <summary>Prize money per winner, in đồng.</summary>
    public long AmountDong { get; set; }

    public Honour Honour { get; set; }
    public Funding Funding { get; set; }

    /// <summary>The sponsorship MoU that funds it when <see cref="Funding"/> is <see cref="Funding.Sponsor"/>.</summary>
    public int? SponsorshipMouId { get; set; }
    public SponsorshipMou? SponsorshipMou { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public ContestPlatform.Judging.Awards.AwardTier ToDomain() => new(Name, Places);
}

internal sealed class PrizeTierConfiguration : IEntityTypeConfiguration<PrizeTier>
{
    public void Configure(EntityTypeBuilder<PrizeTier> builder)
    {
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
        // Deleting an MoU is refused while a tier names it as its funding.
        builder.HasOne(t => t.SponsorshipMou).WithMany().HasForeignKey(t => t.SponsorshipMouId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class AwardLabels
{
    public static string Of(Honour honour) => honour switch
    {
        Honour.BangKhen => "Bằng khen",
        _ => "Giấy chứng nhận",
    };

    public static string Of(Funding funding) => funding switch
    {
        Funding.Sponsor => "Nhà tài trợ",
        _ => "Ngân sách",
    };

    public static string Of(ProposalState state) => state switch
    {
        ProposalState.Draft => "Đang soạn",
        ProposalState.Sent => "Đã gửi Ban Tổ chức",
        ProposalState.Withdrawn => "Đã rút lại",
        _ => state.ToString(),
    };

    public static string Of(ContestPlatform.Judging.Awards.ApprovalOutcome outcome) => outcome switch
    {
        ContestPlatform.Judging.Awards.ApprovalOutcome.Approved => "Được phê duyệt",
        ContestPlatform.Judging.Awards.ApprovalOutcome.Rejected => "Không được phê duyệt",
        _ => "Chờ phê duyệt",
    };
}
