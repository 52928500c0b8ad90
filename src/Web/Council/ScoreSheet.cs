using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Council;

public enum SheetState
{
    Draft = 0,
    Submitted = 1,
}

/// <summary>
/// A judge's stored scorecard for an entry in a round (the judging domain's <c>Scorecard</c> validates it).
/// Submitted sheets are locked; only an organizer re-opens one, with a reason.
/// </summary>
public sealed class ScoreSheet
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int EntryId { get; set; }
    public int JudgeId { get; set; }
    public SheetState State { get; set; }
    [MaxLength(4000)] public string Comment { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public List<ScoreLine> Lines { get; set; } = [];

    /// <summary>Optimistic concurrency: two tabs of one judge never overwrite each other silently.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

public sealed class ScoreLine
{
    public int Id { get; set; }
    public int ScoreSheetId { get; set; }
    [MaxLength(16)] public string CriterionCode { get; set; } = "";
    public decimal Points { get; set; }
    [MaxLength(2000)] public string Comment { get; set; } = "";
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> builder)
    {
        builder.HasIndex(s => new { s.RoundId, s.EntryId, s.JudgeId }).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ScoreSheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JudgingRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreLineConfiguration : IEntityTypeConfiguration<ScoreLine>
{
    public void Configure(EntityTypeBuilder<ScoreLine> builder)
    {
        builder.HasIndex(l => new { l.ScoreSheetId, l.CriterionCode }).IsUnique();
        builder.Property(l => l.Points).HasConversion<string>();
    }
}
