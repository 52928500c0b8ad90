using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

public sealed class RulesPage(IPage page) : SiteChrome(page)
{
    public ILocator VersionLine => Page.Locator("p.meta").First;
    public ILocator Articles => Page.Locator("article.prose h3");
}
