using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/cong-trinh: the public gallery of accepted entries, searchable with or without Vietnamese diacritics.</summary>
public sealed class GalleryPage(IPage page) : SiteChrome(page)
{
    public async Task<GalleryPage> OpenAsync()
    {
        await Page.GotoAsync("/cong-trinh");
        return this;
    }

    public ILocator ResultCount => Page.Locator(".result-count");

    public ILocator Empty => Page.Locator(".gallery-empty");

    public ILocator Cards => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByRole(AriaRole.Heading) });

    public ILocator Card(string title) => Cards.Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = title }) });

    /// <summary>The card's thumbnail (decorative: the heading link names the entry).</summary>
    public ILocator Thumbnail(string title) => Card(title).Locator(".gallery-thumb img");

    public async Task SearchAsync(string words)
    {
        var search = Page.GetByRole(AriaRole.Search, new() { Name = "Tìm công trình" });
        await search.GetByLabel("Từ khóa").FillAsync(words);
        await search.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
    }

    public Task OpenAsync(string title) => Card(title).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();

    public Task OpenEntryAsync(string title) => OpenAsync(title);
}
