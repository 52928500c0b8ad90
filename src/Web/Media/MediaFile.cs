using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Media;

/// <summary>
/// A file attached to an entry. The original is stored once per content (<see cref="Sha256"/>) under a key
/// the platform makes; the uploaded file name is kept only as display text, never as a path.
/// </summary>
public sealed class MediaFile
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public MediaKind Kind { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Lower-case hex SHA-256 of the original bytes.</summary>
    [MaxLength(64)] public string Sha256 { get; set; } = "";

    [MaxLength(200)] public string OriginalKey { get; set; } = "";
    public long Size { get; set; }

    /// <summary>The type decided from the content's magic bytes, e.g. image/jpeg, video/mp4, application/pdf.</summary>
    [MaxLength(100)] public string ContentType { get; set; } = "";

    /// <summary>The uploaded name, cleaned of paths and control characters; for display and downloads only.</summary>
    [MaxLength(150)] public string DisplayName { get; set; } = "";

    [MaxLength(300)] public string Caption { get; set; } = "";
    public DateTime UploadedAt { get; set; }

    public MediaState State { get; set; }
    [MaxLength(1000)] public string Error { get; set; } = "";

    // Facts found by processing.
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? DurationSeconds { get; set; }
    [MaxLength(50)] public string Codec { get; set; } = "";
    public int? PageCount { get; set; }

    // Derivatives (blob keys), all free of metadata.
    [MaxLength(200)] public string? DisplayKey { get; set; }
    [MaxLength(200)] public string? DisplayJpegKey { get; set; }
    [MaxLength(200)] public string? ThumbKey { get; set; }
    [MaxLength(200)] public string? ThumbJpegKey { get; set; }

    /// <summary>Video poster frame or PDF first-page preview (JPEG).</summary>
    [MaxLength(200)] public string? PosterKey { get; set; }

    /// <summary>The file served to viewers: transcoded video, or the cleaned original for PDFs.</summary>
    [MaxLength(200)] public string? PlaybackKey { get; set; }
}

/// <summary>
/// One durable processing job per file. A worker claims a job by taking a lease; a crash leaves the lease
/// to expire and another worker resumes it, so every file is processed even across restarts.
/// </summary>
public sealed class MediaJob
{
    public int Id { get; set; }
    public int MediaFileId { get; set; }
    public MediaState State { get; set; }
    public int Attempts { get; set; }
    public DateTime? LeaseUntil { get; set; }
    [MaxLength(100)] public string? LeasedBy { get; set; }
    [MaxLength(1000)] public string Error { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A chunked, resumable upload in progress. Bytes are staged on local disk until completion.</summary>
public sealed class UploadSession
{
    [Key, MaxLength(32)] public string Id { get; set; } = "";
    public int EntryId { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";
    public MediaKind Kind { get; set; }
    [MaxLength(150)] public string DisplayName { get; set; } = "";
    public long DeclaredSize { get; set; }
    public long Received { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.HasIndex(m => m.Sha256);
        builder.HasIndex(m => new { m.EntryId, m.SortOrder });
    }
}

internal sealed class MediaJobConfiguration : IEntityTypeConfiguration<MediaJob>
{
    public void Configure(EntityTypeBuilder<MediaJob> builder)
    {
        builder.HasIndex(j => j.MediaFileId).IsUnique();
        builder.HasIndex(j => j.State);
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(j => j.MediaFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
