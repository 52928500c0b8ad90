using System.Net;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>A site whose vote limit per account is 3 a minute, set through configuration as an operator would.</summary>
public sealed class RateLimitedSite : TestSite
{
    public RateLimitedSite() => Settings["Votes:PerAccountPerMinute"] = "3";
}

public sealed class VoteRateLimitTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>
{
    [Fact]
    public async Task The_fourth_vote_post_of_an_account_within_a_minute_gets_429_and_is_not_counted()
    {
        EnterWindow(site);
        var entries = new[] { await EntryAsync(site), await EntryAsync(site), await EntryAsync(site), await EntryAsync(site) };
        var (browser, _) = await VoterAsync(site);
        var forms = new List<AngleSharp.Html.Dom.IHtmlFormElement>();
        foreach (var entry in entries)
            forms.Add(await VoteFormAsync(browser, entry));
        Think(site);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(forms[i], EntryPage(entries[i]), [])).StatusCode);
        var fourth = await browser.SubmitAsync(forms[3], EntryPage(entries[3]), []);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Bạn thao tác quá nhanh. Vui lòng đợi một lát rồi thử lại.", (await Browser.ParseAsync(fourth)).Body!.TextContent);
        Assert.Equal(0, await AllVotesAsync(site, entries[3].Id));
        Assert.Equal(1, await AllVotesAsync(site, entries[0].Id));
    }
}
