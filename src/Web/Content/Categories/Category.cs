using System.ComponentModel.DataAnnotations;

namespace ContestPlatform.Web.Content.Categories;

/// <summary>Lĩnh vực dự thi.</summary>
public sealed class Category
{
    public int Id { get; set; }
    [MaxLength(200)] public string Name { get; set; } = "";
    [MaxLength(1000)] public string Description { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>Retired categories stay for existing entries but are not offered for new ones.</summary>
    public bool IsActive { get; set; } = true;
}
