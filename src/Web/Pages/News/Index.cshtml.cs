using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.News;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 10;

    public IReadOnlyList<NewsPost> Posts { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasMore { get; private set; }

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "trang")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(page, 1, 10_000);
        var now = time.GetUtcNow().UtcDateTime;
        var posts = await db.News.AsNoTracking()
            .Where(n => n.PublishAt <= now)
            .OrderByDescending(n => n.PublishAt)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasMore = posts.Count > PageSize;
        Posts = posts.Take(PageSize).ToList();
    }
}
