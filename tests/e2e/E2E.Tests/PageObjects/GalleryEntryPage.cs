using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/cong-trinh/{code}: one accepted entry, with its photos, video player and documents.</summary>
public sealed class GalleryEntryPage(IPage page) : SiteChrome(page)
{
    public ILocator Photos => Page.GetByRole(AriaRole.Region, new() { Name = "Hình ảnh" }).GetByRole(AriaRole.Img);

    public ILocator Video => Page.GetByRole(AriaRole.Region, new() { Name = "Video" }).Locator("video");

    public ILocator Documents => Page.GetByRole(AriaRole.Region, new() { Name = "Tài liệu" });
}
