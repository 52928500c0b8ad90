using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using ContestPlatform.Judging.Rubrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Content.Rubrics;

/// <summary>Stored form of the rubric; <see cref="ToDomain"/> gives the validated Judging type.</summary>
public sealed class ScoringRubric
{
    public int Id { get; set; }
    [MaxLength(300)] public string Name { get; set; } = "";

    /// <summary>The rubric the public page and the judges use. Exactly one is in force.</summary>
    public bool InForce { get; set; }

    /// <summary>Criterion codes that break ties after the council score, in order (SPEC: HQ, KNAD, DMST).</summary>
    [MaxLength(200)] public string TieBreakOrder { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public List<RubricCriterion> Criteria { get; set; } = [];

    public IReadOnlyList<string> TieBreakCodes =>
        TieBreakOrder.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public Rubric ToDomain() => new(Criteria.OrderBy(c => c.SortOrder).Select(c => c.ToDomain()));
}

public sealed class RubricCriterion
{
    public int Id { get; set; }
    public int ScoringRubricId { get; set; }
    public int SortOrder { get; set; }
    [MaxLength(16)] public string Code { get; set; } = "";
    [MaxLength(300)] public string Name { get; set; } = "";
    [MaxLength(2000)] public string Description { get; set; } = "";
    public decimal MaxPoints { get; set; }
    public decimal Step { get; set; }
    public decimal Weight { get; set; } = 1m;
    public CriterionKind Kind { get; set; }

    /// <summary>Level descriptors as JSON: they are only ever read with their criterion.</summary>
    public string LevelsJson { get; set; } = "[]";

    public IReadOnlyList<LevelDescriptor> Levels =>
        JsonSerializer.Deserialize<List<LevelDescriptor>>(LevelsJson) ?? [];

    public Criterion ToDomain() => new(Code, Name, MaxPoints, Step, Weight, Kind, Description, Levels);
}

internal sealed class ScoringRubricConfiguration : IEntityTypeConfiguration<ScoringRubric>
{
    public void Configure(EntityTypeBuilder<ScoringRubric> builder)
    {
        builder.HasMany(r => r.Criteria).WithOne().HasForeignKey(c => c.ScoringRubricId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.TieBreakCodes);
    }
}

internal sealed class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> builder)
    {
        builder.HasIndex(c => new { c.ScoringRubricId, c.Code }).IsUnique();
        builder.Ignore(c => c.Levels);
        // SQLite has no decimal type; EF stores TEXT, which keeps 0.5 steps exact.
        builder.Property(c => c.MaxPoints).HasConversion<string>();
        builder.Property(c => c.Step).HasConversion<string>();
        builder.Property(c => c.Weight).HasConversion<string>();
    }
}
