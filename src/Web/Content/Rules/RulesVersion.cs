using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Content.Rules;

/// <summary>
/// One saved version of the Thể lệ. Versions are append-only: editing or restoring writes a new row,
/// so the history of who changed what, and when, is never lost.
/// </summary>
public sealed class RulesVersion
{
    public int Id { get; set; }
    public int Number { get; set; }
    [MaxLength(300)] public string Title { get; set; } = "";

    /// <summary>The decision that issued this text, e.g. "Quyết định số 16/QĐ-BTCCT ngày 24/01/2025".</summary>
    [MaxLength(300)] public string DecisionRef { get; set; } = "";

    public DateOnly EffectiveDate { get; set; }
    [MaxLength(200_000)] public string Markdown { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    [MaxLength(256)] public string CreatedBy { get; set; } = "";
    [MaxLength(500)] public string Note { get; set; } = "";
}

internal sealed class RulesVersionConfiguration : IEntityTypeConfiguration<RulesVersion>
{
    public void Configure(EntityTypeBuilder<RulesVersion> builder) => builder.HasIndex(v => v.Number).IsUnique();
}
