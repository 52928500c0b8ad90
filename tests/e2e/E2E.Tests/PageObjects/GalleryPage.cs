using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/cong-trinh: the accepted entries, searchable with or without Vietnamese diacritics.</summary>
public sealed class GalleryPage(IPage page) : SiteChrome(page)
{
    public async Task<GalleryPage> OpenAsync()
    {
        await Page.GotoAsync("/cong-trinh");
        return this;
    }

    public ILocator ResultCount => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public async Task SearchAsync(string words)
    {
        var search = Page.GetByRole(AriaRole.Search, new() { Name = "Tìm công trình" });
        await search.GetByLabel("Từ khóa").FillAsync(words);
        await search.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
    }

    public async Task OpenEntryAsync(string title) =>
        await Page.GetByRole(AriaRole.Heading, new() { Name = title }).GetByRole(AriaRole.Link).ClickAsync();
}
