using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin;

public sealed class UserAdminTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<AppUser> UserAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>The roles form with exactly <paramref name="roles"/> ticked.</summary>
    private static async Task<HttpResponseMessage> SetRolesAsync(Browser browser, string userUrl, params string[] roles)
    {
        var page = await browser.GetPageAsync(userUrl);
        var form = page.Forms.Single(f => (f.Action ?? "").Contains("handler=Roles"));
        foreach (var box in form.QuerySelectorAll("input[type=checkbox]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>())
            box.IsChecked = roles.Contains(box.Value);
        return await browser.SubmitAsync(form, userUrl, []);
    }

    [Fact]
    public async Task The_organizer_makes_an_entrant_a_judge()
    {
        var (browser, _) = await SignedInAsync(site);
        var email = NewEmail("giam-khao");
        var user = await site.CreateUserAsync(email, Password, Roles.Entrant);

        var landed = await LandAsync(browser, await SetRolesAsync(browser, $"/quan-tri/nguoi-dung/{user.Id}", Roles.Judge));

        Assert.Contains("Đã cập nhật vai trò: thêm Giám khảo; bỏ Thí sinh / Đơn vị dự thi.", landed.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal([Roles.Judge], await RolesOfAsync(email));
        Assert.True(landed.QuerySelector("#role-judge")!.HasAttribute("checked"));
        Assert.False(landed.QuerySelector("#role-entrant")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task An_organizer_cannot_remove_their_own_organizer_role()
    {
        var (browser, email) = await SignedInAsync(site);
        var me = await UserAsync(email);

        var response = await SetRolesAsync(browser, $"/quan-tri/nguoi-dung/{me.Id}", Roles.Judge);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Bạn không thể tự bỏ vai trò “Tổ thư ký / Quản trị” của chính mình.",
            (await Browser.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal([Roles.Organizer], await RolesOfAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/quan-tri")).Response.StatusCode);
    }

    [Fact]
    public async Task An_organizer_may_add_a_role_to_their_own_account_and_keeps_working()
    {
        var (browser, email) = await SignedInAsync(site);
        var me = await UserAsync(email);

        await LandAsync(browser, await SetRolesAsync(browser, $"/quan-tri/nguoi-dung/{me.Id}", Roles.Organizer, Roles.Committee));

        Assert.Equal([Roles.Committee, Roles.Organizer], (await RolesOfAsync(email)).Order());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/quan-tri")).Response.StatusCode);
    }

    [Fact]
    public async Task Locking_an_account_stops_its_sign_in_until_it_is_unlocked()
    {
        var (browser, _) = await SignedInAsync(site);
        var email = NewEmail("bi-khoa");
        var user = await site.CreateUserAsync(email, Password, Roles.Entrant);
        var url = $"/quan-tri/nguoi-dung/{user.Id}";

        var locked = await LandAsync(browser, await browser.SubmitFormAsync(url, [], "form[action*='handler=Lock']"));

        Assert.Contains($"Đã khóa tài khoản {email}", Text(locked));
        Assert.Contains("Đã khóa", locked.QuerySelector("dl")!.TextContent);
        var login = await site.NewBrowser().SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/tai-khoan/bi-khoa", login.Headers.Location?.OriginalString);

        var unlocked = await LandAsync(browser, await browser.SubmitFormAsync(url, [], "form[action*='handler=Unlock']"));

        Assert.Contains($"Đã mở khóa tài khoản {email}", Text(unlocked));
        var again = await site.NewBrowser().SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.NotEqual("/tai-khoan/bi-khoa", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_user_page_shows_email_confirmation_and_two_factor_status()
    {
        var (browser, _) = await SignedInAsync(site);
        var user = await site.CreateUserAsync(NewEmail(), Password, Roles.Judge);

        var page = await browser.GetPageAsync($"/quan-tri/nguoi-dung/{user.Id}");

        var facts = page.QuerySelector("dl")!.TextContent;
        Assert.Contains("Xác nhận email", facts);
        Assert.Contains("Đã xác nhận", facts);
        Assert.Contains("Xác thực hai lớp", facts);
        Assert.Contains("Chưa bật", facts);
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_the_list_is_paged_by_20()
    {
        var (browser, _) = await SignedInAsync(site);
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 1; i <= 23; i++)
        {
            var user = await site.CreateUserAsync($"tim-{tag}-{i:00}@example.vn", Password, Roles.Entrant);
            await using var scope = site.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.FullName = $"Nguyễn Thị Đào {tag}";
            await users.UpdateAsync(stored);
        }

        var first = await browser.GetPageAsync($"/quan-tri/nguoi-dung?q=nguyen+thi+dao+{tag}");
        var second = await browser.GetPageAsync($"/quan-tri/nguoi-dung?q=nguyen+thi+dao+{tag}&trang=2");
        var byEmail = await browser.GetPageAsync($"/quan-tri/nguoi-dung?q=tim-{tag}-07");

        Assert.Equal(20, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("23 tài khoản", Text(first));
        Assert.NotNull(first.QuerySelector("nav[aria-label='Phân trang'] a[href*='trang=2']"));
        Assert.Equal(3, second.QuerySelectorAll("tbody tr").Length);
        Assert.Single(byEmail.QuerySelectorAll("tbody tr"));
        Assert.Contains($"tim-{tag}-07@example.vn", byEmail.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task The_list_can_be_filtered_by_role()
    {
        var (browser, _) = await SignedInAsync(site);
        var judge = await site.CreateUserAsync(NewEmail("loc-giam-khao"), Password, Roles.Judge);

        var page = await browser.GetPageAsync($"/quan-tri/nguoi-dung?vaiTro={Roles.Judge}");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(judge.Email!));
        Assert.All(rows, r => Assert.Contains("Giám khảo", r));
    }
}
