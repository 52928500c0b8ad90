using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Media.Uploads;
using ContestPlatform.Web.Pages.Admin.Entries;
using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Sponsorship;

/// <summary>
/// The signed scan of an MoU (/bien-ban/{id}/ban-ky): shows the one attached and takes a new one (PDF, JPEG or
/// PNG, ≤ 30 MB), streamed to storage as it arrives (see <see cref="StreamedFormReader"/>; hence the manual
/// antiforgery check and no form model binding).
/// </summary>
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
[RequestSizeLimit(SponsorshipFiles.ScanMaxBytes + 1024 * 1024)]
public sealed class ScanModel(SponsorshipService sponsorship, StreamedFormReader forms) : PageModel
{
    public const string FileField = "banScan";

    public SponsorshipMou Mou { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        StreamedForm form;
        try
        {
            form = await forms.ReadAsync(HttpContext, FileField, SponsorshipFiles.ScanMaxBytes);
        }
        catch (FormRefusedException ex)
        {
            return StatusCode(ex.StatusCode);
        }
        using (form)
        {
            if (form.FileTooLarge)
                return Refused(StatusCodes.Status413PayloadTooLarge, SponsorshipFiles.ScanTooLarge);
            if (form.File is null)
                return Refused(StatusCodes.Status422UnprocessableEntity, "Vui lòng chọn tệp bản scan biên bản đã ký (PDF, JPEG hoặc PNG).");
            if (!Guid.TryParse(form.Fields["Version"], out var version))
                return StatusCode(StatusCodes.Status400BadRequest);
            try
            {
                await sponsorship.AttachScanAsync(id, version, form.File, ReviewModel.CurrentActor(User), cancellationToken);
            }
            catch (UploadRefusedException ex)
            {
                return Refused(ex.StatusCode, ex.Message);
            }
            catch (MouRuleException ex)
            {
                return Refused(ex.Message == SponsorshipService.StaleMessage ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                    ex.Message, field: string.Empty);
            }
            TempData["StatusMessage"] = $"Đã lưu bản scan biên bản đã ký “{form.File.FileName}”." +
                                        (Mou.Status == MouStatus.Draft ? " Có thể chuyển biên bản sang “Đã ký” khi đủ số và ngày ký." : "");
            return Redirect($"{IndexModel.MouPath}/{id}#trang-thai");
        }
    }

    private PageResult Refused(int statusCode, string message, string field = FileField)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = statusCode;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var mou = await sponsorship.MouAsync(id, cancellationToken);
        if (mou is null)
            return false;
        Mou = mou;
        return true;
    }
}
