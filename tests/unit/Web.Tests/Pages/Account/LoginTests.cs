using System.Net;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Pages.Account.AccountSteps;

namespace ContestPlatform.Web.Tests.Pages.Account;

public sealed class LoginTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Vietnamese_message()
    {
        var email = NewEmail();
        await site.CreateUserAsync(email);

        var response = await LoginAsync(site.NewBrowser(), email, "SaiMatKhau9");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Email hoặc mật khẩu không đúng.", await TextAsync(response));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_message_as_a_wrong_password()
    {
        var response = await LoginAsync(site.NewBrowser(), NewEmail());

        Assert.Contains("Email hoặc mật khẩu không đúng.", await TextAsync(response));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = NewEmail();
        await site.CreateUserAsync(email);
        var browser = site.NewBrowser();

        for (var attempt = 1; attempt <= 4; attempt++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await LoginAsync(browser, email, $"SaiMatKhau{attempt}")).StatusCode);
        var fifth = await LoginAsync(browser, email, "SaiMatKhau5");
        Assert.Equal("/tai-khoan/bi-khoa", Location(fifth));

        var rightPassword = await LoginAsync(browser, email);

        Assert.Equal("/tai-khoan/bi-khoa", Location(rightPassword));
        var lockedPage = Text(await browser.FollowAsync(rightPassword));
        Assert.Contains("Tài khoản tạm bị khóa", lockedPage);
        Assert.Contains("15 phút", lockedPage);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/tai-khoan")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_to_another_site_is_not_followed(string returnUrl)
    {
        var email = NewEmail();
        await site.CreateUserAsync(email);

        var response = await LoginAsync(site.NewBrowser(), email, returnUrl: returnUrl);

        Assert.Equal("/tai-khoan", Location(response));
    }

    [Fact]
    public async Task A_return_url_on_this_site_is_followed_after_signing_in()
    {
        var email = NewEmail();
        await site.CreateUserAsync(email);

        var response = await LoginAsync(site.NewBrowser(), email, returnUrl: "/tai-khoan/doi-mat-khau");

        Assert.Equal("/tai-khoan/doi-mat-khau", Location(response));
    }

    [Fact]
    public async Task An_anonymous_visitor_to_the_account_page_is_sent_to_sign_in_and_brought_back()
    {
        var browser = site.NewBrowser();
        var email = NewEmail();
        await site.CreateUserAsync(email);

        var visit = await browser.Client.GetAsync("/tai-khoan/doi-mat-khau");
        var loginUrl = Location(visit);
        Assert.StartsWith("http://localhost/tai-khoan/dang-nhap?ReturnUrl=", loginUrl);

        var login = await browser.SubmitFormAsync(new Uri(loginUrl).PathAndQuery,
            new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        Assert.Equal("/tai-khoan/doi-mat-khau", Location(login));
    }

    [Fact]
    public async Task Signing_out_needs_a_post_and_ends_the_session()
    {
        var (browser, _) = await SignedInAsync(site);

        var page = await browser.GetPageAsync("/tai-khoan/dang-xuat");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/tai-khoan")).StatusCode);
        Assert.Contains("Bạn có muốn đăng xuất", Text(page));

        var response = await browser.SubmitFormAsync("/tai-khoan/dang-xuat", new());

        Assert.Equal("/", Location(response));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/tai-khoan")).StatusCode);
    }

    [Fact]
    public async Task The_header_sign_out_button_works()
    {
        var (browser, _) = await SignedInAsync(site);
        var home = await browser.GetPageAsync("/tai-khoan");
        var form = home.Forms.Single(f => (f.Action ?? "").Contains("dang-xuat"));

        var response = await browser.SubmitAsync(form, "/tai-khoan", new());

        Assert.Equal("/", Location(response));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/tai-khoan")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        var (browser, _) = await SignedInAsync(site);

        var response = await browser.SubmitFormAsync("/tai-khoan/dang-xuat", new(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/tai-khoan")).StatusCode);
    }

    [Fact]
    public async Task The_access_denied_page_answers_403_in_Vietnamese()
    {
        var (response, page) = await site.NewBrowser().GetAsync("/tai-khoan/tu-choi");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Không có quyền truy cập", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("liên hệ Tổ thư ký Cuộc thi để được cấp quyền", Text(page));
    }
}
