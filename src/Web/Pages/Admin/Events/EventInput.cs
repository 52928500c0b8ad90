using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Events;

/// <summary>The fields of an event, shared by the create and edit pages.</summary>
public sealed class EventInput
{
    public const int SlugLength = 100;

    [Required, StringLength(300), Display(Name = "Tên sự kiện")]
    public string Title { get; set; } = "";

    [StringLength(SlugLength), Display(Name = "Đường dẫn")]
    public string? Slug { get; set; }

    [StringLength(4000), Display(Name = "Mục đích, yêu cầu")]
    public string? Purpose { get; set; }

    [Required, Display(Name = "Thời gian bắt đầu")]
    public DateTime? StartsAt { get; set; }

    [StringLength(300), Display(Name = "Ghi chú thời gian")]
    public string? TimeNote { get; set; }

    [Required, StringLength(300), Display(Name = "Địa điểm")]
    public string Place { get; set; } = "";

    [StringLength(200), Display(Name = "Hình thức")]
    public string? Format { get; set; }

    [StringLength(200), Display(Name = "Số lượng đại biểu dự kiến")]
    public string? ExpectedAttendance { get; set; }

    [StringLength(4000), Display(Name = "Thành phần tham dự")]
    public string? AttendeeGroups { get; set; }

    public static EventInput From(ContestEvent e) => new()
    {
        Title = e.Title,
        Slug = e.Slug,
        Purpose = e.Purpose,
        StartsAt = VietnameseFormat.ToVietnam(e.StartsAt),
        TimeNote = e.TimeNote,
        Place = e.Place,
        Format = e.Format,
        ExpectedAttendance = e.ExpectedAttendance,
        AttendeeGroups = e.AttendeeGroups,
    };

    /// <summary>
    /// Checks the slug and copies the fields onto <paramref name="target"/>. An empty slug is made from the
    /// title (with -2, -3… if taken); a slug typed by the organizer must be free.
    /// </summary>
    public async Task<bool> TryApplyAsync(AppDbContext db, ContestEvent target, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        var typed = VietnameseText.Slugify(Slug, SlugLength);
        var slug = typed.Length > 0 ? typed : VietnameseText.Slugify(Title, SlugLength);
        if (slug.Length == 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(Slug)}", "Không tạo được đường dẫn từ tên sự kiện. Vui lòng nhập đường dẫn, ví dụ le-trao-giai.");
            return false;
        }
        var taken = await db.Events.AsNoTracking()
            .Where(e => e.Id != target.Id)
            .Select(e => e.Slug)
            .ToListAsync(cancellationToken);
        if (typed.Length > 0 && taken.Contains(typed))
        {
            modelState.AddModelError($"{prefix}.{nameof(Slug)}", $"Đường dẫn “{typed}” đã được dùng cho sự kiện khác. Vui lòng chọn đường dẫn khác.");
            return false;
        }
        target.Slug = Unique(slug, taken, SlugLength);
        target.Title = AdminForms.Line(Title);
        target.Purpose = AdminForms.Block(Purpose);
        target.StartsAt = VietnameseFormat.FromVietnam(StartsAt!.Value);
        target.TimeNote = AdminForms.Line(TimeNote);
        target.Place = AdminForms.Line(Place);
        target.Format = AdminForms.Line(Format);
        target.ExpectedAttendance = AdminForms.Line(ExpectedAttendance);
        target.AttendeeGroups = AdminForms.Lines(AttendeeGroups);
        return true;
    }

    /// <summary><paramref name="slug"/>, or slug-2, slug-3… whichever is not in <paramref name="taken"/>.</summary>
    public static string Unique(string slug, IReadOnlyCollection<string> taken, int maxLength)
    {
        if (!taken.Contains(slug))
            return slug;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n;
            var candidate = slug[..Math.Min(slug.Length, maxLength - suffix.Length)].TrimEnd('-') + suffix;
            if (!taken.Contains(candidate))
                return candidate;
        }
    }
}

/// <summary>A row of the agenda table.</summary>
public sealed class AgendaItemInput
{
    [Required, StringLength(1000), Display(Name = "Nội dung")]
    public string Content { get; set; } = "";

    [StringLength(300), Display(Name = "Thực hiện")]
    public string? Presenter { get; set; }

    [StringLength(300), Display(Name = "Ghi chú")]
    public string? Note { get; set; }

    /// <summary>The sponsorship MoU the item is about (e.g. its signing); /su-kien links to it.</summary>
    [Display(Name = "Biên bản ghi nhớ tài trợ liên quan")]
    public int? SponsorshipMouId { get; set; }

    /// <summary>ViewData key of the MoUs the select offers (id → label).</summary>
    public const string MouOptionsKey = "AgendaMouOptions";

    public static AgendaItemInput From(AgendaItem item) => new()
    {
        Content = item.Content, Presenter = item.Presenter, Note = item.Note, SponsorshipMouId = item.SponsorshipMouId,
    };

    public void ApplyTo(AgendaItem item)
    {
        item.Content = AdminForms.Line(Content);
        item.Presenter = AdminForms.Line(Presenter);
        item.Note = AdminForms.Line(Note);
        item.SponsorshipMouId = SponsorshipMouId;
    }
}
