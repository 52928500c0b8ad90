using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/le-trao-giai: the presenter's console at the ceremony.</summary>
public sealed class CeremonyConsolePage(IPage page) : SiteChrome(page)
{
    public async Task<CeremonyConsolePage> OpenAsync()
    {
        await Page.GotoAsync("/quan-tri/le-trao-giai");
        return this;
    }

    public ILocator RevealNext => Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Công bố giải tiếp theo") });

    /// <summary>What a presentation clicker sends for “next slide”.</summary>
    public Task PressClickerAsync() => Page.Keyboard.PressAsync("PageDown");

    public ILocator Undo => Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Hoàn tác") });

    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public ILocator Progress => Page.Locator("#tien-do");

    public ILocator AudienceLink => Page.GetByRole(AriaRole.Link, new() { Name = "Mở màn hình khán giả (trang mới)" });
}
