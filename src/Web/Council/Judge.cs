using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Council;

/// <summary>
/// A member of the Hội đồng chuyên môn: an account in the Judge role plus what conflict rules and
/// assignment need (affiliation, expertise). The integer id is what the judging domain works with.
/// </summary>
public sealed class Judge
{
    public int Id { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";

    /// <summary>Shown to organizers only; judges are identified to each other by nothing.</summary>
    [MaxLength(100)] public string DisplayName { get; set; } = "";

    [MaxLength(300)] public string Organisation { get; set; } = "";
    [MaxLength(20)] public string TaxCode { get; set; } = "";
    [MaxLength(100)] public string Commune { get; set; } = "";

    /// <summary>Category ids the judge is an expert in, comma-separated.</summary>
    [MaxLength(200)] public string ExpertCategoryIds { get; set; } = "";

    public DateTime InvitedAt { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>Optimistic concurrency: two organizers editing one judge never overwrite each other silently.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<int> ExpertCategories =>
        ExpertCategoryIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}

internal sealed class JudgeConfiguration : IEntityTypeConfiguration<Judge>
{
    public void Configure(EntityTypeBuilder<Judge> builder)
    {
        builder.HasIndex(j => j.UserId).IsUnique();
        builder.Ignore(j => j.ExpertCategories);
        builder.Property(j => j.Version).IsConcurrencyToken();
    }
}
