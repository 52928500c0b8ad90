using ContestPlatform.Web.Content.Categories;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Categories;

public sealed class EditModel(AppDbContext db) : PageModel
{
    [BindProperty] public CategoryInput Input { get; set; } = new();

    public Category Category { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Categories.FindAsync([id], cancellationToken) is not { } category)
            return NotFound();
        Category = category;
        Input = new CategoryInput { Name = category.Name, Description = category.Description, SortOrder = category.SortOrder };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Categories.FindAsync([id], cancellationToken) is not { } category)
            return NotFound();
        Category = category;
        if (ModelState.IsValid && await Input.DuplicateOfAsync(db, id, cancellationToken) is { } existing)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", $"Đã có lĩnh vực “{existing}”. Vui lòng đặt tên khác.");
        if (!ModelState.IsValid)
            return Page();

        var oldName = category.Name;
        category.Name = AdminForms.Line(Input.Name);
        category.Description = AdminForms.Block(Input.Description);
        category.SortOrder = Input.SortOrder!.Value;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = oldName == category.Name
            ? $"Đã lưu lĩnh vực “{category.Name}”."
            : $"Đã đổi tên lĩnh vực “{oldName}” thành “{category.Name}”.";
        return RedirectToPage("Index");
    }
}
