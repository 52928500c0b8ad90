using System.Globalization;
using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/giam-khao/vong/{round}/cong-trinh/{label}: the redacted entry beside the judge's score sheet.</summary>
public sealed class ScorePage(IPage page) : SiteChrome(page)
{
    /// <summary>The confirmation after a save or submit (the running total, an &lt;output&gt;, is a status too).</summary>
    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).Locator(".alert[role=status]");

    /// <summary>The redacted entry (title, sections, photos, documents).</summary>
    public ILocator Entry => Page.Locator("article.blind-entry");

    /// <summary>“Chưa chấm”, “Nháp” or “Đã nộp”.</summary>
    public ILocator SheetState => Page.Locator("#trang-thai-phieu");

    public ILocator RunningTotal => Page.Locator("#tong-diem");

    public ILocator Points(string code) => Page.GetByLabel($"Điểm tiêu chí {code}", new() { Exact = true });

    public ILocator Comment(string code) => Page.GetByLabel($"Nhận xét tiêu chí {code}", new() { Exact = true });

    public ILocator GeneralComment => Page.GetByLabel("Nhận xét chung", new() { Exact = true });

    /// <summary>The confirmation step's summary of what will be submitted.</summary>
    public ILocator Confirmation => Page.Locator("#xac-nhan");

    public ILocator Submitted => Page.Locator("#da-nop");

    /// <summary>The secretariat's note on a re-opened sheet, with its reason.</summary>
    public ILocator ReopenedNote => Page.Locator("#mo-lai");

    public ILocator DocumentLinks => Entry.GetByRole(AriaRole.Link).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Tài liệu") });

    /// <summary>Scrolls to the entry's first photo (they load lazily) and waits until it has been decoded.</summary>
    public async Task WaitForPhotoAsync()
    {
        var photo = Entry.GetByRole(AriaRole.Img).First;
        await photo.ScrollIntoViewIfNeededAsync();
        await photo.EvaluateAsync("img => img.decode()");
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The entry's photo does not load for the judge");
    }

    public async Task FillAsync(IReadOnlyDictionary<string, decimal> points, IReadOnlyDictionary<string, string> comments, string generalComment)
    {
        foreach (var (code, value) in points)
            await Points(code).FillAsync(value.ToString(CultureInfo.InvariantCulture));
        foreach (var (code, text) in comments)
            await Comment(code).FillAsync(text);
        await GeneralComment.FillAsync(generalComment);
    }

    public ILocator SaveDraftButton => Page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp", Exact = true });

    public ILocator ConfirmButton => Page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận nộp phiếu chấm", Exact = true });

    public async Task SaveDraftAsync() => await SaveDraftButton.ClickAsync();

    /// <summary>“Nộp phiếu chấm”: saves, then shows the confirmation step.</summary>
    public async Task SubmitAsync() => await Page.GetByRole(AriaRole.Button, new() { Name = "Nộp phiếu chấm", Exact = true }).ClickAsync();

    public async Task ConfirmAsync() => await ConfirmButton.ClickAsync();

    public async Task<JudgeQueuePage> DeclareConflictAsync(string reason)
    {
        await Page.GetByText("Khai báo xung đột lợi ích", new() { Exact = true }).ClickAsync();
        await Page.GetByLabel("Lý do xung đột lợi ích").FillAsync(reason);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Khai báo xung đột và trả lại công trình" }).ClickAsync();
        return new JudgeQueuePage(Page);
    }

    public async Task NextEntryAsync() => await Page.GetByRole(AriaRole.Link, new() { Name = "Công trình tiếp theo" }).ClickAsync();
}
