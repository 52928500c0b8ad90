using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

public sealed class HomePage(IPage page) : SiteChrome(page)
{
    public async Task<HomePage> OpenAsync()
    {
        await Page.GotoAsync("/");
        return this;
    }

    public ILocator CurrentPhase => Page.GetByRole(AriaRole.Status).First;
}
