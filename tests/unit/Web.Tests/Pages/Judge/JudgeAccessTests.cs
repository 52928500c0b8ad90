using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Judge;

/// <summary>A judge reaches only the entries assigned to them, in rounds open to judges, and never one they are conflicted with.</summary>
public sealed class JudgeAccessTests(TestSite site) : IClassFixture<TestSite>
{
    private static async Task<HttpResponseMessage> PostSaveAsync(Browser browser, string url, string token) =>
        await browser.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["thaoTac"] = "luu",
            ["Input.Points[DMST]"] = "10",
        }));

    private static async Task<string> TokenAsync(Browser browser, string url) =>
        ((IHtmlInputElement)(await browser.GetPageAsync(url)).QuerySelector("#score-form input[name=__RequestVerificationToken]")!).Value;

    [Fact]
    public async Task Another_judges_entry_a_guessed_label_or_another_round_is_404_by_get_and_by_post()
    {
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var someone = await CouncilSeed.JudgeAsync(site, "Giám khảo Khác");
        var round = await CouncilSeed.RoundAsync(site);
        var mine = await CouncilSeed.EntryAsync(site);
        var theirs = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, mine.Id, me.Id);
        await CouncilSeed.AssignAsync(site, round, theirs.Id, someone.Id);
        var otherRound = await CouncilSeed.RoundAsync(site);
        var token = await TokenAsync(browser, CouncilSeed.UrlOf(round, mine.Id));

        var forbidden = new[]
        {
            CouncilSeed.UrlOf(round, theirs.Id),
            $"/giam-khao/vong/{round.Id}/cong-trinh/ZZZZZZ",
            $"/giam-khao/vong/{round.Id}/cong-trinh/{mine.Id}",
            $"/giam-khao/vong/{round.Id}/cong-trinh/{mine.Code}",
            $"/giam-khao/vong/{otherRound.Id}/cong-trinh/{EntryLabels.Of(round, mine.Id)}",
            $"/giam-khao/vong/999999/cong-trinh/{EntryLabels.Of(round, mine.Id)}",
        };
        foreach (var url in forbidden)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostSaveAsync(browser, url, token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.PostAsync(url + "?handler=Conflict",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["lyDoXungDot"] = "thử" }))).StatusCode);
        }
        Assert.Equal(0, await site.QueryAsync(db => db.ScoreSheets.CountAsync(s => s.EntryId == theirs.Id || s.JudgeId == me.Id)));
        Assert.Equal(0, await site.QueryAsync(db => db.ConflictDeclarations.CountAsync(c => c.JudgeId == me.Id)));
        // The label is case-insensitive for people typing it, and the real page opens.
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(CouncilSeed.UrlOf(round, mine.Id).ToLowerInvariant())).StatusCode);
    }

    [Fact]
    public async Task A_round_still_in_preparation_shows_nothing_to_judges()
    {
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site, RoundState.Draft, name: "Vòng chưa mở");
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(CouncilSeed.UrlOf(round, entry.Id))).StatusCode);
        var queue = await browser.GetPageAsync("/giam-khao");
        Assert.DoesNotContain("Vòng chưa mở", queue.Body!.TextContent);
    }

    [Fact]
    public async Task A_judge_conflicted_with_the_entry_gets_404_even_when_assigned()
    {
        // Same organisation as the entrant, written differently: still the same organisation.
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site, "Giám khảo Cùng Công ty", "CONG TY TNHH CO KHI TACGIA");
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(CouncilSeed.UrlOf(round, entry.Id))).StatusCode);
        var queue = await browser.GetPageAsync("/giam-khao");
        Assert.Empty(queue.QuerySelectorAll($"a[href='{CouncilSeed.UrlOf(round, entry.Id)}']"));
    }

    [Fact]
    public async Task A_deactivated_judge_opens_nothing()
    {
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);
        await site.QueryAsync(async db =>
        {
            (await db.Judges.SingleAsync(j => j.Id == me.Id)).Active = false;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(CouncilSeed.UrlOf(round, entry.Id))).StatusCode);
        Assert.Contains("chưa có trong danh sách Hội đồng chuyên môn", (await browser.GetPageAsync("/giam-khao")).Body!.TextContent);
    }

    [Theory]
    [InlineData(Roles.Entrant)]
    [InlineData(Roles.Committee)]
    [InlineData(Roles.Organizer)]
    public async Task Other_roles_get_403_on_the_judge_pages(string role)
    {
        var (me, _) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);
        var browser = await site.SignedInAsync(role);

        foreach (var url in new[] { "/giam-khao", CouncilSeed.UrlOf(round, entry.Id) })
        {
            var (response, page) = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Không có quyền truy cập", page.QuerySelector("h1")!.TextContent);
        }
        var posted = await browser.Client.PostAsync(CouncilSeed.UrlOf(round, entry.Id), new FormUrlEncodedContent([]));
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"POST gave {(int)posted.StatusCode}");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in()
    {
        var response = await site.NewBrowser().Client.GetAsync("/giam-khao");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(AccountSetup.LoginPath, response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Every_judge_form_posted_without_its_antiforgery_token_is_refused_with_400()
    {
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);
        var url = CouncilSeed.UrlOf(round, entry.Id);
        Assert.Equal(HttpStatusCode.Redirect,
            (await browser.SubmitFormAsync(url, new() { ["Input.Points[DMST]"] = "10", ["Input.Points[HQ]"] = "10", ["Input.Points[KNAD]"] = "10" }, "#score-form", "thaoTac=nop")).StatusCode);
        var before = await CouncilSeed.SheetAsync(site, round, entry.Id, me.Id);

        foreach (var (page, selector) in new[] { (url, "#score-form"), (url, "#conflict-form"), (url + "?xacNhan=true", "#confirm-form") })
        {
            var response = await browser.SubmitFormAsync(page, new() { ["lyDoXungDot"] = "Quen tác giả", ["Input.Points[DMST]"] = "1" }, selector,
                selector == "#score-form" ? "thaoTac=luu" : null, withToken: false);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var after = await CouncilSeed.SheetAsync(site, round, entry.Id, me.Id);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(SheetState.Draft, after.State);
        Assert.Equal(0, await site.QueryAsync(db => db.ConflictDeclarations.CountAsync(c => c.JudgeId == me.Id)));
    }
}
