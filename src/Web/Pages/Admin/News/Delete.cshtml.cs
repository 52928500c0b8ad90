using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.News;

/// <summary>Deleting a post is permanent, so it takes a second, explicit step.</summary>
public sealed class DeleteModel(AppDbContext db, TimeProvider time) : PageModel
{
    public NewsPost Post { get; private set; } = null!;
    public bool Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.News.FindAsync([id], cancellationToken) is not { } post)
            return NotFound();
        Post = post;
        Published = post.PublishAt <= time.GetUtcNow().UtcDateTime;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.News.FindAsync([id], cancellationToken) is not { } post)
            return NotFound();
        db.News.Remove(post);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"Đã xóa tin “{post.Title}”.";
        return RedirectToPage("Index");
    }
}
