using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Contests;

/// <summary>The contest and its settings. The site runs one contest edition at a time.</summary>
public sealed class Contest
{
    public int Id { get; set; }

    [MaxLength(300)] public string Name { get; set; } = "";
    [MaxLength(100)] public string Edition { get; set; } = "";
    public int Year { get; set; }
    [MaxLength(300)] public string Organiser { get; set; } = "";
    [MaxLength(300)] public string StandingBody { get; set; } = "";
    [MaxLength(300)] public string Address { get; set; } = "";

    /// <summary>Căn cứ pháp lý, one per line.</summary>
    [MaxLength(4000)] public string LegalBases { get; set; } = "";

    [MaxLength(4000)] public string Introduction { get; set; } = "";

    /// <summary>Members of the Ban Tổ chức; an award needs approval by ≥ ⌈2/3 × this⌉.</summary>
    public int CommitteeSize { get; set; }

    /// <summary>When set, judges, committee members and organizers must turn on TOTP before using their pages.</summary>
    public bool RequireTwoFactorForStaff { get; set; }

    /// <summary>Votes one account may cast per day (Vietnam time); null means no daily cap.</summary>
    public int? VotesPerDayCap { get; set; }

    /// <summary>Whether vote counts are shown publicly while the vote is running.</summary>
    public bool ShowLiveVoteCounts { get; set; }

    /// <summary>Prefix of entry codes, e.g. DMST-2025 gives DMST-2025-0001.</summary>
    [MaxLength(40)] public string EntryCodePrefix { get; set; } = "";

    public List<ContestPhase> Phases { get; set; } = [];

    /// <summary>Optimistic concurrency: two organizers saving settings at once must not overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> builder)
    {
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.ContestId).OnDelete(DeleteBehavior.Cascade);
    }
}
