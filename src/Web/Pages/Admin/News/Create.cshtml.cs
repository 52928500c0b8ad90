using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Markdown;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.News;

public sealed class CreateModel(AppDbContext db, TimeProvider time, MarkdownRenderer renderer) : PageModel
{
    [BindProperty] public NewsInput Input { get; set; } = new();

    public void OnGet() => ViewData["PreviewHtml"] = AdminForms.Render(renderer, "");

    public IActionResult OnPostPreview(string? markdown) => AdminForms.Preview(renderer, markdown);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["PreviewHtml"] = AdminForms.Render(renderer, Input.Markdown);
        if (!ModelState.IsValid)
            return Page();

        var now = time.GetUtcNow().UtcDateTime;
        var post = new NewsPost { CreatedAt = now, AuthorName = AuthorName() };
        if (!await Input.TryApplyAsync(db, post, now, ModelState, nameof(Input), cancellationToken))
            return Page();
        db.News.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = NewsStatus.Saved(post, now);
        return RedirectToPage("Index");
    }

    private string AuthorName()
    {
        var name = User.FindFirst(ContestClaimsFactory.FullName)?.Value;
        return string.IsNullOrWhiteSpace(name) ? AdminForms.Email(User) : name;
    }
}
