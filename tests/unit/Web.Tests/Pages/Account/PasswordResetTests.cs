using System.Net;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Pages.Account.AccountSteps;

namespace ContestPlatform.Web.Tests.Pages.Account;

public sealed class PasswordResetTests(TestSite site) : IClassFixture<TestSite>
{
    private const string NewPassword = "MatKhauMoi456";

    [Fact]
    public async Task Resetting_through_the_mailed_link_replaces_the_password()
    {
        var email = NewEmail();
        await site.CreateUserAsync(email);
        var browser = site.NewBrowser();

        var asked = await browser.SubmitFormAsync("/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = email });
        Assert.Equal("/tai-khoan/quen-mat-khau/da-gui", Location(asked));
        Assert.Equal("Đặt lại mật khẩu tài khoản", Assert.Single(site.Mail.To(email)).Subject);

        var reset = await ResetAsync(browser, site.Mail.LinkIn(email, "/tai-khoan/dat-lai-mat-khau"), NewPassword);
        Assert.Equal("/tai-khoan/dang-nhap", Location(reset));
        Assert.Contains("Đã đặt lại mật khẩu", Text(await browser.FollowAsync(reset)));

        Assert.Contains("Email hoặc mật khẩu không đúng.", await TextAsync(await LoginAsync(browser, email, Password)));
        Assert.Equal("/tai-khoan", Location(await LoginAsync(browser, email, NewPassword)));
    }

    [Fact]
    public async Task A_reset_link_works_only_once()
    {
        var email = NewEmail();
        await site.CreateUserAsync(email);
        var browser = site.NewBrowser();
        await browser.SubmitFormAsync("/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = email });
        var link = site.Mail.LinkIn(email, "/tai-khoan/dat-lai-mat-khau");
        await ResetAsync(browser, link, NewPassword);

        var second = await ResetAsync(browser, link, "MatKhauKhac789");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("Liên kết đặt lại mật khẩu không hợp lệ", await TextAsync(second));
        Assert.Equal("/tai-khoan", Location(await LoginAsync(browser, email, NewPassword)));
    }

    [Fact]
    public async Task Resetting_the_password_unlocks_a_locked_account()
    {
        var email = NewEmail();
        await site.CreateUserAsync(email);
        var browser = site.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
            await LoginAsync(browser, email, $"SaiMatKhau{attempt}");
        Assert.Equal("/tai-khoan/bi-khoa", Location(await LoginAsync(browser, email)));

        await browser.SubmitFormAsync("/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = email });
        await ResetAsync(browser, site.Mail.LinkIn(email, "/tai-khoan/dat-lai-mat-khau"), NewPassword);

        Assert.Equal("/tai-khoan", Location(await LoginAsync(browser, email, NewPassword)));
    }

    [Fact]
    public async Task Unknown_and_unconfirmed_addresses_get_the_same_answer_and_no_reset_link()
    {
        var unknown = NewEmail();
        var unconfirmed = NewEmail();
        await RegisterAsync(site.NewBrowser(), unconfirmed);
        var browser = site.NewBrowser();

        var forUnknown = await browser.SubmitFormAsync("/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = unknown });
        var forUnconfirmed = await browser.SubmitFormAsync("/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = unconfirmed });

        Assert.Equal("/tai-khoan/quen-mat-khau/da-gui", Location(forUnknown));
        Assert.Equal("/tai-khoan/quen-mat-khau/da-gui", Location(forUnconfirmed));
        Assert.Empty(site.Mail.To(unknown));
        Assert.All(site.Mail.To(unconfirmed), m => Assert.DoesNotContain("/tai-khoan/dat-lai-mat-khau", m.HtmlBody));
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_in_Vietnamese_and_the_link_stays_usable()
    {
        var email = NewEmail();
        await site.CreateUserAsync(email);
        var browser = site.NewBrowser();
        await browser.SubmitFormAsync("/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = email });
        var link = site.Mail.LinkIn(email, "/tai-khoan/dat-lai-mat-khau");

        var weak = await ResetAsync(browser, link, "khongcoso");

        Assert.Contains("Mật khẩu phải có ít nhất một chữ số (0-9).", await TextAsync(weak));
        Assert.Equal("/tai-khoan/dang-nhap", Location(await ResetAsync(browser, link, NewPassword)));
    }

    [Fact]
    public async Task A_reset_page_opened_without_its_code_explains_instead_of_showing_a_form()
    {
        var (response, page) = await site.NewBrowser().GetAsync("/tai-khoan/dat-lai-mat-khau");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Liên kết đặt lại mật khẩu không đầy đủ", Text(page));
        Assert.DoesNotContain(page.Forms, f => f.Method == "post" && !(f.Action ?? "").Contains("dang-xuat"));
    }

    private static Task<HttpResponseMessage> ResetAsync(Browser browser, string link, string password) =>
        browser.SubmitFormAsync(link, new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
}
