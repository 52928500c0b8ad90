using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Votes;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>A citizen votes with the button on the entry page; everything else is refused with a reason and changes no count.</summary>
public sealed class CastingTests : IClassFixture<TestSite>
{
    private readonly TestSite _site;

    public CastingTests(TestSite site)
    {
        _site = site;
        EnterWindow(site);
    }

    [Fact]
    public async Task A_citizen_votes_from_the_entry_page_and_sees_the_confirmation()
    {
        var entry = await EntryAsync(_site, title: "Máy sấy chè dùng năng lượng mặt trời");
        var (browser, _) = await VoterAsync(_site);

        var form = await VoteFormAsync(browser, entry);
        Assert.Equal("Bình chọn cho công trình này", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Think(_site);
        var response = await browser.SubmitAsync(form, EntryPage(entry), []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cong-trinh/{entry.Code}#binh-chon", response.Headers.Location!.OriginalString);
        var page = await browser.FollowAsync(response);
        var box = page.QuerySelector("#binh-chon")!.TextContent;
        Assert.Contains("Cảm ơn bạn! Lượt bình chọn cho công trình “Máy sấy chè dùng năng lượng mặt trời” đã được ghi nhận.", box);
        Assert.Contains("Bạn đã bình chọn cho công trình này.", box);
        Assert.Null(page.QuerySelector("#binh-chon form.vote-form"));
        Assert.Equal(1, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task A_second_vote_for_the_same_entry_is_refused_even_when_the_first_request_is_replayed()
    {
        var entry = await EntryAsync(_site);
        var (browser, _) = await VoterAsync(_site);
        var form = await VoteFormAsync(browser, entry);
        Think(_site);
        await browser.SubmitAsync(form, EntryPage(entry), []);

        // The same form, token and cookies sent again: what a double click or a replay does.
        var again = await browser.SubmitAsync(form, EntryPage(entry), []);

        Assert.Equal("Bạn đã bình chọn cho công trình này rồi. Mỗi tài khoản chỉ được bình chọn một lần cho mỗi công trình.",
            await MessageAfterAsync(browser, again));
        Assert.Equal(1, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task A_vote_without_the_antiforgery_token_is_rejected_with_400()
    {
        var entry = await EntryAsync(_site);
        var (browser, _) = await VoterAsync(_site);
        var form = await VoteFormAsync(browser, entry);
        Think(_site);

        var response = await browser.SubmitAsync(form, EntryPage(entry), [], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Biểu mẫu đã hết hạn hoặc thiếu mã bảo mật", (await Browser.ParseAsync(response)).Body!.TextContent);
        Assert.Equal(0, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task A_vote_carrying_the_antiforgery_token_of_another_browser_session_is_rejected_with_400()
    {
        var entry = await EntryAsync(_site);
        var (browser, user) = await VoterAsync(_site);
        var otherSession = await SignInAsync(_site, user);
        var otherToken = (await VoteFormAsync(otherSession, entry)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = await VoteFormAsync(browser, entry);
        Think(_site);

        var response = await browser.SubmitAsync(form, EntryPage(entry), new() { ["__RequestVerificationToken"] = otherToken });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await AllVotesAsync(_site, entry.Id));
    }

    [Theory]
    [InlineData(EntryStatus.Draft)]
    [InlineData(EntryStatus.Submitted)]
    [InlineData(EntryStatus.NeedsChanges)]
    [InlineData(EntryStatus.Rejected)]
    public async Task An_entry_that_is_not_accepted_cannot_be_voted_for(EntryStatus status)
    {
        var accepted = await EntryAsync(_site);
        var hidden = await EntryAsync(_site, status);
        var (browser, _) = await VoterAsync(_site);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(EntryPage(hidden))).Response.StatusCode);

        // A crafted post: the real form of an accepted entry, aimed at the hidden one.
        var form = await VoteFormAsync(browser, accepted);
        form.SetAttribute("action", $"/binh-chon/{hidden.Id}");
        Think(_site);
        var response = await browser.SubmitAsync(form, EntryPage(accepted), []);

        Assert.Equal("Công trình này không thuộc danh sách được bình chọn.", await MessageAfterAsync(browser, response));
        Assert.Equal(0, await AllVotesAsync(_site, hidden.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/cong-trinh")]
    public async Task A_vote_for_an_entry_that_does_not_exist_is_404_saying_so(string returnUrl)
    {
        var accepted = await EntryAsync(_site);
        var (browser, _) = await VoterAsync(_site);
        var form = await VoteFormAsync(browser, accepted);
        form.SetAttribute("action", "/binh-chon/987654");
        Think(_site);

        var response = await browser.SubmitAsync(form, EntryPage(accepted), new() { ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal("Không tìm thấy công trình này.", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Không tìm thấy trang", page.Body!.TextContent);
        Assert.Equal(0, await _site.QueryAsync(db => Task.FromResult(db.Votes.Count(v => v.EntryId == 987654))));
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused()
    {
        var entry = await EntryAsync(_site);
        var (browser, _) = await VoterAsync(_site);

        var response = await VoteAsync(_site, browser, entry, new() { ["website"] = "http://ban-phieu-nhanh.example" });

        Assert.StartsWith("Không xác nhận được thao tác bình chọn", await MessageAfterAsync(browser, response));
        Assert.Equal(0, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_can_is_refused()
    {
        var entry = await EntryAsync(_site);
        var (browser, _) = await VoterAsync(_site);
        var form = await VoteFormAsync(browser, entry);

        // No pause: the clock has not moved since the page was shown.
        var response = await browser.SubmitAsync(form, EntryPage(entry), []);

        Assert.StartsWith("Không xác nhận được thao tác bình chọn", await MessageAfterAsync(browser, response));
        Assert.Equal(0, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task A_form_token_shown_to_another_account_is_refused()
    {
        var entry = await EntryAsync(_site);
        var (someoneElse, _) = await VoterAsync(_site);
        var borrowed = (await VoteFormAsync(someoneElse, entry)).QuerySelector("input[name=t]")!.GetAttribute("value")!;
        var (browser, _) = await VoterAsync(_site);

        var response = await VoteAsync(_site, browser, entry, new() { ["t"] = borrowed });

        Assert.StartsWith("Không xác nhận được thao tác bình chọn", await MessageAfterAsync(browser, response));
        Assert.Equal(0, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task A_form_token_issued_for_one_entry_is_refused_for_another()
    {
        var first = await EntryAsync(_site);
        var second = await EntryAsync(_site);
        var (browser, _) = await VoterAsync(_site);
        // One page fetched, its form replayed for another entry: what a script voting for everything does.
        var form = await VoteFormAsync(browser, first);
        form.SetAttribute("action", $"/binh-chon/{second.Id}");
        Think(_site);

        var response = await browser.SubmitAsync(form, EntryPage(first), new() { ["returnUrl"] = EntryPage(second) });

        Assert.Equal(VoteService.AntiAutomationMessage, await MessageAfterAsync(browser, response));
        Assert.Equal(0, await AllVotesAsync(_site, second.Id));
        Assert.Equal(0, await AllVotesAsync(_site, first.Id));
    }

    [Fact]
    public async Task An_altered_form_token_is_refused()
    {
        var entry = await EntryAsync(_site);
        var (browser, _) = await VoterAsync(_site);
        var token = (await VoteFormAsync(browser, entry)).QuerySelector("input[name=t]")!.GetAttribute("value")!;
        var altered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];

        var response = await VoteAsync(_site, browser, entry, new() { ["t"] = altered });

        Assert.Equal(VoteService.AntiAutomationMessage, await MessageAfterAsync(browser, response));
        Assert.Equal(0, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_and_an_anonymous_post_goes_to_the_login_page()
    {
        var entry = await EntryAsync(_site);
        var visitor = _site.NewBrowser();

        var page = await visitor.GetPageAsync(EntryPage(entry));
        var signIn = page.QuerySelector("#binh-chon a.button")!;
        Assert.Equal("Đăng nhập để bình chọn", signIn.TextContent.Trim());
        Assert.Equal($"{AccountSetup.LoginPath}?returnUrl=%2Fcong-trinh%2F{entry.Code}%23binh-chon", signIn.GetAttribute("href"));

        var response = await visitor.Client.PostAsync($"/binh-chon/{entry.Id}", new FormUrlEncodedContent([]));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
        Assert.Equal(0, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task Signing_in_from_the_vote_box_returns_to_the_vote_box_not_the_top_of_the_entry_page()
    {
        var entry = await EntryAsync(_site);
        var user = await _site.CreateUserAsync($"cu-tri-{Guid.NewGuid():N}@example.vn", Password, Roles.Entrant);
        var visitor = _site.NewBrowser();
        var signIn = (await visitor.GetPageAsync(EntryPage(entry))).QuerySelector("#binh-chon a.button")!.GetAttribute("href")!;

        var response = await visitor.SubmitFormAsync(signIn, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cong-trinh/{entry.Code}#binh-chon", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Live_counts_are_shown_only_when_the_organizers_turn_them_on()
    {
        var entry = await EntryAsync(_site);
        await InsertVotesAsync(_site, entry.Id, 1234);
        var visitor = _site.NewBrowser();
        try
        {
            await SetContestAsync(_site, c => c.ShowLiveVoteCounts = false);
            Assert.DoesNotContain("lượt bình chọn", (await visitor.GetPageAsync(EntryPage(entry))).QuerySelector("#binh-chon")!.TextContent);

            await SetContestAsync(_site, c => c.ShowLiveVoteCounts = true);
            var count = (await visitor.GetPageAsync(EntryPage(entry))).QuerySelector("#binh-chon .vote-count")!.TextContent;
            Assert.Equal("1.234 lượt bình chọn", System.Text.RegularExpressions.Regex.Replace(count, @"\s+", " ").Trim());
        }
        finally
        {
            await SetContestAsync(_site, c => c.ShowLiveVoteCounts = false);
        }
    }
}
