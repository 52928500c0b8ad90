using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Account.AccountSteps;

namespace ContestPlatform.Web.Tests.Pages.Account;

public sealed class RegisterTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Registering_confirming_and_signing_in_shows_the_name_on_the_account_page()
    {
        var browser = site.NewBrowser();
        var email = NewEmail();

        var registered = await RegisterAsync(browser, email, fullName: "Nguyễn Văn Đức");
        Assert.Equal("/tai-khoan/kiem-tra-email", Location(registered));
        Assert.Contains("kiểm tra hộp thư", Text(await browser.FollowAsync(registered)));

        var mail = Assert.Single(site.Mail.To(email));
        Assert.Equal("Xác nhận địa chỉ email đăng ký tài khoản", mail.Subject);
        Assert.Contains("Nguyễn Văn Đức", mail.HtmlBody);

        var confirmed = await ConfirmFromMailAsync(site, browser, email);
        Assert.Contains("Địa chỉ email đã được xác nhận", Text(confirmed));

        var login = await LoginAsync(browser, email);
        Assert.Equal("/tai-khoan", Location(login));
        var account = Text(await browser.FollowAsync(login));
        Assert.Contains("Nguyễn Văn Đức", account);
        Assert.Contains(email, account);
        Assert.Contains(Roles.Label(Roles.Entrant), account);
        Assert.Contains("Đã xác nhận", account);

        var user = await site.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(TestSite.Start.UtcDateTime, user.CreatedAt);
    }

    [Fact]
    public async Task Signing_in_before_confirming_the_email_is_refused_with_an_explanation()
    {
        var browser = site.NewBrowser();
        var email = NewEmail();
        await RegisterAsync(browser, email);

        var login = await LoginAsync(browser, email);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var text = await TextAsync(login);
        Assert.Contains("chưa được xác nhận email", text);
        Assert.Contains("Gửi lại thư xác nhận", text);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/tai-khoan")).StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_gets_the_ordinary_refusal()
    {
        var browser = site.NewBrowser();
        var email = NewEmail();
        await RegisterAsync(browser, email);

        var text = await TextAsync(await LoginAsync(browser, email, "SaiMatKhau9"));

        Assert.Contains("Email hoặc mật khẩu không đúng.", text);
        Assert.DoesNotContain("chưa được xác nhận", text);
    }

    [Fact]
    public async Task Registering_an_address_twice_shows_the_same_page_and_creates_no_second_account()
    {
        var email = NewEmail();
        var owner = site.NewBrowser();
        await RegisterAsync(owner, email, fullName: "Người Thật");
        await ConfirmFromMailAsync(site, owner, email);

        var again = await RegisterAsync(site.NewBrowser(), email.ToUpperInvariant(), fullName: "Kẻ Mạo Danh", password: "KhacHan456");

        Assert.Equal("/tai-khoan/kiem-tra-email", Location(again));
        Assert.Equal(1, await site.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
        var mails = site.Mail.To(email);
        Assert.Equal(2, mails.Count);
        var warning = Assert.Single(mails, m => m.Subject == "Có người vừa đăng ký bằng email của bạn");
        Assert.Contains("/tai-khoan/quen-mat-khau", warning.HtmlBody);
        Assert.Contains("/tai-khoan/dang-nhap", warning.HtmlBody);
        Assert.Contains("Người Thật", warning.HtmlBody);
        Assert.DoesNotContain("Kẻ Mạo Danh", warning.HtmlBody);
        Assert.Equal("/tai-khoan", Location(await LoginAsync(site.NewBrowser(), email)));
    }

    [Fact]
    public async Task Registering_again_before_confirming_sends_a_fresh_confirmation_link()
    {
        var email = NewEmail();
        await RegisterAsync(site.NewBrowser(), email);

        var again = await RegisterAsync(site.NewBrowser(), email);

        Assert.Equal("/tai-khoan/kiem-tra-email", Location(again));
        Assert.Equal(1, await site.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
        var mails = site.Mail.To(email);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("Xác nhận địa chỉ email đăng ký tài khoản", m.Subject));
    }

    [Fact]
    public async Task An_overlong_name_is_refused_with_a_Vietnamese_message_and_creates_nothing()
    {
        var email = NewEmail();

        var response = await RegisterAsync(site.NewBrowser(), email, fullName: new string('a', 5000));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Họ và tên không được dài quá 100 ký tự.", await TextAsync(response));
        Assert.False(await site.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Empty(site.Mail.To(email));
    }

    [Fact]
    public async Task Overlong_email_and_password_are_refused_in_Vietnamese()
    {
        var email = new string('a', 300) + "@example.vn";

        var response = await RegisterAsync(site.NewBrowser(), email, password: "a1" + new string('b', 5000));

        var text = await TextAsync(response);
        Assert.Contains("Email không được dài quá 256 ký tự.", text);
        Assert.Contains("Mật khẩu phải dài từ 8 đến 100 ký tự.", text);
        Assert.False(await site.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Registering_without_accepting_the_rules_is_refused()
    {
        var email = NewEmail();

        var response = await RegisterAsync(site.NewBrowser(), email, acceptRules: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng đồng ý với Thể lệ cuộc thi để đăng ký.", await TextAsync(response));
        Assert.False(await site.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_weak_password_is_refused_the_same_way_for_new_and_registered_addresses()
    {
        var taken = NewEmail();
        await RegisterAsync(site.NewBrowser(), taken);

        var forNew = await TextAsync(await RegisterAsync(site.NewBrowser(), NewEmail(), password: "chiluchu"));
        var forTaken = await TextAsync(await RegisterAsync(site.NewBrowser(), taken, password: "chiluchu"));

        Assert.Contains("Mật khẩu phải có ít nhất một chữ số (0-9).", forNew);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số (0-9).", forTaken);
    }

    [Fact]
    public async Task Mismatched_password_confirmation_is_refused()
    {
        var browser = site.NewBrowser();
        var response = await browser.SubmitFormAsync("/tai-khoan/dang-ky", new()
        {
            ["Input.FullName"] = "Trần Văn Bình",
            ["Input.Email"] = NewEmail(),
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = "MatKhau124",
            ["Input.AcceptRules"] = "true",
        });

        Assert.Contains("Nhập lại mật khẩu không khớp.", await TextAsync(response));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_creates_nothing()
    {
        var email = NewEmail();
        var response = await site.NewBrowser().SubmitFormAsync("/tai-khoan/dang-ky", new()
        {
            ["Input.FullName"] = "Lê Thị Lan",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["Input.AcceptRules"] = "true",
        }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await site.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Empty(site.Mail.To(email));
    }

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused_and_leaves_the_email_unconfirmed()
    {
        var browser = site.NewBrowser();
        var email = NewEmail();
        await RegisterAsync(browser, email);
        var link = site.Mail.LinkIn(email, "/tai-khoan/xac-nhan-email");

        var (response, page) = await browser.GetAsync(link[..^6] + "AAAAAA");
        var (garbage, _) = await browser.GetAsync("/tai-khoan/xac-nhan-email?userId=khong-co&code=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("Liên kết xác nhận không hợp lệ hoặc đã hết hạn", Text(page));
        Assert.False(await site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Resending_the_confirmation_answers_the_same_for_any_address_and_mails_only_unconfirmed_accounts()
    {
        var unconfirmed = NewEmail();
        await RegisterAsync(site.NewBrowser(), unconfirmed);
        var confirmed = NewEmail();
        await site.CreateUserAsync(confirmed);
        var unknown = NewEmail();
        var browser = site.NewBrowser();

        var answers = new List<string>();
        foreach (var email in new[] { unconfirmed, confirmed, unknown })
        {
            var response = await browser.SubmitFormAsync("/tai-khoan/gui-lai-xac-nhan", new() { ["Input.Email"] = email });
            answers.Add(Text(await browser.FollowAsync(response)).Replace(email, ""));
        }

        Assert.All(answers, a => Assert.Contains("Nếu địa chỉ này đã đăng ký và chưa được xác nhận", a));
        Assert.Equal(2, site.Mail.To(unconfirmed).Count);
        Assert.Empty(site.Mail.To(confirmed));
        Assert.Empty(site.Mail.To(unknown));

        // The newest link works as well as the first.
        Assert.Contains("Địa chỉ email đã được xác nhận", Text(await ConfirmFromMailAsync(site, browser, unconfirmed)));
    }
}
