using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Sponsorship;

/// <summary>
/// Nhà tài trợ: an organisation that funds prizes or the contest under a sponsorship MoU (e.g. Hiệp hội Doanh
/// nghiệp tỉnh Thái Nguyên). It is Bên B of its MoUs; /nha-tai-tro shows it once an MoU of it is signed.
/// </summary>
public sealed class Sponsor
{
    public int Id { get; set; }
    [MaxLength(300)] public string Name { get; set; } = "";
    [MaxLength(300)] public string Address { get; set; } = "";

    /// <summary>Mã số thuế (10 digits, or 10 + "-" + 3 for a branch).</summary>
    [MaxLength(20)] public string TaxCode { get; set; } = "";

    [MaxLength(300)] public string Website { get; set; } = "";

    /// <summary>A few lines for the public sponsors page.</summary>
    [MaxLength(2000)] public string Description { get; set; } = "";

    /// <summary>Blob key of the logo as served (a processed image the platform made, never the upload itself); empty without a logo.</summary>
    [MaxLength(300)] public string LogoKey { get; set; } = "";

    /// <summary>Content type of <see cref="LogoKey"/>: always one the platform chose (image/png or image/webp).</summary>
    [MaxLength(50)] public string LogoContentType { get; set; } = "";

    /// <summary>Order on the public page.</summary>
    public int SortOrder { get; set; }

    public List<SponsorshipMou> Mous { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class SponsorConfiguration : IEntityTypeConfiguration<Sponsor>
{
    public void Configure(EntityTypeBuilder<Sponsor> builder)
    {
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Mous).WithOne(m => m.Sponsor).HasForeignKey(m => m.SponsorId).OnDelete(DeleteBehavior.Restrict);
    }
}
