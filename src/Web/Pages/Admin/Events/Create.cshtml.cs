using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Events;

public sealed class CreateModel(AppDbContext db) : PageModel
{
    [BindProperty] public EventInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var contestEvent = new ContestEvent();
        if (!await Input.TryApplyAsync(db, contestEvent, ModelState, nameof(Input), cancellationToken))
            return Page();
        db.Events.Add(contestEvent);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"Đã thêm sự kiện “{contestEvent.Title}”. Bạn có thể soạn chương trình ngay bên dưới.";
        return RedirectToPage("Edit", new { id = contestEvent.Id });
    }
}
