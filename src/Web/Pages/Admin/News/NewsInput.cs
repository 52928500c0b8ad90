using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Pages.Admin.Events;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.News;

/// <summary>The fields of a news post, shared by the create and edit pages.</summary>
public sealed class NewsInput
{
    public const int SlugLength = 200;

    [Required, StringLength(300), Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(SlugLength), Display(Name = "Đường dẫn")]
    public string? Slug { get; set; }

    [StringLength(1000), Display(Name = "Tóm tắt")]
    public string? Summary { get; set; }

    [Required, StringLength(100_000), Display(Name = "Nội dung")]
    public string Markdown { get; set; } = "";

    [Display(Name = "Thời điểm đăng")]
    public DateTime? PublishAt { get; set; }

    public static NewsInput From(NewsPost post) => new()
    {
        Title = post.Title,
        Slug = post.Slug,
        Summary = post.Summary,
        Markdown = post.Markdown,
        PublishAt = VietnameseFormat.ToVietnam(post.PublishAt),
    };

    /// <summary>
    /// Checks the slug and copies the fields onto <paramref name="post"/>. An empty slug is made from the
    /// title (with -2, -3… if taken); a slug typed by the organizer must be free. An empty publish time means now.
    /// </summary>
    public async Task<bool> TryApplyAsync(
        AppDbContext db, NewsPost post, DateTime nowUtc, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        var typed = VietnameseText.Slugify(Slug, SlugLength);
        var slug = typed.Length > 0 ? typed : VietnameseText.Slugify(Title, SlugLength);
        if (slug.Length == 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(Slug)}", "Không tạo được đường dẫn từ tiêu đề. Vui lòng nhập đường dẫn, ví dụ thong-bao-gia-han.");
            return false;
        }
        var taken = await db.News.AsNoTracking().Where(n => n.Id != post.Id).Select(n => n.Slug).ToListAsync(cancellationToken);
        if (typed.Length > 0 && taken.Contains(typed))
        {
            modelState.AddModelError($"{prefix}.{nameof(Slug)}", $"Đường dẫn “{typed}” đã được dùng cho tin khác. Vui lòng chọn đường dẫn khác.");
            return false;
        }
        post.Slug = EventInput.Unique(slug, taken, SlugLength);
        post.Title = AdminForms.Line(Title);
        post.Summary = AdminForms.Block(Summary);
        post.Markdown = AdminForms.Block(Markdown);
        post.PublishAt = PublishAt is { } local ? VietnameseFormat.FromVietnam(local) : nowUtc;
        post.UpdatedAt = nowUtc;
        return true;
    }
}
