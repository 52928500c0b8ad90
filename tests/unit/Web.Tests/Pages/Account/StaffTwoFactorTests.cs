using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Account.AccountSteps;

namespace ContestPlatform.Web.Tests.Pages.Account;

/// <summary>Each test turns the contest-wide requirement on, so each gets a site of its own.</summary>
public sealed class StaffTwoFactorTests
{
    private const string GateTarget = "/tai-khoan/xac-thuc-hai-lop?batBuoc=true";

    [Fact]
    public async Task A_judge_without_two_factor_is_sent_to_set_it_up_with_the_reason()
    {
        using var site = new TestSite();
        var (browser, _) = await SignedInAsync(site, Roles.Judge);
        await RequireTwoFactorForStaffAsync(site);

        var sent = await browser.Client.GetAsync("/giam-khao");
        Assert.Equal(GateTarget, Location(sent));
        var page = Text(await browser.FollowAsync(sent));

        Assert.Contains("Ban Tổ chức yêu cầu xác thực hai lớp", page);
        Assert.Contains("Giám khảo", page);
    }

    [Fact]
    public async Task Enabling_two_factor_lets_staff_past_the_gate_at_once()
    {
        using var site = new TestSite();
        var (browser, _) = await SignedInAsync(site, Roles.Organizer);
        await RequireTwoFactorForStaffAsync(site);
        Assert.Equal(GateTarget, Location(await browser.Client.GetAsync("/quan-tri")));

        await TwoFactorTests.EnableAsync(browser);

        var after = await browser.Client.GetAsync("/quan-tri");
        Assert.NotEqual(GateTarget, after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Staff_cannot_turn_two_factor_off_while_the_contest_requires_it()
    {
        using var site = new TestSite();
        var (browser, email) = await SignedInAsync(site, Roles.Judge);
        await TwoFactorTests.EnableAsync(browser);
        await RequireTwoFactorForStaffAsync(site);

        var page = await browser.GetPageAsync("/tai-khoan/xac-thuc-hai-lop");
        Assert.Null(page.QuerySelector("a[href='/tai-khoan/xac-thuc-hai-lop/tat']"));
        Assert.Contains("Không thể tắt xác thực hai lớp", Text(page));

        // Posting anyway (a stale page, a crafted request) is refused too.
        var token = (await browser.GetPageAsync("/tai-khoan/xac-thuc-hai-lop/dat-lai-khoa"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await browser.Client.PostAsync("/tai-khoan/xac-thuc-hai-lop/tat",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Không thể tắt xác thực hai lớp: Ban Tổ chức yêu cầu xác thực hai lớp đối với vai trò Giám khảo.", await TextAsync(response));
        Assert.True(await site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task An_entrant_is_not_bound_by_the_staff_requirement()
    {
        using var site = new TestSite();
        var (browser, _) = await SignedInAsync(site, Roles.Entrant);
        await RequireTwoFactorForStaffAsync(site);

        var page = Text(await browser.GetPageAsync("/tai-khoan/xac-thuc-hai-lop?batBuoc=true"));

        Assert.DoesNotContain("Ban Tổ chức yêu cầu", page);
    }

    private static Task RequireTwoFactorForStaffAsync(TestSite site) =>
        site.QueryAsync(db => db.Contests.ExecuteUpdateAsync(s => s.SetProperty(c => c.RequireTwoFactorForStaff, true)));
}
