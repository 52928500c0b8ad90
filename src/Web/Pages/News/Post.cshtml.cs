using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Markdown;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.News;

public sealed class PostModel(AppDbContext db, TimeProvider time, MarkdownRenderer markdown) : PageModel
{
    public NewsPost Post { get; private set; } = null!;
    public IHtmlContent Html { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // A post scheduled for later is 404 to the public, exactly as if it did not exist yet.
        var post = await db.News.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug && n.PublishAt <= now, cancellationToken);
        if (post is null)
            return NotFound();
        Post = post;
        Html = markdown.Render(post.Markdown, headingOffset: 1);
        return Page();
    }
}
