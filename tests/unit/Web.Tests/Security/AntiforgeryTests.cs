using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Security;

/// <summary>Every form the site shows is refused with 400 when posted without its antiforgery token.</summary>
public class AntiforgeryTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Every_form_on_every_page_rejects_a_missing_token()
    {
        _ = site.Server;
        var organizer = await site.SignedInAsync(Roles.Organizer);
        var anonymous = site.NewBrowser();
        var checkedForms = 0;

        foreach (var url in SiteRoutes.Parameterless(site).Where(u => !u.StartsWith("/loi")))
        {
            foreach (var browser in new[] { anonymous, organizer })
            {
                var (response, page) = await browser.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                    continue;
                foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
                {
                    var token = form.QuerySelector("input[name=__RequestVerificationToken]");
                    Assert.True(token is not null, $"A form on {url} has no antiforgery token");
                    var posted = await browser.SubmitAsync(form, url, [], withToken: false);
                    Assert.True(posted.StatusCode == HttpStatusCode.BadRequest,
                        $"Form {form.GetAttribute("action")} on {url} accepted a post without token ({(int)posted.StatusCode})");
                    checkedForms++;
                }
            }
        }
        Assert.True(checkedForms >= 3, $"only {checkedForms} forms were checked");
    }

    [Fact]
    public async Task A_token_from_another_session_is_refused()
    {
        var first = site.NewBrowser();
        var page = await first.GetPageAsync(AccountSetup.LoginPath);
        var stolenToken = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var second = site.NewBrowser();
        await second.GetPageAsync(AccountSetup.LoginPath);
        var response = await second.Client.PostAsync(AccountSetup.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = stolenToken,
            ["Input.Email"] = "ai@example.vn",
            ["Input.Password"] = "MatKhau123",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
