using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/giai-thuong: the published winners by tier, or the empty state before publication.</summary>
public sealed class PublicResultsPage(IPage page) : SiteChrome(page)
{
    public async Task<PublicResultsPage> OpenAsync()
    {
        await Page.GotoAsync("/giai-thuong");
        return this;
    }

    public ILocator NotYetPublished => Page.Locator("#chua-cong-bo");

    public ILocator Tier(string name) => Page.GetByRole(AriaRole.Region, new() { Name = name });

    public ILocator Winner(string code) => Page.Locator($"li[data-code='{code}']");

    public Task OpenCertificateAsync(string code) => Winner(code).GetByRole(AriaRole.Link, new() { Name = "Giấy chứng nhận" }).ClickAsync();
}
