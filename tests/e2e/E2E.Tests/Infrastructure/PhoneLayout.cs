using Microsoft.Playwright;

namespace ContestPlatform.E2E.Infrastructure;

public static class PhoneLayout
{
    /// <summary>Nothing wider than the screen: a page that scrolls sideways on a phone looks broken.</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the {page.ViewportSize?.Width}px screen");
    }
}
