using System.Text.RegularExpressions;
using ContestPlatform.E2E.Infrastructure;
using ContestPlatform.E2E.PageObjects;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestPlatform.E2E.Journeys;

/// <summary>A citizen on a 360×740 phone: home → Thể lệ → register → confirm by email → log in → account page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitizenSignUpJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_reads_the_rules_registers_confirms_and_reaches_their_account()
    {
        await using var context = await browser.NewPhoneAsync();
        var page = await context.NewPageAsync();
        var email = $"hoa{Guid.NewGuid():N}"[..15] + "@example.vn";
        const string password = "SangTao2025";

        var home = await new HomePage(page).OpenAsync();
        await Expect(home.MainHeading).ToContainTextAsync("Đổi mới sáng tạo - vì Thái Nguyên thân yêu");
        await Expect(home.CurrentPhase).ToContainTextAsync("Nhận hồ sơ dự thi");
        await AssertFitsThePhoneAsync(page);
        await Artifacts.ScreenshotAsync(page, "01-trang-chu");

        await home.NavigateAsync("Thể lệ");
        var rules = new RulesPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/the-le$"));
        await Expect(rules.MainHeading).ToHaveTextAsync("Thể lệ cuộc thi");
        await Expect(rules.VersionLine).ToContainTextAsync("Phiên bản 1");
        Assert.True(await rules.Articles.CountAsync() >= 8);
        await AssertFitsThePhoneAsync(page);
        await Artifacts.ScreenshotAsync(page, "02-the-le", fullPage: false);

        await page.GotoAsync("/tai-khoan/dang-ky");
        await new RegisterPage(page).RegisterAsync("Nguyễn Thị Hoa", email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("kiểm tra hộp thư");
        await Artifacts.ScreenshotAsync(page, "03-kiem-tra-email");

        var confirmLink = await browser.Site.Mail.WaitForLinkAsync(email, "/tai-khoan/xac-nhan-email");
        await page.GotoAsync(new Uri(confirmLink).PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("đã được xác nhận");
        await Artifacts.ScreenshotAsync(page, "04-xac-nhan-email");

        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(email, password);
        await Expect(page).ToHaveURLAsync(new Regex("/tai-khoan$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tài khoản của tôi");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Họ và tên" })).ToHaveValueAsync("Nguyễn Thị Hoa");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Thí sinh / Đơn vị dự thi");
        await AssertFitsThePhoneAsync(page);
        await Artifacts.ScreenshotAsync(page, "05-tai-khoan");
    }

    /// <summary>Nothing wider than the screen: a page that scrolls sideways on a phone looks broken.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the 360px screen");
    }
}
