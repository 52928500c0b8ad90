using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>The seeded vote window runs from 01/08/2025 00:00 to 01/09/2025 00:00, Vietnam time.</summary>
public sealed class VoteWindowTests(TestSite site) : IClassFixture<TestSite>
{
    // One story in time order: the clock of a test site only moves forward.
    [Fact]
    public async Task Votes_are_refused_before_the_window_opens_and_after_it_closes_with_no_count_change()
    {
        var entry = await EntryAsync(site);

        // Before: 31/07/2025 23:59, one minute early. No button; the box says when voting opens.
        MoveClockTo(site, Vietnam(2025, 7, 31, 23, 59));
        var (early, earlyUser) = await VoterAsync(site);
        var box = (await early.GetPageAsync(EntryPage(entry))).QuerySelector("#binh-chon")!;
        Assert.Null(box.QuerySelector("form.vote-form"));
        Assert.Contains("Bình chọn mở từ 00:00 ngày 01/08/2025.", box.TextContent);

        // A post crafted anyway (the antiforgery token of the page's sign-out form, no vote form token)
        // gets the reason that matters to a person: it is too early.
        var signOut = (AngleSharp.Html.Dom.IHtmlFormElement)(await early.GetPageAsync(EntryPage(entry))).QuerySelector("form[action*=dang-xuat]")!;
        signOut.SetAttribute("action", $"/binh-chon/{entry.Id}");
        var crafted = await early.SubmitAsync(signOut, EntryPage(entry), new() { ["returnUrl"] = EntryPage(entry) });
        Assert.Equal("Chưa đến thời gian bình chọn. Cổng bình chọn mở từ 00:00 ngày 01/08/2025.", await MessageAfterAsync(early, crafted));
        Assert.Equal(0, await AllVotesAsync(site, entry.Id));

        // The service says the same to any caller.
        var refused = await CastAsync(site, entry.Id, earlyUser);
        Assert.False(refused.Recorded);
        Assert.StartsWith("Chưa đến thời gian bình chọn", refused.Message);

        // After: the form was opened ten seconds before the close and sent five seconds after it.
        MoveClockTo(site, Vietnam(2025, 8, 31, 23, 59, 50));
        var (late, _) = await VoterAsync(site);
        var form = await VoteFormAsync(late, entry);
        site.Time.Advance(TimeSpan.FromSeconds(15));
        var response = await late.SubmitAsync(form, EntryPage(entry), []);

        Assert.Equal("Thời gian bình chọn đã kết thúc (hết ngày 31/08/2025).", await MessageAfterAsync(late, response));
        Assert.Equal(0, await AllVotesAsync(site, entry.Id));
        var closed = (await late.GetPageAsync(EntryPage(entry))).QuerySelector("#binh-chon")!;
        Assert.Null(closed.QuerySelector("form.vote-form"));
        Assert.Contains("Thời gian bình chọn đã kết thúc.", closed.TextContent);
    }
}
