using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Awards;

/// <summary>Adds a prize tier (/hang-giai/moi) or edits one (/hang-giai/{id}); two organizers never overwrite each other.</summary>
public sealed class TierModel(AppDbContext db) : PageModel
{
    [BindProperty] public TierInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    /// <summary>The MoUs a sponsor-funded tier can name.</summary>
    public IReadOnlyList<(int Id, string Label)> Mous { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadMousAsync(cancellationToken);
        if (id == "moi")
        {
            IsNew = true;
            Input.Order = (await db.PrizeTiers.MaxAsync(t => (int?)t.Order, cancellationToken) ?? 0) + 1;
            return Page();
        }
        var tier = int.TryParse(id, out var tierId) ? await db.PrizeTiers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tierId, cancellationToken) : null;
        if (tier is null)
            return NotFound();
        Input = TierInput.From(tier);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        IsNew = id == "moi";
        PrizeTier? tier = null;
        if (!IsNew)
        {
            tier = int.TryParse(id, out var tierId) ? await db.PrizeTiers.FirstOrDefaultAsync(t => t.Id == tierId, cancellationToken) : null;
            if (tier is null)
                return NotFound();
        }
        await LoadMousAsync(cancellationToken);
        if (Input.Funding == Funding.Sponsor && !Mous.Any(m => m.Id == Input.SponsorshipMouId))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(TierInput.SponsorshipMouId)}", "Vui lòng chọn biên bản ghi nhớ tài trợ cấp kinh phí cho hạng giải này.");
        var name = AdminForms.Line(Input.Name);
        if (await db.PrizeTiers.AnyAsync(t => t.Name == name && (tier == null || t.Id != tier.Id), cancellationToken))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(TierInput.Name)}", $"Đã có hạng giải “{name}”.");
        if (!ModelState.IsValid)
            return Page();

        tier ??= db.PrizeTiers.Add(new PrizeTier()).Entity;
        if (!IsNew)
            db.Entry(tier).Property(t => t.Version).OriginalValue = Input.Version;
        tier.Name = name;
        tier.Order = Input.Order!.Value;
        tier.Places = Input.Places!.Value;
        tier.AmountDong = Input.AmountDong!.Value;
        tier.Honour = Input.Honour;
        tier.Funding = Input.Funding;
        tier.SponsorshipMouId = Input.Funding == Funding.Sponsor ? Input.SponsorshipMouId : null;
        tier.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Hạng giải vừa được người khác sửa. Vui lòng tải lại trang; thay đổi của bạn chưa được lưu.");
            return Page();
        }
        TempData["StatusMessage"] = $"Đã lưu hạng giải “{tier.Name}”.";
        return Redirect(IndexModel.Path);
    }

    private async Task LoadMousAsync(CancellationToken cancellationToken) =>
        Mous = (await db.SponsorshipMous.AsNoTracking().OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.Number, Sponsor = m.Sponsor.Name, m.Status }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, $"{(m.Number.Length > 0 ? m.Number : "(chưa có số)")} — {m.Sponsor} ({Web.Sponsorship.MouLabels.Of(m.Status)})"))
            .ToList();
}

public sealed class TierInput
{
    [Display(Name = "Tên hạng giải")]
    [Required(ErrorMessage = "Vui lòng nhập tên hạng giải.")]
    [StringLength(100, ErrorMessage = "Tên hạng giải dài tối đa 100 ký tự.")]
    public string Name { get; set; } = "";

    [Display(Name = "Thứ tự (giải cao nhất là 1)")]
    [Required(ErrorMessage = "Vui lòng nhập thứ tự.")]
    [Range(1, 100, ErrorMessage = "Thứ tự từ 1 đến 100.")]
    public int? Order { get; set; }

    [Display(Name = "Số giải")]
    [Required(ErrorMessage = "Vui lòng nhập số giải.")]
    [Range(1, 1000, ErrorMessage = "Số giải từ 1 đến 1000.")]
    public int? Places { get; set; }

    [Display(Name = "Mức thưởng mỗi giải (đồng)")]
    [Required(ErrorMessage = "Vui lòng nhập mức thưởng (ghi 0 nếu không có tiền thưởng).")]
    [Range(0, 1_000_000_000_000, ErrorMessage = "Mức thưởng từ 0 đến 1.000 tỷ đồng.")]
    public long? AmountDong { get; set; }

    [Display(Name = "Hình thức khen thưởng")]
    public Honour Honour { get; set; }

    [Display(Name = "Nguồn kinh phí")]
    public Funding Funding { get; set; }

    [Display(Name = "Biên bản ghi nhớ tài trợ")]
    public int? SponsorshipMouId { get; set; }

    public Guid Version { get; set; }

    public static TierInput From(PrizeTier tier) => new()
    {
        Name = tier.Name, Order = tier.Order, Places = tier.Places, AmountDong = tier.AmountDong,
        Honour = tier.Honour, Funding = tier.Funding, SponsorshipMouId = tier.SponsorshipMouId, Version = tier.Version,
    };
}
