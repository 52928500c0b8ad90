using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/cham-diem/ket-qua/{round}/cong-trinh/{entry}: every judge's scores of one entry; re-opening a sheet.</summary>
public sealed class EntryResultsPage(IPage page) : SiteChrome(page)
{
    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public ILocator ScoreTable => Page.Locator("#bang-diem");

    /// <summary>One judge's sheet card, found by the judge's name.</summary>
    public ILocator Sheet(string judge) =>
        Page.Locator("article.sheet-card").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = judge, Exact = true }) });

    public async Task ReopenAsync(string judge, string reason)
    {
        var sheet = Sheet(judge);
        await sheet.GetByLabel("Lý do mở lại phiếu (bắt buộc)").FillAsync(reason);
        await sheet.GetByRole(AriaRole.Button, new() { Name = "Mở lại phiếu" }).ClickAsync();
    }

    public async Task<ResultsPage> BackToResultsAsync()
    {
        await Page.Locator("p.breadcrumb").GetByRole(AriaRole.Link).ClickAsync();
        return new ResultsPage(Page);
    }
}
