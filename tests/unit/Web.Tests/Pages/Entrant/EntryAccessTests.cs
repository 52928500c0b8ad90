using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Entrant.EntrantSteps;

namespace ContestPlatform.Web.Tests.Pages.Entrant;

/// <summary>Who may see and change an entry: its owner only, from an up-to-date form with its antiforgery token.</summary>
public sealed class EntryAccessTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Another_entrants_entry_is_404_by_url_for_get_and_post_and_nothing_changes()
    {
        var owner = await WithProfileAsync(site);
        var id = await CreateDraftAsync(owner.Browser, CompleteEntry("Công trình của người khác"));
        await AddMediaAsync(site, id);
        var before = await EntryAsync(site, id);
        var stranger = await WithProfileAsync(site);
        var organizer = await SignInAsync(site, Roles.Organizer);

        foreach (var browser in new[] { stranger.Browser, organizer.Browser })
        {
            foreach (var url in new[] { EditUrl(id), $"{EditUrl(id)}/xem" })
            {
                var (response, page) = await browser.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} gave {(int)response.StatusCode}");
                Assert.DoesNotContain("Công trình của người khác", Text(page));
            }

            // A valid token of the stranger's own session, so a 404 cannot be mistaken for an antiforgery 400.
            var token = await TokenAsync(browser);
            foreach (var handler in new[] { "", "?handler=Submit", "?handler=AddAuthor", "?handler=RemoveAuthor&index=0" })
            {
                var fields = CompleteEntry("Bị sửa bởi người lạ");
                fields["__RequestVerificationToken"] = token;
                fields["Input.Version"] = before.Version.ToString();
                var response = await browser.Client.PostAsync(EditUrl(id) + handler, new FormUrlEncodedContent(fields));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {handler} gave {(int)response.StatusCode}");
            }
        }

        var after = await EntryAsync(site, id);
        Assert.Equal((before.Title, before.Version, before.Status, before.Code), (after.Title, after.Version, after.Status, after.Code));
        Assert.Empty(after.History);
        var dashboard = await stranger.Browser.GetPageAsync("/thi-sinh");
        Assert.DoesNotContain("Công trình của người khác", Text(dashboard));
    }

    [Fact]
    public async Task An_entry_that_does_not_exist_is_404()
    {
        var entrant = await WithProfileAsync(site);
        var token = await TokenAsync(entrant.Browser);

        Assert.Equal(HttpStatusCode.NotFound, (await entrant.Browser.Client.GetAsync(EditUrl(999_999))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await entrant.Browser.Client.GetAsync($"{EditUrl(999_999)}/xem")).StatusCode);
        var post = await entrant.Browser.Client.PostAsync($"{EditUrl(999_999)}?handler=Submit",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task A_save_from_a_stale_tab_is_refused_and_changes_nothing()
    {
        var entrant = await WithProfileAsync(site);
        var id = await CreateDraftAsync(entrant.Browser, CompleteEntry("Tên ban đầu"));
        await AddMediaAsync(site, id);

        // Two tabs open the same entry; the second saves first.
        var firstTab = FormValues(await entrant.Browser.GetPageAsync(EditUrl(id)));
        await LandAsync(entrant.Browser, await SaveDraftAsync(entrant.Browser, id, new() { ["Input.Title"] = "Tên sửa ở tab thứ hai" }));
        var saved = await EntryAsync(site, id);

        foreach (var handler in new[] { "", "?handler=Submit" })
        {
            var values = firstTab.Where(v => v.Key != "Input.Title").Append(new("Input.Title", "Tên sửa ở tab thứ nhất")).ToList();
            var response = await entrant.Browser.Client.PostAsync(EditUrl(id) + handler, new FormUrlEncodedContent(values));

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var page = await Browser.ParseAsync(response);
            Assert.Contains("Công trình vừa được cập nhật ở một cửa sổ khác. Vui lòng tải lại trang.", page.QuerySelector("#loi")!.TextContent);
        }

        var after = await EntryAsync(site, id);
        Assert.Equal("Tên sửa ở tab thứ hai", after.Title);
        Assert.Equal(saved.Version, after.Version);
        Assert.Equal(EntryStatus.Draft, after.Status);
        Assert.Null(after.Code);
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_400_and_changes_nothing()
    {
        var entrant = await SignInAsync(site);
        var profile = await SaveProfileWithoutTokenAsync(entrant.Browser);
        Assert.Equal(HttpStatusCode.BadRequest, profile.StatusCode);
        Assert.False(await site.QueryAsync(db => db.EntrantProfiles.AnyAsync(p => p.UserId == entrant.UserId)));

        await LandAsync(entrant.Browser, await SaveProfileAsync(entrant.Browser, []));
        var count = await site.QueryAsync(db => db.Entries.CountAsync(e => e.OwnerId == entrant.UserId));
        var create = await PostFormAsync(entrant.Browser, "/thi-sinh/cong-trinh/moi", CompleteEntry().ToList(), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(count, await site.QueryAsync(db => db.Entries.CountAsync(e => e.OwnerId == entrant.UserId)));

        var id = await CreateDraftAsync(entrant.Browser, CompleteEntry("Tên trước"));
        await AddMediaAsync(site, id);
        foreach (var handler in new string?[] { null, "Submit", "AddAuthor" })
        {
            var response = await PostFormAsync(entrant.Browser, EditUrl(id), [new("Input.Title", "Tên sau")], handler, withToken: false);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var entry = await EntryAsync(site, id);
        Assert.Equal(("Tên trước", EntryStatus.Draft), (entry.Title, entry.Status));
    }

    private static Task<HttpResponseMessage> SaveProfileWithoutTokenAsync(Browser browser) =>
        browser.SubmitFormAsync("/thi-sinh/ho-so", Profile(), withToken: false);
}
