using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestPlatform.Web.Content.Events;

/// <summary>Sự kiện: the launch ceremony, the award ceremony, and any other public event.</summary>
public sealed class ContestEvent
{
    public int Id { get; set; }
    [MaxLength(100)] public string Slug { get; set; } = "";
    [MaxLength(300)] public string Title { get; set; } = "";
    [MaxLength(4000)] public string Purpose { get; set; } = "";
    public DateTime StartsAt { get; set; }

    /// <summary>Free text for dates the plan leaves open, e.g. "1/2 ngày, trong khoảng 10/02/2025 - 14/02/2025".</summary>
    [MaxLength(300)] public string TimeNote { get; set; } = "";

    [MaxLength(300)] public string Place { get; set; } = "";
    [MaxLength(200)] public string Format { get; set; } = "";
    [MaxLength(200)] public string ExpectedAttendance { get; set; } = "";

    /// <summary>Thành phần tham dự, one group per line.</summary>
    [MaxLength(4000)] public string AttendeeGroups { get; set; } = "";

    public List<AgendaItem> Agenda { get; set; } = [];
}

/// <summary>A row of the agenda table: TT / Nội dung / Thực hiện / Ghi chú.</summary>
public sealed class AgendaItem
{
    public int Id { get; set; }
    public int ContestEventId { get; set; }
    public int Order { get; set; }
    [MaxLength(1000)] public string Content { get; set; } = "";
    [MaxLength(300)] public string Presenter { get; set; } = "";
    [MaxLength(300)] public string Note { get; set; } = "";

    /// <summary>The sponsorship MoU this item is about (the launch ceremony's “Ký kết biên bản ghi nhớ tài trợ”).</summary>
    public int? SponsorshipMouId { get; set; }
}

internal sealed class ContestEventConfiguration : IEntityTypeConfiguration<ContestEvent>
{
    public void Configure(EntityTypeBuilder<ContestEvent> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasMany(e => e.Agenda).WithOne().HasForeignKey(a => a.ContestEventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.HasOne<Sponsorship.SponsorshipMou>().WithMany().HasForeignKey(a => a.SponsorshipMouId).OnDelete(DeleteBehavior.SetNull);
    }
}
