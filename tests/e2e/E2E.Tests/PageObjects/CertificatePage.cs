using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/chung-nhan/{code}: where a certificate's QR code leads.</summary>
public sealed class CertificatePage(IPage page) : SiteChrome(page)
{
    public ILocator Valid => Page.Locator("#hop-le");

    public ILocator Facts => Page.Locator("#giai");

    public ILocator PdfLink => Page.GetByRole(AriaRole.Link, new() { Name = "Tải giấy chứng nhận (PDF)" });
}
