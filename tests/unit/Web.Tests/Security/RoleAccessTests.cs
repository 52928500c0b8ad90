using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Security;

/// <summary>Each role's pages refuse everyone else: anonymous visitors are sent to log in, other roles get 403.</summary>
public class RoleAccessTests(TestSite site) : IClassFixture<TestSite>
{
    private IReadOnlyList<string> AdminPages => SiteRoutes.Under(site, "/quan-tri");

    [Fact]
    public void The_admin_area_has_pages_to_protect()
    {
        _ = site.Server;
        Assert.Contains("/quan-tri", AdminPages);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in_from_every_admin_page()
    {
        var browser = site.NewBrowser();
        foreach (var url in AdminPages)
        {
            var response = await browser.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} gave {(int)response.StatusCode}");
            Assert.StartsWith("/tai-khoan/dang-nhap", response.Headers.Location!.AbsolutePath);
        }
    }

    [Theory]
    [InlineData(Roles.Entrant)]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Committee)]
    public async Task Other_roles_get_403_on_every_admin_page(string role)
    {
        var browser = await site.SignedInAsync(role);
        foreach (var url in AdminPages)
        {
            var (response, page) = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} gave {(int)response.StatusCode} to {role}");
            Assert.Contains("Không có quyền truy cập", page.QuerySelector("h1")!.TextContent);
        }
    }

    [Theory]
    [InlineData(Roles.Entrant)]
    [InlineData(Roles.Committee)]
    public async Task Other_roles_cannot_post_to_admin_pages_either(string role)
    {
        var browser = await site.SignedInAsync(role);
        foreach (var url in AdminPages)
        {
            var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent([]));
            // Without a token antiforgery may answer first (400); either way nothing runs.
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest,
                $"POST {url} gave {(int)response.StatusCode} to {role}");
        }
    }

    [Fact]
    public async Task An_organizer_opens_every_admin_page()
    {
        var browser = await site.SignedInAsync(Roles.Organizer);
        foreach (var url in AdminPages.Where(u => !u.Contains("/1") && !u.EndsWith("/x")))
        {
            var response = await browser.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        }
    }
}
