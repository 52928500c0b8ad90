using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Votes;

/// <summary>
/// One account's vote for one entry. The unique (UserId, EntryId) index makes double clicks and races
/// harmless: the database keeps exactly one. A voided vote keeps its row (for the record and the unique
/// slot) but no longer counts anywhere.
/// </summary>
public sealed class Vote
{
    public long Id { get; set; }
    public int EntryId { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";
    public DateTime CastAt { get; set; }

    /// <summary>When the account was created, copied here so "fresh accounts voting together" needs no join.</summary>
    public DateTime AccountCreatedAt { get; set; }

    [MaxLength(45)] public string ClientAddress { get; set; } = "";

    /// <summary>The client's network: /24 for IPv4, /48 for IPv6 (bursts from one network).</summary>
    [MaxLength(45)] public string Network { get; set; } = "";

    /// <summary>A first-party cookie identifying the browser (one browser used by several accounts).</summary>
    [MaxLength(64)] public string BrowserId { get; set; } = "";

    public DateTime? VoidedAt { get; set; }
    [MaxLength(256)] public string? VoidedBy { get; set; }
    [MaxLength(1000)] public string? VoidReason { get; set; }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.HasIndex(v => new { v.UserId, v.EntryId }).IsUnique();
        builder.HasIndex(v => new { v.EntryId, v.VoidedAt });
        builder.HasIndex(v => v.CastAt);
        builder.HasIndex(v => v.Network);
        builder.HasIndex(v => v.BrowserId);
        builder.HasOne<Entries.Entry>().WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
