using AngleSharp.Html.Dom;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Pages.Account.AccountSteps;

namespace ContestPlatform.Web.Tests.Pages.Account;

/// <summary>What every account page owes a user on a phone: a heading, a Vietnamese title, labelled fields, nothing the CSP blocks.</summary>
public sealed class AccountPagesTests(TestSite site) : IClassFixture<TestSite>
{
    [Theory]
    [InlineData("/tai-khoan/dang-ky", "Đăng ký tài khoản")]
    [InlineData("/tai-khoan/kiem-tra-email", "Vui lòng kiểm tra hộp thư")]
    [InlineData("/tai-khoan/gui-lai-xac-nhan", "Gửi lại thư xác nhận")]
    [InlineData("/tai-khoan/dang-nhap", "Đăng nhập")]
    [InlineData("/tai-khoan/bi-khoa", "Tài khoản tạm bị khóa")]
    [InlineData("/tai-khoan/dang-xuat", "Đăng xuất")]
    [InlineData("/tai-khoan/quen-mat-khau", "Quên mật khẩu")]
    [InlineData("/tai-khoan/quen-mat-khau/da-gui", "Vui lòng kiểm tra hộp thư")]
    public async Task Public_account_pages_are_well_formed(string url, string heading) =>
        AssertWellFormed(await site.NewBrowser().GetPageAsync(url), heading);

    [Theory]
    [InlineData("/tai-khoan", "Tài khoản của tôi")]
    [InlineData("/tai-khoan/doi-mat-khau", "Đổi mật khẩu")]
    [InlineData("/tai-khoan/xac-thuc-hai-lop", "Xác thực hai lớp")]
    [InlineData("/tai-khoan/xac-thuc-hai-lop/bat", "Bật xác thực hai lớp")]
    [InlineData("/tai-khoan/xac-thuc-hai-lop/dat-lai-khoa", "Đặt lại khóa xác thực")]
    public async Task Account_management_pages_are_well_formed(string url, string heading)
    {
        var (browser, _) = await SignedInAsync(site);
        AssertWellFormed(await browser.GetPageAsync(url), heading);
    }

    [Fact]
    public async Task Fields_ask_phones_for_the_right_keyboard_and_autofill()
    {
        var register = await site.NewBrowser().GetPageAsync("/tai-khoan/dang-ky");
        Assert.Equal("name", Input(register, "Input.FullName").GetAttribute("autocomplete"));
        Assert.Equal("email", Input(register, "Input.Email").Type);
        Assert.Equal("email", Input(register, "Input.Email").GetAttribute("autocomplete"));
        Assert.Equal("new-password", Input(register, "Input.Password").GetAttribute("autocomplete"));
        Assert.Equal("/the-le", register.QuerySelector("label[for='Input_AcceptRules'] a")!.GetAttribute("href"));

        var login = await site.NewBrowser().GetPageAsync("/tai-khoan/dang-nhap");
        Assert.Equal("current-password", Input(login, "Input.Password").GetAttribute("autocomplete"));
        Assert.NotNull(login.QuerySelector("a[href='/tai-khoan/dang-ky']"));
        Assert.NotNull(login.QuerySelector("a[href='/tai-khoan/quen-mat-khau']"));

        var (browser, _) = await SignedInAsync(site);
        var enable = await browser.GetPageAsync("/tai-khoan/xac-thuc-hai-lop/bat");
        Assert.Equal("numeric", Input(enable, "Input.Code").GetAttribute("inputmode"));
        Assert.Equal("one-time-code", Input(enable, "Input.Code").GetAttribute("autocomplete"));
    }

    private static IHtmlInputElement Input(IHtmlDocument page, string name) =>
        (IHtmlInputElement)page.QuerySelector($"input[name='{name}']")!;

    private static void AssertWellFormed(IHtmlDocument page, string heading)
    {
        Assert.Equal(heading, Assert.Single(page.QuerySelectorAll("h1")).TextContent.Trim());
        Assert.EndsWith("Đổi mới sáng tạo - vì Thái Nguyên thân yêu", page.Title);
        Assert.False(string.IsNullOrWhiteSpace(page.Title!.Split('–')[0]));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.NotNull(page.QuerySelector("link[href^='/css/account.css']"));
        foreach (var input in page.QuerySelectorAll("main input:not([type=hidden])"))
            Assert.True(page.QuerySelector($"label[for='{input.Id}']") is not null, $"No label for {input.GetAttribute("name")}");
        foreach (var form in page.QuerySelectorAll("main form[method=post]"))
            Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }
}
