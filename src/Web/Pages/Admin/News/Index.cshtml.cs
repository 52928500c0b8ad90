using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.News;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<NewsPost> Posts { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Posts = await db.News.AsNoTracking()
            .OrderByDescending(n => n.PublishAt)
            .Select(n => new NewsPost { Id = n.Id, Slug = n.Slug, Title = n.Title, PublishAt = n.PublishAt, UpdatedAt = n.UpdatedAt, AuthorName = n.AuthorName })
            .ToListAsync(cancellationToken);
    }
}
