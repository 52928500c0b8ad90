using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/thi-sinh/ho-so: who enters, and how the secretariat reaches them.</summary>
public sealed class EntrantProfilePage(IPage page) : SiteChrome(page)
{
    public async Task SaveAsync(string entrantType, string phone, string commune)
    {
        await Page.GetByLabel("Loại đối tượng").SelectOptionAsync(new SelectOptionValue { Label = entrantType });
        await Page.GetByLabel("Số điện thoại").FillAsync(phone);
        await Page.GetByLabel("Xã/phường").SelectOptionAsync(new SelectOptionValue { Label = commune });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
    }
}
