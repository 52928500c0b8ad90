using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Entries;

/// <summary>Who enters: one profile per account. Also the source of conflict-of-interest checks for judges.</summary>
public sealed class EntrantProfile
{
    public int Id { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";
    public EntrantType Type { get; set; }

    /// <summary>Cơ quan, doanh nghiệp, hợp tác xã…; empty for an individual.</summary>
    [MaxLength(300)] public string Organisation { get; set; } = "";

    [MaxLength(20)] public string TaxCode { get; set; } = "";
    [MaxLength(20)] public string Phone { get; set; } = "";

    /// <summary>A commune-level unit from <c>assets/communes</c> (the 2025 list).</summary>
    [MaxLength(100)] public string Commune { get; set; } = "";

    [MaxLength(300)] public string Address { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

internal sealed class EntrantProfileConfiguration : IEntityTypeConfiguration<EntrantProfile>
{
    public void Configure(EntityTypeBuilder<EntrantProfile> builder) => builder.HasIndex(p => p.UserId).IsUnique();
}
