using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Audit;

/// <summary>
/// One line of the tamper-evident log. <see cref="Hash"/> covers every field and the previous line's hash,
/// so editing, deleting or reordering any line breaks the chain from there on (<c>audit verify</c>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>1, 2, 3… with no gaps; unique, so two writers can never fork the chain.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }
    [MaxLength(450)] public string ActorId { get; set; } = "";
    [MaxLength(256)] public string ActorName { get; set; } = "";

    /// <summary>What happened, e.g. <c>vote.void</c>, <c>scorecard.submit</c>, <c>assignment.add</c>.</summary>
    [MaxLength(100)] public string Action { get; set; } = "";

    /// <summary>What it happened to, e.g. <c>vote:42</c>, <c>entry:7</c>.</summary>
    [MaxLength(200)] public string Subject { get; set; } = "";

    /// <summary>Details as compact JSON (scores, reason, before/after).</summary>
    [MaxLength(20000)] public string Data { get; set; } = "";

    [MaxLength(64)] public string PreviousHash { get; set; } = "";
    [MaxLength(64)] public string Hash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasIndex(a => a.Sequence).IsUnique();
        builder.HasIndex(a => new { a.Action, a.Subject });
    }
}
