using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Council;

namespace ContestPlatform.Web.Pages.Admin.Judging.Judges;

/// <summary>A judge's details as the invitation and edit forms post them.</summary>
public sealed class JudgeInput
{
    [Required, StringLength(100), Display(Name = "Họ và tên")]
    public string? DisplayName { get; set; }

    [StringLength(300), Display(Name = "Cơ quan, đơn vị công tác")]
    public string? Organisation { get; set; }

    [StringLength(20), Display(Name = "Mã số thuế (của cơ quan hoặc cá nhân)")]
    public string? TaxCode { get; set; }

    [StringLength(100), Display(Name = "Xã, phường nơi cư trú hoặc công tác")]
    public string? Commune { get; set; }

    [Display(Name = "Lĩnh vực chuyên môn")]
    public List<int> Categories { get; set; } = [];

    [Display(Name = "Đang hoạt động trong Hội đồng")]
    public bool Active { get; set; } = true;

    public Guid Version { get; set; }

    public JudgeDetails ToDetails() => new(DisplayName, Organisation, TaxCode, Commune, Categories, Active);

    public static JudgeInput From(Council.Judge judge) => new()
    {
        DisplayName = judge.DisplayName,
        Organisation = judge.Organisation,
        TaxCode = judge.TaxCode,
        Commune = judge.Commune,
        Categories = [.. judge.ExpertCategories],
        Active = judge.Active,
        Version = judge.Version,
    };
}
