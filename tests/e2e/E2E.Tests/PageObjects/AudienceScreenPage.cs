using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/le-trao-giai: the audience screen on the projector.</summary>
public sealed class AudienceScreenPage(IPage page)
{
    public IPage Page { get; } = page;

    public async Task<AudienceScreenPage> OpenAsync()
    {
        await Page.GotoAsync("/le-trao-giai");
        return this;
    }

    /// <summary>The big heading: “Lễ trao giải” on the title card, the entry's title once an award is on the screen.</summary>
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator CurrentAward => Page.GetByRole(AriaRole.Region, new() { Name = "Giải vừa công bố" });

    public ILocator Tier => CurrentAward.Locator(".award-tier");

    public ILocator Earlier => Page.GetByRole(AriaRole.Complementary, new() { Name = "Đã công bố" }).GetByRole(AriaRole.Listitem);

    public ILocator Reconnecting => Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Mất kết nối" });
}
