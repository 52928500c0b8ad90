using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Council;

public enum AssignmentSource
{
    Automatic = 0,
    Manual = 1,
}

/// <summary>A judge is to score an entry in a round. Removed assignments keep their row with the reason.</summary>
public sealed class Assignment
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int EntryId { get; set; }
    public int JudgeId { get; set; }
    public AssignmentSource Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    [MaxLength(500)] public string RemovedReason { get; set; } = "";
}

/// <summary>A conflict of interest a judge declared on an entry (the entry is then reassigned).</summary>
public sealed class ConflictDeclaration
{
    public int Id { get; set; }
    public int JudgeId { get; set; }
    public int EntryId { get; set; }
    [MaxLength(1000)] public string Reason { get; set; } = "";
    public DateTime DeclaredAt { get; set; }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.HasIndex(a => new { a.RoundId, a.JudgeId });
        builder.HasIndex(a => new { a.RoundId, a.EntryId });
        builder.HasOne<JudgingRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Judge>().WithMany().HasForeignKey(a => a.JudgeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entries.Entry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder) =>
        builder.HasIndex(c => new { c.JudgeId, c.EntryId }).IsUnique();
}
