using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Content.News;

/// <summary>Tin tức: Markdown written by organizers, visible from <see cref="PublishAt"/>.</summary>
public sealed class NewsPost
{
    public int Id { get; set; }
    [MaxLength(200)] public string Slug { get; set; } = "";
    [MaxLength(300)] public string Title { get; set; } = "";
    [MaxLength(1000)] public string Summary { get; set; } = "";
    [MaxLength(100_000)] public string Markdown { get; set; } = "";
    public DateTime PublishAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    [MaxLength(256)] public string AuthorName { get; set; } = "";
}

internal sealed class NewsPostConfiguration : IEntityTypeConfiguration<NewsPost>
{
    public void Configure(EntityTypeBuilder<NewsPost> builder)
    {
        builder.HasIndex(n => n.Slug).IsUnique();
        builder.HasIndex(n => n.PublishAt);
    }
}
