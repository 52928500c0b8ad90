using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Sponsorship;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Admin.Sponsorship;

/// <summary>What an organizer does in Quản trị › Tài trợ, as steps over real forms.</summary>
internal static class SponsorshipSteps
{
    public const string IndexUrl = "/quan-tri/tai-tro";
    public const string NewSponsor = "/quan-tri/tai-tro/nha-tai-tro/moi";
    public const string NewMou = "/quan-tri/tai-tro/bien-ban/moi";

    public static string SponsorUrl(int id) => $"/quan-tri/tai-tro/nha-tai-tro/{id}";
    public static string MouUrl(int id) => $"/quan-tri/tai-tro/bien-ban/{id}";
    public static string ScanPage(int id) => $"/quan-tri/tai-tro/bien-ban/{id}/ban-ky";
    public static string PrintUrl(int id) => $"/quan-tri/tai-tro/bien-ban/{id}/in";

    /// <summary>A real tax code (its check digit is right).</summary>
    public const string TaxCode = "0100109106";

    /// <summary>
    /// Posts a form as a browser posts a multipart form: every field in document order (so the antiforgery
    /// token, rendered first, goes first), the file as the part named <paramref name="fileField"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(Browser browser, string pageUrl, string formSelector,
        Dictionary<string, string> fields, string fileField, byte[]? file, string fileName = "logo.png", string contentType = "image/png",
        bool withToken = true)
    {
        var page = await browser.GetPageAsync(pageUrl);
        var form = (IHtmlFormElement)(page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {pageUrl}"));
        var content = new MultipartFormDataContent();
        var seen = new HashSet<string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "file" } input when input.Name == fileField:
                    // As browsers send a file input left empty: a part with filename="" and no bytes.
                    var part = new ByteArrayContent(file ?? []);
                    part.Headers.ContentType = new MediaTypeHeaderValue(file is null ? "application/octet-stream" : contentType);
                    part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
                    {
                        Name = $"\"{fileField}\"", FileName = $"\"{(file is null ? "" : fileName)}\"",
                    };
                    content.Add(part);
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                        continue;
                    if (!withToken && input.Name == "__RequestVerificationToken")
                        continue;
                    Add(input.Name!, input.Value);
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    Add(area.Name!, area.Value);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    Add(select.Name!, select.Value ?? "");
                    break;
            }
        }
        foreach (var (name, value) in fields.Where(f => !seen.Contains(f.Key)))
            content.Add(new StringContent(value), name);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await browser.Client.PostAsync(action, content);

        void Add(string name, string value)
        {
            seen.Add(name);
            content.Add(new StringContent(fields.TryGetValue(name, out var typed) ? typed : value), name);
        }
    }

    /// <summary>Adds a sponsor through the form (with a logo when given) and returns its id.</summary>
    public static async Task<int> CreateSponsorAsync(TestSite site, Browser organizer, string name, byte[]? logo = null, string? website = null)
    {
        var response = await SubmitMultipartAsync(organizer, NewSponsor, "#sponsor-form", new()
        {
            ["Input.Name"] = name,
            ["Input.Address"] = "Số 1 đường Hoàng Văn Thụ, tỉnh Thái Nguyên",
            ["Input.TaxCode"] = TaxCode,
            ["Input.Website"] = website ?? "https://example.vn",
            ["Input.Description"] = "Doanh nghiệp đồng hành cùng Cuộc thi.",
        }, "logo", logo);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sponsor not saved ({(int)response.StatusCode}): {await AdminSteps.TextAsync(response)}");
        return await site.QueryAsync(db => db.Sponsors.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
    }

    /// <summary>Creates a draft MoU with the sponsor through the form and returns its id.</summary>
    public static async Task<int> CreateMouAsync(TestSite site, Browser organizer, int sponsorId, long? value = 100_000_000, string number = "")
    {
        var response = await organizer.SubmitFormAsync(NewMou, new()
        {
            ["Input.SponsorId"] = sponsorId.ToString(),
            ["Input.Number"] = number,
            ["Input.PartyBRepresentative"] = "Nguyễn Văn Bình",
            ["Input.PartyBPosition"] = "Chủ tịch Hiệp hội",
            ["Input.Purpose"] = "Tài trợ giải thưởng của Cuộc thi.",
            ["Input.ValueDong"] = value?.ToString() ?? "",
            ["Input.BenefitLogoOnSite"] = "true",
        }, "#mou-form");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"MoU not saved ({(int)response.StatusCode}): {await AdminSteps.TextAsync(response)}");
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.True(await site.QueryAsync(db => db.SponsorshipMous.AnyAsync(m => m.Id == id && m.SponsorId == sponsorId)));
        return id;
    }

    /// <summary>Saves the MoU form with some fields changed (the rest as the page shows them).</summary>
    public static Task<HttpResponseMessage> SaveTermsAsync(Browser organizer, int mouId, Dictionary<string, string> fields) =>
        organizer.SubmitFormAsync(MouUrl(mouId), fields, "#mou-form");

    public static Task<HttpResponseMessage> ChangeStatusAsync(Browser organizer, int mouId, MouStatus to, string reason = "") =>
        organizer.SubmitFormAsync(MouUrl(mouId), new() { ["Status.To"] = to.ToString(), ["Status.Reason"] = reason }, "#status-form");

    public static Task<HttpResponseMessage> DisburseAsync(Browser organizer, int mouId, long amount, string paidOn = "2025-03-01", string reference = "UNC 01") =>
        organizer.SubmitFormAsync(MouUrl(mouId), new()
        {
            ["Payment.PaidOn"] = paidOn, ["Payment.AmountDong"] = amount.ToString(), ["Payment.Reference"] = reference,
        }, "#disbursement-form");

    /// <summary>The form in a disbursement's row that cancels it (it stays listed, struck through, with the reason).</summary>
    public static string CancelForm(int disbursementId) => $"#huy-giai-ngan-{disbursementId}";

    public static Task<HttpResponseMessage> CancelDisbursementAsync(Browser organizer, int mouId, int disbursementId, string reason) =>
        organizer.SubmitFormAsync(MouUrl(mouId), new() { ["Cancel.Reason"] = reason }, CancelForm(disbursementId));

    public static Task<HttpResponseMessage> DeleteDraftAsync(Browser organizer, int mouId, bool confirmed = true) =>
        organizer.SubmitFormAsync(MouUrl(mouId), confirmed ? new() { ["Delete.Confirmed"] = "true" } : [], "#delete-form");

    public static Task<HttpResponseMessage> UploadScanAsync(Browser organizer, int mouId, byte[] file, string fileName = "bien-ban-da-ky.pdf",
        string contentType = "application/pdf") =>
        SubmitMultipartAsync(organizer, ScanPage(mouId), "#scan-form", [], "banScan", file, fileName, contentType);

    /// <summary>An MoU brought to Đã ký through the forms: number and date, the scan, then the status.</summary>
    public static async Task SignAsync(TestSite site, Browser organizer, int mouId)
    {
        await AdminSteps.LandAsync(organizer, await SaveTermsAsync(organizer, mouId, new() { ["Input.Number"] = "01/BBGN-BTCCT", ["Input.SignedOn"] = "2025-02-28" }));
        await AdminSteps.LandAsync(organizer, await UploadScanAsync(organizer, mouId, Media.Uploads.SampleFiles.Pdf()));
        await AdminSteps.LandAsync(organizer, await ChangeStatusAsync(organizer, mouId, MouStatus.Signed));
        Assert.Equal(MouStatus.Signed, await StatusAsync(site, mouId));
    }

    public static Task<MouStatus> StatusAsync(TestSite site, int mouId) =>
        site.QueryAsync(db => db.SponsorshipMous.Where(m => m.Id == mouId).Select(m => m.Status).SingleAsync());

    public static string Errors(IHtmlDocument page) =>
        string.Join(" ", page.QuerySelectorAll(".alert-error, .field-validation-error").Select(e => e.TextContent.Trim()));

    public static async Task<string> ErrorsAsync(HttpResponseMessage response) => Errors(await Browser.ParseAsync(response));
}
