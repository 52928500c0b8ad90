using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Account.AccountSteps;

namespace ContestPlatform.Web.Tests.Pages.Account;

public sealed class ManageTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Saving_a_new_name_shows_it_in_the_header_at_once()
    {
        var (browser, email) = await SignedInAsync(site);

        var saved = await browser.SubmitFormAsync("/tai-khoan", new() { ["Input.FullName"] = "  Hoàng Minh Châu  " });

        Assert.Equal("/tai-khoan", Location(saved));
        var page = await browser.FollowAsync(saved);
        Assert.Contains("Đã lưu thông tin tài khoản.", Text(page));
        Assert.Equal("Hoàng Minh Châu", page.QuerySelector(".account-nav a[href='/tai-khoan']")!.TextContent.Trim());
        Assert.Equal("Hoàng Minh Châu", await site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task An_empty_or_overlong_name_is_refused_and_nothing_changes()
    {
        var (browser, email) = await SignedInAsync(site);

        var empty = await browser.SubmitFormAsync("/tai-khoan", new() { ["Input.FullName"] = "" });
        var overlong = await browser.SubmitFormAsync("/tai-khoan", new() { ["Input.FullName"] = new string('x', 5000) });

        Assert.Contains("Vui lòng nhập Họ và tên.", await TextAsync(empty));
        Assert.Contains("Họ và tên không được dài quá 100 ký tự.", await TextAsync(overlong));
        Assert.Equal("Người Thử", await site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task The_account_page_lists_roles_with_their_Vietnamese_labels()
    {
        var (browser, _) = await SignedInAsync(site, Roles.Judge, Roles.Organizer);

        var text = Text(await browser.GetPageAsync("/tai-khoan"));

        Assert.Contains("Giám khảo, Tổ thư ký / Quản trị", text);
        Assert.Contains("Chưa bật", text);
        Assert.Contains("01/03/2025", text);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var (browser, email) = await SignedInAsync(site);

        var wrong = await browser.SubmitFormAsync("/tai-khoan/doi-mat-khau", new()
        {
            ["Input.OldPassword"] = "KhongPhai1",
            ["Input.NewPassword"] = "MatKhauMoi456",
            ["Input.ConfirmPassword"] = "MatKhauMoi456",
        });
        Assert.Contains("Mật khẩu hiện tại không đúng.", await TextAsync(wrong));

        var changed = await browser.SubmitFormAsync("/tai-khoan/doi-mat-khau", new()
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = "MatKhauMoi456",
            ["Input.ConfirmPassword"] = "MatKhauMoi456",
        });
        Assert.Equal("/tai-khoan/doi-mat-khau", Location(changed));
        Assert.Contains("Đã đổi mật khẩu.", Text(await browser.FollowAsync(changed)));

        // This device stays signed in; elsewhere only the new password works.
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/tai-khoan")).StatusCode);
        Assert.Contains("Email hoặc mật khẩu không đúng.", await TextAsync(await LoginAsync(site.NewBrowser(), email, Password)));
        Assert.Equal("/tai-khoan", Location(await LoginAsync(site.NewBrowser(), email, "MatKhauMoi456")));
    }
}
