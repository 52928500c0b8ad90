using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/ho-so: the secretariat's queue of entries, by status.</summary>
public sealed class EntriesQueuePage(IPage page) : SiteChrome(page)
{
    public async Task<EntriesQueuePage> OpenAsync()
    {
        await Page.GotoAsync("/quan-tri/ho-so");
        return this;
    }

    public ILocator Row(string title) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });

    public Task OpenAsync(string title) => Row(title).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
}
