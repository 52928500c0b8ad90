using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Media.Uploads;
using ContestPlatform.Web.Pages.Admin.Entries;
using ContestPlatform.Web.Pages.Entrant;
using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Sponsorship;

/// <summary>
/// Adds a sponsor (/nha-tai-tro/moi) or edits one, logo included. The form is multipart and read as it
/// arrives (<see cref="StreamedFormReader"/>), so the automatic antiforgery check and model binding are off
/// here and done by the reader and <c>TryUpdateModelAsync</c> instead.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
[RequestSizeLimit(SponsorshipFiles.LogoMaxBytes + 1024 * 1024)]
public sealed class SponsorModel(SponsorshipService sponsorship, StreamedFormReader forms) : PageModel
{
    public const string LogoField = "logo";

    public SponsorInput Input { get; private set; } = new();

    public bool IsNew { get; private set; }
    public Sponsor? Current { get; private set; }
    public IReadOnlyList<MouSummary> Mous { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (Current is not null)
            Input = SponsorInput.From(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        StreamedForm form;
        try
        {
            form = await forms.ReadAsync(HttpContext, LogoField, SponsorshipFiles.LogoMaxBytes);
        }
        catch (FormRefusedException ex)
        {
            return StatusCode(ex.StatusCode);
        }
        using (form)
        {
            await TryUpdateModelAsync(Input, nameof(Input), new FormValueProvider(BindingSource.Form, form.Fields, CultureInfo.CurrentCulture));
            var taxCode = ProfileModel.NormaliseTaxCode(Input.TaxCode);
            if (taxCode is null)
                ModelState.AddModelError(Key(nameof(SponsorInput.TaxCode)),
                    "Mã số thuế gồm 10 chữ số (ví dụ 0100109106) hoặc 13 chữ số với mã đơn vị phụ thuộc (ví dụ 0100109106-001).");
            else if (taxCode.Length > 0 && !SponsorRules.HasValidCheckDigit(taxCode))
                ModelState.AddModelError(Key(nameof(SponsorInput.TaxCode)),
                    $"Mã số thuế {taxCode} không đúng (chữ số kiểm tra không khớp). Vui lòng đối chiếu lại với giấy chứng nhận đăng ký.");
            var website = SponsorRules.Website(Input.Website);
            if (website is null)
                ModelState.AddModelError(Key(nameof(SponsorInput.Website)), "Trang web phải là địa chỉ http:// hoặc https://, ví dụ https://hiephoidn.vn.");
            if (form.FileTooLarge)
                ModelState.AddModelError(LogoField, SponsorshipFiles.LogoTooLarge);
            if (!ModelState.IsValid)
                return Refused(form.File is not null);

            var details = new SponsorDetails(AdminForms.Line(Input.Name), AdminForms.Line(Input.Address), taxCode!, website!,
                AdminForms.Block(Input.Description), Input.SortOrder ?? 0);
            try
            {
                var sponsor = await sponsorship.SaveSponsorAsync(IsNew ? null : Current!.Id, Input.Version, details, form.File,
                    ReviewModel.CurrentActor(User), cancellationToken);
                TempData["StatusMessage"] = IsNew ? $"Đã thêm nhà tài trợ “{sponsor.Name}”." : $"Đã lưu nhà tài trợ “{sponsor.Name}”.";
                return Redirect(IndexModel.Path);
            }
            catch (UploadRefusedException ex)
            {
                ModelState.AddModelError(LogoField, ex.Message);
                Response.StatusCode = ex.StatusCode;
                return Page();
            }
            catch (MouRuleException ex)
            {
                var stale = ex.Message == SponsorshipService.StaleSponsorMessage;
                ModelState.AddModelError(stale ? string.Empty : Key(nameof(SponsorInput.Name)), ex.Message);
                if (stale)
                    Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }
    }

    /// <summary>The form comes back with its messages; a chosen logo was not kept, so say to choose it again.</summary>
    private PageResult Refused(bool hadLogo)
    {
        if (hadLogo && !ModelState.ContainsKey(LogoField))
            ModelState.AddModelError(LogoField, "Logo chưa được lưu vì biểu mẫu còn lỗi. Vui lòng chọn lại tệp logo sau khi sửa.");
        return Page();
    }

    private static string Key(string field) => $"{nameof(Input)}.{field}";

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        IsNew = id == "moi";
        if (IsNew)
            return true;
        Current = int.TryParse(id, out var sponsorId) ? await sponsorship.SponsorAsync(sponsorId, cancellationToken) : null;
        if (Current is null)
            return false;
        Mous = (await sponsorship.MouSummariesAsync(cancellationToken)).Where(m => m.SponsorId == Current.Id).ToList();
        return true;
    }
}

public sealed class SponsorInput
{
    [Required, StringLength(300), Display(Name = "Tên nhà tài trợ")]
    public string Name { get; set; } = "";

    [StringLength(300), Display(Name = "Địa chỉ")]
    public string? Address { get; set; }

    [StringLength(20), Display(Name = "Mã số thuế")]
    public string? TaxCode { get; set; }

    [StringLength(300), Display(Name = "Trang web")]
    public string? Website { get; set; }

    [StringLength(2000), Display(Name = "Giới thiệu (hiển thị tại trang Nhà tài trợ)")]
    public string? Description { get; set; }

    [Range(0, 1000), Display(Name = "Thứ tự hiển thị")]
    public int? SortOrder { get; set; }

    public Guid Version { get; set; }

    public static SponsorInput From(Sponsor sponsor) => new()
    {
        Name = sponsor.Name, Address = sponsor.Address, TaxCode = sponsor.TaxCode, Website = sponsor.Website,
        Description = sponsor.Description, SortOrder = sponsor.SortOrder, Version = sponsor.Version,
    };
}
