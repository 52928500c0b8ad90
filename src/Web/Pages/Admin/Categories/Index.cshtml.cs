using ContestPlatform.Web.Content.Categories;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Categories;

/// <summary>Lists the categories, adds one, hides or shows one. Categories are never deleted: entries refer to them.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty] public CategoryInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.SortOrder = Categories.Count == 0 ? 1 : Categories.Max(c => c.SortOrder) + 1;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await Input.DuplicateOfAsync(db, null, cancellationToken) is { } existing)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", $"Đã có lĩnh vực “{existing}”. Vui lòng đặt tên khác.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var category = new Category
        {
            Name = AdminForms.Line(Input.Name),
            Description = AdminForms.Block(Input.Description),
            SortOrder = Input.SortOrder!.Value,
        };
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Đã thêm lĩnh vực “{category.Name}”.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostVisibilityAsync(int id, bool active, CancellationToken cancellationToken)
    {
        var category = await db.Categories.FindAsync([id], cancellationToken);
        if (category is null)
            return NotFound();
        category.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = active
            ? $"Lĩnh vực “{category.Name}” đã hiển thị trở lại và được chọn khi nộp hồ sơ."
            : $"Đã ẩn lĩnh vực “{category.Name}”: không còn được chọn cho hồ sơ mới; các hồ sơ đã chọn vẫn giữ nguyên.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);
}
