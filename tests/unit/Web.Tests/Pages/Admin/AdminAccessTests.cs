using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Admin;

/// <summary>Only the Tổ thư ký gets into /quan-tri: visitors are sent to log in, every other role gets 403, GET or POST.</summary>
public sealed class AdminAccessTests(TestSite site) : IClassFixture<TestSite>
{
    /// <summary>Every admin page, with ids the seed data really has (category 1, event 1, news 1, rules version 1).</summary>
    private static readonly string[] PageUrls =
    [
        "/quan-tri",
        "/quan-tri/cuoc-thi",
        "/quan-tri/the-le",
        "/quan-tri/the-le/lich-su",
        "/quan-tri/the-le/lich-su/1",
        "/quan-tri/linh-vuc",
        "/quan-tri/linh-vuc/1",
        "/quan-tri/nguoi-dung",
        "/quan-tri/su-kien",
        "/quan-tri/su-kien/moi",
        "/quan-tri/su-kien/1",
        "/quan-tri/tin-tuc",
        "/quan-tri/tin-tuc/moi",
        "/quan-tri/tin-tuc/1",
        "/quan-tri/tin-tuc/1/xoa",
    ];

    public static readonly TheoryData<string> Pages = new(PageUrls);

    /// <summary>The POST targets, handlers included: the preview handler is protected like the pages.</summary>
    private static readonly string[] PostTargets =
    [
        "/quan-tri/cuoc-thi",
        "/quan-tri/the-le",
        "/quan-tri/the-le?handler=Preview",
        "/quan-tri/the-le/lich-su/1",
        "/quan-tri/linh-vuc",
        "/quan-tri/linh-vuc?handler=Visibility&id=1&active=false",
        "/quan-tri/linh-vuc/1",
        "/quan-tri/su-kien/moi",
        "/quan-tri/su-kien/1",
        "/quan-tri/su-kien/1?handler=AddItem",
        "/quan-tri/su-kien/1?handler=DeleteItem&itemId=1",
        "/quan-tri/tin-tuc/moi",
        "/quan-tri/tin-tuc/moi?handler=Preview",
        "/quan-tri/tin-tuc/1",
        "/quan-tri/tin-tuc/1?handler=Preview",
        "/quan-tri/tin-tuc/1/xoa",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_anonymous_visitor_is_sent_to_log_in(string url)
    {
        var response = await site.NewBrowser().Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountSetup.LoginPath, response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_anonymous_post_is_sent_to_log_in_and_changes_nothing()
    {
        var browser = site.NewBrowser();
        foreach (var url in PostTargets)
        {
            var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent([]));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url} gave {(int)response.StatusCode}");
            Assert.Equal(AccountSetup.LoginPath, response.Headers.Location!.AbsolutePath);
        }
        Assert.True(await site.QueryAsync(db => db.News.AnyAsync(n => n.Id == 1)));
    }

    [Theory]
    [InlineData(Roles.Entrant)]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Committee)]
    public async Task Entrants_judges_and_committee_members_get_403_on_every_admin_page_and_post(string role)
    {
        var (browser, _) = await AdminSteps.SignedInAsync(site, role);
        // A valid token from a page they may open, so a 403 cannot be mistaken for an antiforgery 400.
        var home = await browser.GetPageAsync("/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var url in PageUrls)
        {
            var (response, page) = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} gave {(int)response.StatusCode} to {role}");
            Assert.Contains("Không có quyền truy cập", page.QuerySelector("h1")!.TextContent);
        }
        foreach (var url in PostTargets)
        {
            var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["markdown"] = "# thử",
                ["Input.Name"] = "Lĩnh vực của người lạ",
                ["Input.Title"] = "Tiêu đề của người lạ",
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {url} gave {(int)response.StatusCode} to {role}");
        }

        var (newsKept, categoryActive, agendaRows, strangersSaved) = await site.QueryAsync(async db => (
            await db.News.AnyAsync(n => n.Id == 1),
            (await db.Categories.SingleAsync(c => c.Id == 1)).IsActive,
            await db.AgendaItems.CountAsync(a => a.ContestEventId == 1),
            await db.Categories.AnyAsync(c => c.Name == "Lĩnh vực của người lạ") || await db.News.AnyAsync(n => n.Title == "Tiêu đề của người lạ")));
        Assert.True(newsKept);
        Assert.True(categoryActive);
        Assert.Equal(8, agendaRows);
        Assert.False(strangersSaved);
    }

    private static readonly HashSet<string> SectionLinks =
    [
        "/quan-tri", "/quan-tri/cuoc-thi", "/quan-tri/the-le", "/quan-tri/ho-so", "/quan-tri/binh-chon", "/quan-tri/cham-diem",
        "/quan-tri/linh-vuc", "/quan-tri/nguoi-dung", "/quan-tri/su-kien", "/quan-tri/tin-tuc",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_organizer_opens_every_admin_page_with_the_section_navigation(string url)
    {
        var (browser, _) = await AdminSteps.SignedInAsync(site);

        var page = await browser.GetPageAsync(url);

        var nav = page.QuerySelector(".admin-nav")!;
        var links = nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToHashSet();
        Assert.Superset(SectionLinks, links);
        Assert.Single(nav.QuerySelectorAll("a[aria-current=page]"));
        Assert.NotNull(page.QuerySelector("link[href^='/css/admin.css']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task The_user_page_of_an_unknown_id_is_404()
    {
        var (browser, _) = await AdminSteps.SignedInAsync(site);

        var (response, _) = await browser.GetAsync("/quan-tri/nguoi-dung/khong-ton-tai");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
