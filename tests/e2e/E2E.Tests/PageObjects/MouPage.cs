using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/tai-tro/bien-ban/{id}: one sponsorship MoU — its terms, status, disbursements; its scan and print pages.</summary>
public sealed class MouPage(IPage page) : SiteChrome(page)
{
    private int id;

    public async Task<MouPage> OpenAsync(int mouId)
    {
        id = mouId;
        await Page.GotoAsync($"/quan-tri/tai-tro/bien-ban/{id}");
        return this;
    }

    public ILocator StatusMessage => Page.Locator(".alert-success");

    public ILocator Errors => Page.Locator(".alert-error, .field-validation-error");

    public async Task SaveTermsAsync(string number, DateOnly signedOn, long valueDong, string representativeB, string positionB)
    {
        var form = Page.Locator("#mou-form");
        await form.GetByLabel("Số biên bản").FillAsync(number);
        await form.GetByLabel("Ngày ký").FillAsync(signedOn.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Giá trị tài trợ (đồng)").FillAsync(valueDong.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Người đại diện Bên B", new() { Exact = true }).FillAsync(representativeB);
        await form.GetByLabel("Chức vụ người đại diện Bên B").FillAsync(positionB);
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin biên bản" }).ClickAsync();
    }

    public async Task AttachSignedScanAsync(FilePayload scan)
    {
        await Page.GotoAsync($"/quan-tri/tai-tro/bien-ban/{id}/ban-ky");
        await Page.Locator("input[type=file]").SetInputFilesAsync(scan);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tải lên bản scan" }).ClickAsync();
    }

    public async Task MoveToAsync(string status, string reason = "")
    {
        var form = Page.Locator("#status-form");
        await form.GetByLabel("Chuyển sang").SelectOptionAsync(new SelectOptionValue { Label = status });
        if (reason.Length > 0)
            await form.GetByLabel("Lý do").FillAsync(reason);
        await form.GetByRole(AriaRole.Button, new() { Name = "Chuyển trạng thái" }).ClickAsync();
    }

    public async Task DisburseAsync(DateOnly paidOn, long amountDong, string reference)
    {
        var form = Page.Locator("#disbursement-form");
        await form.GetByLabel("Ngày nhận").FillAsync(paidOn.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Số tiền (đồng)", new() { Exact = true }).FillAsync(amountDong.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Chứng từ (số ủy nhiệm chi, biên nhận…)").FillAsync(reference);
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận giải ngân" }).ClickAsync();
    }

    /// <summary>Cancels the disbursement whose row shows <paramref name="reference"/>, from the form folded in that row.</summary>
    public async Task CancelDisbursementAsync(string reference, string reason)
    {
        var row = Page.Locator("#khoan-giai-ngan tbody tr", new() { HasText = reference });
        await row.GetByText("Hủy khoản này").ClickAsync();
        await row.GetByLabel("Lý do hủy").FillAsync(reason);
        await row.GetByRole(AriaRole.Button, new() { Name = "Hủy khoản giải ngân" }).ClickAsync();
    }

    public ILocator Disbursed => Page.Locator("#da-giai-ngan");

    public ILocator Disbursements => Page.GetByRole(AriaRole.Region, new() { Name = "Giải ngân", Exact = true });

    public Task OpenPrintAsync() => Page.GotoAsync($"/quan-tri/tai-tro/bien-ban/{id}/in");

    public ILocator Document => Page.Locator("article.document");
}
