using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

public sealed class RegisterPage(IPage page) : SiteChrome(page)
{
    public async Task RegisterAsync(string fullName, string email, string password)
    {
        await Page.GetByLabel("Họ và tên").FillAsync(fullName);
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Nhập lại mật khẩu").FillAsync(password);
        await Page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
    }
}
