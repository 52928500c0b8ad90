using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>The organizers' cap on votes per account per day counts Vietnam days, not UTC days.</summary>
public sealed class DailyCapTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_third_vote_of_a_Vietnam_day_is_refused_and_the_next_day_it_goes_through()
    {
        await SetContestAsync(site, c => c.VotesPerDayCap = 2);
        var entries = new[] { await EntryAsync(site), await EntryAsync(site), await EntryAsync(site) };
        // 22:00 on 05/08 in Vietnam is 15:00 UTC; 00:05 on 06/08 is 17:05 UTC, still 05/08 in UTC.
        MoveClockTo(site, Vietnam(2025, 8, 5, 22, 0));
        var (browser, _) = await VoterAsync(site);

        // The third entry is open in another tab from before the cap was reached.
        var thirdTab = await VoteFormAsync(browser, entries[2]);
        Assert.StartsWith("Cảm ơn bạn!", await MessageAfterAsync(browser, await VoteAsync(site, browser, entries[0])));
        var second = await browser.FollowAsync(await VoteAsync(site, browser, entries[1]));
        Assert.Contains("Cảm ơn bạn!", second.QuerySelector("#binh-chon")!.TextContent);

        // A freshly opened page says so before anyone presses anything.
        var third = await browser.GetPageAsync(EntryPage(entries[2]));
        Assert.Contains("Hôm nay bạn đã dùng hết 2 lượt bình chọn", third.QuerySelector("#binh-chon")!.TextContent);
        Assert.Null(third.QuerySelector("#binh-chon form.vote-form"));
        var refused = await browser.SubmitAsync(thirdTab, EntryPage(entries[2]), []);
        Assert.Equal("Mỗi tài khoản được bình chọn tối đa 2 lượt mỗi ngày. Bạn đã dùng hết lượt hôm nay; hãy quay lại vào ngày mai.",
            await MessageAfterAsync(browser, refused));
        Assert.Equal(0, await AllVotesAsync(site, entries[2].Id));

        MoveClockTo(site, Vietnam(2025, 8, 6, 0, 5));
        var nextDay = await VoteAsync(site, browser, entries[2]);

        Assert.StartsWith("Cảm ơn bạn!", await MessageAfterAsync(browser, nextDay));
        Assert.Equal(1, await AllVotesAsync(site, entries[2].Id));
    }
}
