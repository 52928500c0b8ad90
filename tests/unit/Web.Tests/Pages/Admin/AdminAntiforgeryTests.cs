using System.Net;
using System.Text.Json;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin;

/// <summary>Every admin form, filled in as if to succeed but posted without its antiforgery token: 400, and nothing changes.</summary>
public sealed class AdminAntiforgeryTests(TestSite site) : IClassFixture<TestSite>
{
    public static readonly TheoryData<string, string, string> Forms = new()
    {
        // page, form selector, fields as JSON
        { "/quan-tri/cuoc-thi", "form.stack", """{"Input.CommitteeSize":"21","Input.Address":"Địa chỉ giả mạo"}""" },
        { "/quan-tri/the-le", "form.stack", """{"Input.Markdown":"# Bản giả mạo","Input.Note":"giả mạo"}""" },
        { "/quan-tri/the-le/lich-su", "form.restore-form[action='/quan-tri/the-le/lich-su/1']", "{}" },
        { "/quan-tri/the-le/lich-su/1", "#restore-form", "{}" },
        { "/quan-tri/linh-vuc", "#add-category", """{"Input.Name":"Lĩnh vực giả mạo"}""" },
        { "/quan-tri/linh-vuc", "form[action*='handler=Visibility']", "{}" },
        { "/quan-tri/linh-vuc/1", "form.stack", """{"Input.Name":"Tên giả mạo"}""" },
        { "/quan-tri/su-kien/moi", "#event-form", """{"Input.Title":"Sự kiện giả mạo","Input.StartsAt":"2025-10-10T08:00","Input.Place":"Nơi nào đó"}""" },
        { "/quan-tri/su-kien/1", "#event-form", """{"Input.Place":"Nơi giả mạo"}""" },
        { "/quan-tri/su-kien/1", "#agenda-add", """{"Item.Content":"Mục giả mạo"}""" },
        { "/quan-tri/su-kien/1", "form[action*='handler=MoveItem']", "{}" },
        { "/quan-tri/su-kien/1", "form[action*='handler=DeleteItem']", "{}" },
        { "/quan-tri/tin-tuc/moi", "#news-form", """{"Input.Title":"Tin giả mạo","Input.Markdown":"giả mạo"}""" },
        { "/quan-tri/tin-tuc/1", "#news-form", """{"Input.Title":"Tin bị sửa trộm","Input.Markdown":"giả mạo"}""" },
        { "/quan-tri/tin-tuc/1/xoa", "#delete-form", "{}" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task An_admin_form_posted_without_its_token_is_refused_and_changes_nothing(string url, string selector, string json)
    {
        var (browser, _) = await SignedInAsync(site);
        await HaveAnOlderRulesVersionAsync(browser);
        var before = await site.QueryAsync(SnapshotAsync);
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;

        var response = await browser.SubmitFormAsync(url, fields, selector, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await site.QueryAsync(SnapshotAsync));
    }

    [Fact]
    public async Task Role_and_lock_changes_without_a_token_are_refused()
    {
        var (browser, _) = await SignedInAsync(site);
        var user = await site.CreateUserAsync(NewEmail(), Password, ContestPlatform.Web.Accounts.Roles.Entrant);
        var url = $"/quan-tri/nguoi-dung/{user.Id}";
        var before = await site.QueryAsync(SnapshotAsync);

        var roles = await browser.SubmitFormAsync(url, new() { ["Input.Roles"] = "Organizer" }, "form[action*='handler=Roles']", withToken: false);
        var locked = await browser.SubmitFormAsync(url, [], "form[action*='handler=Lock']", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, roles.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal(before, await site.QueryAsync(SnapshotAsync));
    }

    /// <summary>Version 1 can only be restored (and so only shows a restore form) once it is no longer current.</summary>
    private async Task HaveAnOlderRulesVersionAsync(Browser browser)
    {
        if (await site.QueryAsync(db => db.RulesVersions.CountAsync()) > 1)
            return;
        var saved = await browser.SubmitFormAsync("/quan-tri/the-le", new() { ["Input.Markdown"] = "# Bản thứ hai", ["Input.Note"] = "Chuẩn bị" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    /// <summary>Everything the admin forms can change, as one comparable string.</summary>
    private static async Task<string> SnapshotAsync(AppDbContext db)
    {
        var contest = await db.Contests.AsNoTracking().Include(c => c.Phases).SingleAsync();
        var parts = new object[]
        {
            contest.Version, contest.Address, contest.CommitteeSize,
            string.Join('|', contest.Phases.OrderBy(p => p.Kind).Select(p => $"{p.StartsAt:O}-{p.EndsAt:O}")),
            string.Join('|', await db.RulesVersions.OrderBy(v => v.Number).Select(v => v.Number + v.Note).ToListAsync()),
            string.Join('|', await db.Categories.OrderBy(c => c.Id).Select(c => c.Name + c.IsActive).ToListAsync()),
            string.Join('|', await db.Events.OrderBy(e => e.Id).Select(e => e.Title + e.Place).ToListAsync()),
            string.Join('|', await db.AgendaItems.OrderBy(a => a.Id).Select(a => a.Order + a.Content).ToListAsync()),
            string.Join('|', await db.News.OrderBy(n => n.Id).Select(n => n.Title + n.Markdown).ToListAsync()),
            string.Join('|', await db.UserRoles.OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => r.UserId + r.RoleId).ToListAsync()),
            string.Join('|', await db.Users.OrderBy(u => u.Id).Select(u => u.Id + u.LockoutEnd).ToListAsync()),
        };
        return string.Join('\n', parts);
    }
}
