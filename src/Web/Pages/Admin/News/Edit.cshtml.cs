using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Markdown;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.News;

public sealed class EditModel(AppDbContext db, TimeProvider time, MarkdownRenderer renderer) : PageModel
{
    [BindProperty] public NewsInput Input { get; set; } = new();

    public NewsPost Post { get; private set; } = null!;
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = NewsInput.From(Post);
        ViewData["PreviewHtml"] = AdminForms.Render(renderer, Post.Markdown);
        return Page();
    }

    public IActionResult OnPostPreview(string? markdown) => AdminForms.Preview(renderer, markdown);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        ViewData["PreviewHtml"] = AdminForms.Render(renderer, Input.Markdown);
        if (!ModelState.IsValid || !await Input.TryApplyAsync(db, Post, Now, ModelState, nameof(Input), cancellationToken))
            return Page();
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = NewsStatus.Saved(Post, Now);
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        if (await db.News.FindAsync([id], cancellationToken) is not { } post)
            return false;
        Post = post;
        return true;
    }
}
