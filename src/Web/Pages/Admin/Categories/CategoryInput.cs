using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Categories;

/// <summary>The fields of a category, shared by the add form and the edit page.</summary>
public sealed class CategoryInput
{
    [Required, StringLength(200), Display(Name = "Tên lĩnh vực")]
    public string Name { get; set; } = "";

    [StringLength(1000), Display(Name = "Mô tả")]
    public string? Description { get; set; }

    [Required, Range(0, 10_000), Display(Name = "Thứ tự hiển thị")]
    public int? SortOrder { get; set; }

    /// <summary>
    /// The name of another category that reads the same ("Y tế" and "y  TẾ"), or null. Compared in memory:
    /// SQLite's lower() only folds ASCII, and a contest has a handful of categories.
    /// </summary>
    public async Task<string?> DuplicateOfAsync(AppDbContext db, int? exceptId, CancellationToken cancellationToken)
    {
        var name = AdminForms.Line(Name);
        var others = await db.Categories.AsNoTracking()
            .Where(c => c.Id != exceptId)
            .Select(c => c.Name)
            .ToListAsync(cancellationToken);
        return others.FirstOrDefault(o => string.Equals(AdminForms.Line(o), name, StringComparison.OrdinalIgnoreCase));
    }
}
