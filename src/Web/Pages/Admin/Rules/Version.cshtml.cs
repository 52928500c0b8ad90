using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Content.Rules;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Markdown;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Rules;

/// <summary>One saved version, rendered and raw; posting restores it as a new version.</summary>
public sealed class VersionModel(AppDbContext db, TimeProvider time, MarkdownRenderer renderer) : PageModel
{
    public RulesVersion Version { get; private set; } = null!;
    public int CurrentNumber { get; private set; }
    public IHtmlContent Html { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
            return NotFound();
        if (Version.Number == CurrentNumber)
        {
            ModelState.AddModelError(string.Empty, $"Phiên bản {number} đang được áp dụng nên không cần khôi phục.");
            return Page();
        }

        var restored = new RulesVersion
        {
            Number = CurrentNumber + 1,
            Title = Version.Title,
            DecisionRef = Version.DecisionRef,
            EffectiveDate = Version.EffectiveDate,
            Markdown = Version.Markdown,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = AdminForms.Email(User),
            Note = $"Khôi phục từ phiên bản {Version.Number}",
        };
        db.RulesVersions.Add(restored);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(number, cancellationToken);
            ModelState.AddModelError(string.Empty,
                "Thể lệ vừa được người khác lưu một phiên bản mới nên chưa khôi phục được. Vui lòng xem lại lịch sử rồi thử lại.");
            return Page();
        }

        TempData["StatusMessage"] = $"Đã khôi phục nội dung phiên bản {Version.Number} thành phiên bản mới số {restored.Number}.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(int number, CancellationToken cancellationToken)
    {
        var version = await db.RulesVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, cancellationToken);
        if (version is null)
            return false;
        Version = version;
        CurrentNumber = (await db.CurrentRulesAsync(cancellationToken))?.Number ?? 0;
        Html = AdminForms.Render(renderer, version.Markdown);
        return true;
    }
}
