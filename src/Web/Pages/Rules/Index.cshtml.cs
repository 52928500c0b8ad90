using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Content.Rules;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Markdown;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Rules;

public sealed class IndexModel(AppDbContext db, MarkdownRenderer markdown) : PageModel
{
    public RulesVersion Rules { get; private set; } = null!;
    public IHtmlContent Html { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var rules = await db.CurrentRulesAsync(cancellationToken);
        if (rules is null)
            return NotFound();
        Rules = rules;
        Html = markdown.Render(rules.Markdown, headingOffset: 1);
        return Page();
    }
}
