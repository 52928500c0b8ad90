using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

public sealed class LoginPage(IPage page) : SiteChrome(page)
{
    public async Task OpenAsync() => await Page.GotoAsync("/tai-khoan/dang-nhap");

    public async Task LogInAsync(string email, string password)
    {
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }
}
