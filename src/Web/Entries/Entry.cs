using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Entries;

/// <summary>Công trình dự thi: every SPEC field, its authors, media and status history.</summary>
public sealed class Entry
{
    public int Id { get; set; }
    [MaxLength(450)] public string OwnerId { get; set; } = "";

    /// <summary>DMST-2025-0001, given at first submission; null while a draft.</summary>
    [MaxLength(40)] public string? Code { get; set; }

    public EntryStatus Status { get; set; }

    [MaxLength(300)] public string Title { get; set; } = "";
    public int? CategoryId { get; set; }

    /// <summary>Địa bàn áp dụng: a commune-level unit from the 2025 list.</summary>
    [MaxLength(100)] public string Commune { get; set; } = "";

    /// <summary>Free text for older district-level addresses.</summary>
    [MaxLength(300)] public string LegacyAddress { get; set; } = "";

    /// <summary>Thời gian bắt đầu áp dụng.</summary>
    public DateOnly? AppliedSince { get; set; }

    [MaxLength(2000)] public string Summary { get; set; } = "";

    // Thuyết minh sections.
    [MaxLength(20000)] public string Situation { get; set; } = "";
    [MaxLength(20000)] public string Solution { get; set; } = "";
    [MaxLength(20000)] public string Novelty { get; set; } = "";
    [MaxLength(20000)] public string Impact { get; set; } = "";
    [MaxLength(20000)] public string Applicability { get; set; } = "";

    /// <summary>Quantified benefit: VNĐ per year, jobs created, time saved (free text such as "2 giờ/hồ sơ").</summary>
    public long? BenefitVnd { get; set; }
    public int? JobsCreated { get; set; }
    [MaxLength(300)] public string TimeSaved { get; set; } = "";

    /// <summary>Cam kết quyền tác giả.</summary>
    public bool AuthorshipCommitted { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }

    /// <summary>
    /// Lower-case, diacritics-free text of title, summary and entrant name, kept in step on every save so
    /// the gallery search can match "doi moi" against "Đổi mới" with a plain LIKE.
    /// </summary>
    [MaxLength(4000)] public string SearchText { get; set; } = "";

    /// <summary>Name shown publicly for the entrant (organisation, or the representative author).</summary>
    [MaxLength(300)] public string EntrantName { get; set; } = "";

    /// <summary>The copy judges see, with names removed by the secretariat; null until redacted.</summary>
    public BlindCopy? Blind { get; set; }

    public List<EntryAuthor> Authors { get; set; } = [];
    public List<EntryStatusChange> History { get; set; } = [];
    public List<MediaFile> Media { get; set; } = [];

    /// <summary>Recomputes <see cref="SearchText"/>; call after changing title, summary or entrant name.</summary>
    public void RefreshSearchText() =>
        SearchText = Infrastructure.VietnameseText.Fold($"{Title} {Summary} {EntrantName} {Code}");

    /// <summary>Optimistic concurrency: two tabs or two organizers never overwrite each other silently.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Redacted text for blind judging (SPEC: judges never see entrant or author identity).</summary>
public sealed class BlindCopy
{
    [MaxLength(300)] public string Title { get; set; } = "";
    [MaxLength(2000)] public string Summary { get; set; } = "";
    [MaxLength(20000)] public string Situation { get; set; } = "";
    [MaxLength(20000)] public string Solution { get; set; } = "";
    [MaxLength(20000)] public string Novelty { get; set; } = "";
    [MaxLength(20000)] public string Impact { get; set; } = "";
    [MaxLength(20000)] public string Applicability { get; set; } = "";
    public DateTime RedactedAt { get; set; }
    [MaxLength(256)] public string RedactedBy { get; set; } = "";
}

public sealed class EntryAuthor
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public int Order { get; set; }
    [MaxLength(100)] public string FullName { get; set; } = "";
    public int? BirthYear { get; set; }
    [MaxLength(200)] public string Unit { get; set; } = "";
    [MaxLength(100)] public string Position { get; set; } = "";

    /// <summary>Tỷ lệ đóng góp (%); the shares of an entry sum to exactly 100.</summary>
    public decimal SharePercent { get; set; }

    public bool IsRepresentative { get; set; }
}

/// <summary>Every transition, with who, when and why (SPEC).</summary>
public sealed class EntryStatusChange
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public EntryStatus From { get; set; }
    public EntryStatus To { get; set; }
    public DateTime At { get; set; }
    [MaxLength(450)] public string ByUserId { get; set; } = "";
    [MaxLength(256)] public string ByName { get; set; } = "";
    [MaxLength(2000)] public string Reason { get; set; } = "";
}

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> builder)
    {
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => e.OwnerId);
        builder.HasIndex(e => e.Status);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.OwnsOne(e => e.Blind);
        builder.HasMany(e => e.Authors).WithOne().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.History).WithOne().HasForeignKey(h => h.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Media).WithOne().HasForeignKey(m => m.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Content.Categories.Category>().WithMany().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EntryAuthorConfiguration : IEntityTypeConfiguration<EntryAuthor>
{
    public void Configure(EntityTypeBuilder<EntryAuthor> builder) =>
        builder.Property(a => a.SharePercent).HasConversion<string>();
}
