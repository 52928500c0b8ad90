using System.ComponentModel.DataAnnotations;
using ContestPlatform.Judging.Aggregation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Council;

public enum RoundState
{
    Draft = 0,
    Open = 1,
    Closed = 2,
}

public enum CutoffKind
{
    None = 0,

    /// <summary>The top N advance (ties at the boundary all advance).</summary>
    TopCount = 1,

    /// <summary>Entries with a total at or above the value advance.</summary>
    MinimumScore = 2,
}

/// <summary>A judging round: sơ khảo, chung khảo… Entries of a later round are those that passed the earlier cut-off.</summary>
public sealed class JudgingRound
{
    public int Id { get; set; }
    [MaxLength(100)] public string Name { get; set; } = "";
    public int Order { get; set; }
    public RoundState State { get; set; }
    public int JudgesPerEntry { get; set; } = 3;

    /// <summary>Seed of the automatic assignment: the same seed gives the same plan.</summary>
    public int Seed { get; set; }

    public CutoffKind Cutoff { get; set; }
    public decimal CutoffValue { get; set; }
    public AggregationMethod Aggregation { get; set; } = AggregationMethod.Mean;
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Secret of the round's anonymous entry labels (<see cref="EntryLabels"/>), 64 hex characters made at
    /// creation. Kept with the round so a backup restores the same labels, and never shown to anyone.
    /// </summary>
    [MaxLength(64)] public string LabelKey { get; set; } = "";

    /// <summary>
    /// Optimistic concurrency for the round and its assignments: every settings change and every assignment
    /// change renews it, so two organizers (or an organizer and a judge declaring a conflict) never
    /// overwrite each other silently.
    /// </summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class JudgingRoundConfiguration : IEntityTypeConfiguration<JudgingRound>
{
    public void Configure(EntityTypeBuilder<JudgingRound> builder) =>
        builder.Property(r => r.Version).IsConcurrencyToken();
}
