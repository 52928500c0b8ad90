using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Pages.Admin;
using ContestPlatform.Web.Pages.Entrant.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Entrant;

/// <summary>
/// Hồ sơ thí sinh: who enters (type, organisation, tax code, phone, commune). One per account; it is also
/// what the judges' conflict-of-interest check compares against, so the commune comes from the 2025 list.
/// </summary>
public sealed partial class ProfileModel(AppDbContext db, TimeProvider time, Communes communes) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public bool IsNew { get; private set; }
    public IReadOnlyList<string> CommuneNames => communes.All;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng chọn loại đối tượng dự thi.")]
        [Display(Name = "Loại đối tượng")]
        public EntrantType? Type { get; set; }

        [StringLength(300), Display(Name = "Tên cơ quan/đơn vị")]
        public string? Organisation { get; set; }

        [StringLength(20), Display(Name = "Mã số thuế")]
        public string? TaxCode { get; set; }

        [Required, StringLength(20), Display(Name = "Số điện thoại")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Vui lòng chọn xã/phường."), StringLength(100), Display(Name = "Xã/phường")]
        public string? Commune { get; set; }

        [StringLength(300), Display(Name = "Địa chỉ")]
        public string? Address { get; set; }
    }

    /// <summary>Individuals and author groups enter in their own names; every other type names its organisation.</summary>
    public static bool NeedsOrganisation(EntrantType type) => type is not (EntrantType.Individual or EntrantType.AuthorGroup);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await FindAsync(cancellationToken);
        IsNew = profile is null;
        if (profile is not null)
            Input = new InputModel
            {
                Type = profile.Type,
                Organisation = profile.Organisation,
                TaxCode = profile.TaxCode,
                Phone = profile.Phone,
                Commune = profile.Commune,
                Address = profile.Address,
            };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var profile = await FindAsync(cancellationToken);
        IsNew = profile is null;

        // A value that is not one of the options (a tampered form): one clear message instead of the binder's.
        const string typeKey = $"{nameof(Input)}.{nameof(Input.Type)}";
        if (ModelState.TryGetValue(typeKey, out var typeState) && typeState.AttemptedValue is { Length: > 0 }
            && (typeState.Errors.Count > 0 || Input.Type is { } type && !Enum.IsDefined(type)))
        {
            typeState.Errors.Clear();
            Input.Type = null;
            ModelState.AddModelError(typeKey, "Vui lòng chọn loại đối tượng trong danh sách.");
        }
        var organisation = AdminForms.Line(Input.Organisation);
        if (Input.Type is { } t && Enum.IsDefined(t) && NeedsOrganisation(t) && organisation.Length == 0)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Organisation)}",
                $"Vui lòng nhập tên cơ quan/đơn vị (bắt buộc với loại đối tượng “{EntrantTypeLabels.Of(t)}”).");
        var taxCode = NormaliseTaxCode(Input.TaxCode);
        if (taxCode is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TaxCode)}",
                "Mã số thuế gồm 10 chữ số (ví dụ 0101234567) hoặc 13 chữ số với mã đơn vị phụ thuộc (ví dụ 0101234567-001).");
        var phone = NormalisePhone(Input.Phone);
        if (!string.IsNullOrWhiteSpace(Input.Phone) && phone is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Phone)}",
                "Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0 (ví dụ 0912345678) hoặc +84 (ví dụ +84912345678).");
        if (!string.IsNullOrWhiteSpace(Input.Commune) && !communes.Contains(Input.Commune))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Commune)}",
                "Vui lòng chọn xã/phường trong danh sách đơn vị hành chính cấp xã của tỉnh Thái Nguyên.");
        if (!ModelState.IsValid)
            return Page();

        if (profile is null)
            db.EntrantProfiles.Add(profile = new EntrantProfile { UserId = EntrantPages.UserId(User) });
        profile.Type = Input.Type!.Value;
        profile.Organisation = organisation;
        profile.TaxCode = taxCode!;
        profile.Phone = phone!;
        profile.Commune = Input.Commune!.Trim();
        profile.Address = AdminForms.Line(Input.Address);
        profile.UpdatedAt = time.GetUtcNow().UtcDateTime;

        // Entries still being prepared show the entrant as the profile now names them; submitted ones keep
        // the name they were submitted with.
        var drafts = await db.Entries
            .Include(e => e.Authors)
            .Where(e => e.OwnerId == profile.UserId && EntryStatusLabels.Editable.Contains(e.Status))
            .ToListAsync(cancellationToken);
        foreach (var entry in drafts)
        {
            entry.EntrantName = EntryInput.EntrantNameOf(entry, profile, EntrantPages.FullName(User));
            entry.RefreshSearchText();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (IsNew)
        {
            // The unique index on UserId: the same form was sent twice (a double tap) or from two tabs.
            ModelState.AddModelError(string.Empty, "Hồ sơ vừa được lưu ở một cửa sổ khác. Vui lòng tải lại trang.");
            return Refused(StatusCodes.Status409Conflict);
        }

        StatusMessage = IsNew
            ? "Đã lưu hồ sơ thí sinh. Bây giờ bạn có thể tạo công trình dự thi."
            : "Đã lưu hồ sơ thí sinh.";
        return RedirectToPage("/Entrant/Index");
    }

    private Task<EntrantProfile?> FindAsync(CancellationToken cancellationToken)
    {
        var userId = EntrantPages.UserId(User);
        return db.EntrantProfiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
    }

    /// <summary>
    /// "" when empty; "0101234567" or "0101234567-001" (13 digits are written with the dash); null when it
    /// is neither.
    /// </summary>
    public static string? NormaliseTaxCode(string? text)
    {
        var compact = Spaces().Replace(text ?? "", "");
        if (compact.Length == 0)
            return "";
        var match = TaxCode().Match(compact);
        if (!match.Success)
            return null;
        return match.Groups[2].Success ? $"{match.Groups[1].Value}-{match.Groups[2].Value}" : match.Groups[1].Value;
    }

    /// <summary>
    /// A Vietnamese mobile or landline number without its spaces, dots and dashes: 0 followed by 9–10 digits,
    /// or +84 followed by the same number without its leading 0. Null when it is not one.
    /// </summary>
    public static string? NormalisePhone(string? text)
    {
        var compact = PhoneSeparators().Replace(text ?? "", "");
        return Phone().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\d{10})(?:-?(\d{3}))?$")]
    private static partial Regex TaxCode();

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^(?:0[1-9]\d{8,9}|\+84[1-9]\d{8,9})$")]
    private static partial Regex Phone();

    /// <summary>The form again with what was typed and the messages; nothing was saved.</summary>
    private PageResult Refused(int statusCode)
    {
        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }
}
