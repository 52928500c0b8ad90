using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>The header every page shares; on a phone the navigation sits behind the "Menu" button.</summary>
public class SiteChrome(IPage page)
{
    protected IPage Page { get; } = page;

    public ILocator MainHeading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task NavigateAsync(string linkText)
    {
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" });
        if (!await nav.IsVisibleAsync())
            await Page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true }).ClickAsync();
    }
}
