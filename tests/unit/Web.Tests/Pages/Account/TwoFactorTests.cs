using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Account.AccountSteps;

namespace ContestPlatform.Web.Tests.Pages.Account;

public sealed class TwoFactorTests(TestSite site) : IClassFixture<TestSite>
{
    internal const string EnablePage = "/tai-khoan/xac-thuc-hai-lop/bat";

    [Fact]
    public async Task Enabling_with_a_code_from_the_shown_key_turns_two_factor_on_and_shows_ten_recovery_codes_once()
    {
        var (browser, email) = await SignedInAsync(site);

        var page = await browser.GetPageAsync(EnablePage);
        var qr = page.QuerySelector("img[alt='Mã QR để quét bằng ứng dụng xác thực']")!.GetAttribute("src")!;
        Assert.StartsWith("data:image/png;base64,", qr);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(qr["data:image/png;base64,".Length..])[..4]);
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", page.QuerySelector(".shared-key kbd")!.TextContent);

        var (_, codes) = await EnableAsync(browser);

        Assert.Equal(10, codes.Count);
        Assert.True(await site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal("/tai-khoan/xac-thuc-hai-lop", Location(await browser.Client.GetAsync("/tai-khoan/xac-thuc-hai-lop/ma-khoi-phuc")));
        Assert.Contains("Đang bật", Text(await browser.GetPageAsync("/tai-khoan/xac-thuc-hai-lop")));
    }

    [Fact]
    public async Task A_wrong_code_leaves_two_factor_off()
    {
        var (browser, email) = await SignedInAsync(site);
        var page = await browser.GetPageAsync(EnablePage);
        var right = Totp.Now(page.QuerySelector(".shared-key kbd")!.TextContent);
        var wrong = right == "000000" ? "111111" : "000000";

        var response = await browser.SubmitFormAsync(EnablePage, new() { ["Input.Code"] = wrong });
        var letters = await browser.SubmitFormAsync(EnablePage, new() { ["Input.Code"] = "abcdef" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Mã xác thực không đúng.", await TextAsync(response));
        Assert.Contains("Mã xác thực gồm 6 chữ số.", await TextAsync(letters));
        Assert.False(await site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task After_enabling_signing_in_asks_for_the_code_and_keeps_the_return_url()
    {
        var (browser, email) = await SignedInAsync(site);
        var (key, _) = await EnableAsync(browser);
        var other = site.NewBrowser();

        var login = await LoginAsync(other, email, returnUrl: "/tai-khoan/doi-mat-khau");

        Assert.StartsWith("/tai-khoan/dang-nhap-hai-lop", Location(login));
        Assert.Equal(HttpStatusCode.Redirect, (await other.Client.GetAsync("/tai-khoan")).StatusCode);
        var secondStep = Location(login);
        var wrong = await other.SubmitFormAsync(secondStep, new() { ["Input.TwoFactorCode"] = Totp.Now(key) == "123456" ? "654321" : "123456" });
        Assert.Contains("Mã xác thực không đúng hoặc đã hết hạn.", await TextAsync(wrong));

        var done = await other.SubmitFormAsync(secondStep, new() { ["Input.TwoFactorCode"] = Totp.Now(key) });

        Assert.Equal("/tai-khoan/doi-mat-khau", Location(done));
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/tai-khoan")).StatusCode);
    }

    [Fact]
    public async Task The_second_step_cannot_be_opened_without_the_password()
    {
        var response = await site.NewBrowser().Client.GetAsync("/tai-khoan/dang-nhap-hai-lop");

        Assert.StartsWith("/tai-khoan/dang-nhap", Location(response));
        Assert.DoesNotContain("hai-lop", Location(response));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (browser, email) = await SignedInAsync(site);
        var (_, codes) = await EnableAsync(browser);

        var first = site.NewBrowser();
        await LoginAsync(first, email);
        var used = await first.SubmitFormAsync("/tai-khoan/dang-nhap-ma-khoi-phuc", new() { ["Input.RecoveryCode"] = " " + codes[0].ToLowerInvariant() + " " });
        Assert.Equal("/tai-khoan", Location(used));

        var second = site.NewBrowser();
        await LoginAsync(second, email);
        var reused = await second.SubmitFormAsync("/tai-khoan/dang-nhap-ma-khoi-phuc", new() { ["Input.RecoveryCode"] = codes[0] });
        Assert.Contains("Mã khôi phục không đúng hoặc đã được dùng.", await TextAsync(reused));
        Assert.Contains("Còn 9 mã khôi phục", Text(await browser.GetPageAsync("/tai-khoan/xac-thuc-hai-lop")));
    }

    [Fact]
    public async Task An_entrant_can_turn_two_factor_off_again()
    {
        var (browser, email) = await SignedInAsync(site, Roles.Entrant);
        await EnableAsync(browser);

        var response = await browser.SubmitFormAsync("/tai-khoan/xac-thuc-hai-lop/tat", new());

        Assert.Equal("/tai-khoan/xac-thuc-hai-lop", Location(response));
        Assert.Contains("Đã tắt xác thực hai lớp.", Text(await browser.FollowAsync(response)));
        Assert.False(await site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal("/tai-khoan", Location(await LoginAsync(site.NewBrowser(), email)));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (browser, email) = await SignedInAsync(site);
        var (_, oldCodes) = await EnableAsync(browser);

        var made = await browser.SubmitFormAsync("/tai-khoan/xac-thuc-hai-lop/tao-ma-khoi-phuc", new());
        var newCodes = (await browser.FollowAsync(made)).QuerySelectorAll(".recovery-codes kbd").Select(e => e.TextContent).ToList();

        Assert.Equal(10, newCodes.Count);
        var other = site.NewBrowser();
        await LoginAsync(other, email);
        var old = await other.SubmitFormAsync("/tai-khoan/dang-nhap-ma-khoi-phuc", new() { ["Input.RecoveryCode"] = oldCodes[0] });
        Assert.Contains("Mã khôi phục không đúng", await TextAsync(old));
        var fresh = await other.SubmitFormAsync("/tai-khoan/dang-nhap-ma-khoi-phuc", new() { ["Input.RecoveryCode"] = newCodes[0] });
        Assert.Equal("/tai-khoan", Location(fresh));
    }

    [Fact]
    public async Task Resetting_the_key_turns_two_factor_off_until_a_new_code_is_verified()
    {
        var (browser, email) = await SignedInAsync(site);
        var (oldKey, _) = await EnableAsync(browser);

        var reset = await browser.SubmitFormAsync("/tai-khoan/xac-thuc-hai-lop/dat-lai-khoa", new());

        Assert.Equal("/tai-khoan/xac-thuc-hai-lop/bat", Location(reset));
        var page = await browser.FollowAsync(reset);
        Assert.Contains("Đã tạo khóa xác thực mới.", Text(page));
        Assert.NotEqual(oldKey, page.QuerySelector(".shared-key kbd")!.TextContent);
        Assert.False(await site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    /// <summary>Reads the key off the setup page, answers with the current code, and reads the recovery codes shown once.</summary>
    internal static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(Browser browser)
    {
        var page = await browser.GetPageAsync(EnablePage);
        var key = page.QuerySelector(".shared-key kbd")!.TextContent;
        var response = await browser.SubmitFormAsync(EnablePage, new() { ["Input.Code"] = Totp.Now(key) });
        Assert.Equal("/tai-khoan/xac-thuc-hai-lop/ma-khoi-phuc", Location(response));
        var codes = (await browser.FollowAsync(response)).QuerySelectorAll(".recovery-codes kbd").Select(e => e.TextContent).ToList();
        return (key, codes);
    }
}
