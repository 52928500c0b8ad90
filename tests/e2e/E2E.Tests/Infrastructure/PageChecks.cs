using System.Net;
using ContestPlatform.Web.Infrastructure;
using Microsoft.Playwright;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>Checks any page of a journey can be put through.</summary>
public static class PageChecks
{
    /// <summary>Nothing wider than the window: a page that scrolls sideways looks broken (wide tables scroll inside their own box).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var width = page.ViewportSize?.Width;
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the {width}px window");
    }

    /// <summary>
    /// Blind judging: none of <paramref name="secrets"/> appears in the page's title, its visible text or its markup
    /// (attributes, alt texts, link and file names included) — compared without case or diacritics, and also as the
    /// slug a file name would carry ("nguyen-van-a").
    /// </summary>
    public static async Task AssertRevealsNoneOfAsync(IPage page, IEnumerable<string> secrets)
    {
        var title = VietnameseText.Fold(await page.TitleAsync());
        var text = VietnameseText.Fold(await page.EvaluateAsync<string>("() => document.body.innerText"));
        var markup = VietnameseText.Fold(WebUtility.HtmlDecode(await page.ContentAsync()));
        foreach (var secret in secrets.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct())
        {
            foreach (var form in new[] { VietnameseText.Fold(secret), VietnameseText.Slugify(secret) }.Where(f => f.Length > 0).Distinct())
            {
                Assert.False(title.Contains(form, StringComparison.Ordinal), $"The title of {page.Url} gives away “{secret}”");
                Assert.False(text.Contains(form, StringComparison.Ordinal), $"The text of {page.Url} gives away “{secret}”");
                Assert.False(markup.Contains(form, StringComparison.Ordinal), $"The markup of {page.Url} gives away “{secret}”");
            }
        }
    }
}
