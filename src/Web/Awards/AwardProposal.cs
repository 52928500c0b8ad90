using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Awards;

public enum ProposalState
{
    /// <summary>Being prepared by the secretariat; the committee does not see it yet.</summary>
    Draft = 0,

    /// <summary>Sent to the committee: the awards are fixed and members decide on each.</summary>
    Sent = 1,

    /// <summary>Taken back (with a reason); decisions on it are refused. A new proposal replaces it.</summary>
    Withdrawn = 2,
}

/// <summary>
/// The secretariat's proposal of awards (Tờ trình đề nghị), generated from a round's final ranking, decided
/// on by the committee award by award, then published at a set moment (the ceremony).
/// </summary>
public sealed class AwardProposal
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public ProposalState State { get; set; }

    public DateTime CreatedAt { get; set; }
    [MaxLength(200)] public string CreatedBy { get; set; } = "";
    public DateTime? SentAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    [MaxLength(2000)] public string WithdrawReason { get; set; } = "";

    /// <summary>When the results become public (now or an embargo until the ceremony); null while not scheduled.</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>
    /// Lễ trao giải: when set, the public results are published at the moment the presenter reveals the last
    /// award (unless they were published earlier).
    /// </summary>
    public bool PublishOnLastReveal { get; set; }

    /// <summary>SHA-256 of the published results (the certificates show it), fixed when publication is scheduled.</summary>
    [MaxLength(64)] public string ResultsHash { get; set; } = "";

    public List<ProposedAward> Awards { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One proposed award: an entry in a tier, with the figures it was ranked on.</summary>
public sealed class ProposedAward
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int TierId { get; set; }
    public PrizeTier Tier { get; set; } = null!;
    public int EntryId { get; set; }

    /// <summary>Place in the round's ranking when proposed.</summary>
    public int Rank { get; set; }

    public decimal CouncilScore { get; set; }
    public decimal VoteScore { get; set; }
    public decimal Total { get; set; }

    /// <summary>Why the secretariat changed this award from the ranking's order; empty when it follows it.</summary>
    [MaxLength(2000)] public string ChangeReason { get; set; } = "";

    /// <summary>Code printed on the certificate and in its QR link (/chung-nhan/{code}); unguessable.</summary>
    [MaxLength(20)] public string CertificateCode { get; set; } = "";

    /// <summary>Order of the reveal at the ceremony: lowest tier first. Null until revealed.</summary>
    public DateTime? RevealedAt { get; set; }

    public List<CommitteeDecision> Decisions { get; set; } = [];
}

/// <summary>One committee member's approval or rejection of one proposed award; one per member and award.</summary>
public sealed class CommitteeDecision
{
    public int Id { get; set; }
    public int ProposedAwardId { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";
    [MaxLength(200)] public string MemberName { get; set; } = "";
    public bool Approve { get; set; }
    [MaxLength(2000)] public string Comment { get; set; } = "";
    public DateTime At { get; set; }
}

internal sealed class AwardProposalConfiguration : IEntityTypeConfiguration<AwardProposal>
{
    public void Configure(EntityTypeBuilder<AwardProposal> builder)
    {
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Awards).WithOne().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposedAwardConfiguration : IEntityTypeConfiguration<ProposedAward>
{
    public void Configure(EntityTypeBuilder<ProposedAward> builder)
    {
        builder.HasIndex(a => new { a.ProposalId, a.EntryId }).IsUnique();
        builder.HasIndex(a => a.CertificateCode);
        builder.HasOne(a => a.Tier).WithMany().HasForeignKey(a => a.TierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Decisions).WithOne().HasForeignKey(d => d.ProposedAwardId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.CouncilScore).HasPrecision(6, 2);
        builder.Property(a => a.VoteScore).HasPrecision(6, 2);
        builder.Property(a => a.Total).HasPrecision(6, 2);
    }
}

internal sealed class CommitteeDecisionConfiguration : IEntityTypeConfiguration<CommitteeDecision>
{
    public void Configure(EntityTypeBuilder<CommitteeDecision> builder)
    {
        // A member decides once per award: the database refuses a second decision even under a race.
        builder.HasIndex(d => new { d.ProposedAwardId, d.UserId }).IsUnique();
    }
}
