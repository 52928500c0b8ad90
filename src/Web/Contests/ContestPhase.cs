using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Contests;

public enum PhaseKind
{
    Submission = 1,
    Vote = 2,
    Judging = 3,
    Approval = 4,
    Publication = 5,
}

/// <summary>A window of the contest. Times are UTC; pages show them in Vietnam time.</summary>
public sealed class ContestPhase
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public PhaseKind Kind { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
}

internal sealed class ContestPhaseConfiguration : IEntityTypeConfiguration<ContestPhase>
{
    public void Configure(EntityTypeBuilder<ContestPhase> builder) =>
        builder.HasIndex(p => new { p.ContestId, p.Kind }).IsUnique();
}
