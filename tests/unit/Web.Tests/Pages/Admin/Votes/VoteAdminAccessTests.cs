using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Tests.Votes;

namespace ContestPlatform.Web.Tests.Pages.Admin.Votes;

/// <summary>Vote moderation is the Tổ thư ký's: visitors are sent to log in, entrants and judges get 403.</summary>
public sealed class VoteAdminAccessTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly string[] Urls =
    [
        "/quan-tri/binh-chon",
        "/quan-tri/binh-chon/cong-trinh/{0}",
        "/quan-tri/binh-chon/da-huy",
        "/quan-tri/binh-chon/xuat?dinhDang=csv",
        "/quan-tri/binh-chon/xuat?dinhDang=xlsx",
    ];

    public static readonly TheoryData<string> Pages = new(Urls);

    private async Task<string> UrlAsync(string pattern) =>
        string.Format(pattern, (await VoteSteps.EntryAsync(site)).Id);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_anonymous_visitor_is_sent_to_log_in(string pattern)
    {
        var response = await site.NewBrowser().Client.GetAsync(await UrlAsync(pattern));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountSetup.LoginPath, response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Entrants_and_judges_get_403(string pattern)
    {
        var url = await UrlAsync(pattern);
        foreach (var role in new[] { Roles.Entrant, Roles.Judge })
        {
            var (browser, _) = await AdminSteps.SignedInAsync(site, role);
            var response = await browser.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_judge_cannot_void_votes()
    {
        var entry = await VoteSteps.EntryAsync(site);
        var votes = await VoteSteps.InsertVotesAsync(site, entry.Id, 1);
        var (judge, _) = await AdminSteps.SignedInAsync(site, Roles.Judge);
        // A token from a page the judge can open; the post is refused before it is looked at.
        var token = (await judge.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await judge.Client.PostAsync($"/quan-tri/binh-chon/cong-trinh/{entry.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["VoteIds"] = votes[0].Id.ToString(),
            ["Reason"] = "Thử hủy",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await VoteSteps.ValidVotesAsync(site, entry.Id));
    }

    [Fact]
    public async Task The_admin_menu_links_to_the_vote_page()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);

        var link = (await organizer.GetPageAsync("/quan-tri/binh-chon")).QuerySelector("nav .admin-nav a[href='/quan-tri/binh-chon']")!;

        Assert.Equal("Bình chọn", link.TextContent);
        Assert.Equal("page", link.GetAttribute("aria-current"));
    }
}
