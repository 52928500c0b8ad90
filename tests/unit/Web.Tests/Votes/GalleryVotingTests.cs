using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>Every card of the gallery has its own vote box; voting from one lands back on the same gallery page, at that card.</summary>
public sealed class GalleryVotingTests : IClassFixture<TestSite>
{
    private readonly TestSite _site;

    public GalleryVotingTests(TestSite site)
    {
        _site = site;
        EnterWindow(site);
    }

    /// <summary>Two accepted entries that a search for their shared word lists on one gallery page.</summary>
    private async Task<(string Gallery, Web.Entries.Entry First, Web.Entries.Entry Second)> TwoCardsAsync()
    {
        var word = "moc" + Guid.NewGuid().ToString("N")[..8];
        var first = await EntryAsync(_site, title: $"Máy sấy chè {word} dùng năng lượng mặt trời");
        var second = await EntryAsync(_site, title: $"Bản đồ số vùng chè {word}");
        return ($"/cong-trinh?q={word}", first, second);
    }

    private static string Card(Web.Entries.Entry entry) => $"#binh-chon-{entry.Id}";

    [Fact]
    public async Task A_citizen_votes_from_a_gallery_card_and_lands_back_on_the_same_gallery_page()
    {
        var (gallery, first, second) = await TwoCardsAsync();
        var (browser, _) = await VoterAsync(_site);

        var page = await browser.GetPageAsync(gallery);
        Assert.Equal(2, page.QuerySelectorAll(".gallery-card form.vote-form").Length);
        var form = (IHtmlFormElement)page.QuerySelector($"{Card(first)} form.vote-form")!;
        Think(_site);
        var response = await browser.SubmitAsync(form, gallery, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{gallery}#binh-chon-{first.Id}", response.Headers.Location!.OriginalString);
        var back = await browser.FollowAsync(response);
        var box = back.QuerySelector(Card(first))!.TextContent;
        Assert.Contains($"Cảm ơn bạn! Lượt bình chọn cho công trình “{first.Title}” đã được ghi nhận.", box);
        Assert.Contains("Bạn đã bình chọn", box);
        Assert.Null(back.QuerySelector($"{Card(first)} form.vote-form"));
        // The other card is untouched: no message, still its button.
        Assert.Null(back.QuerySelector($"{Card(second)} .alert"));
        Assert.NotNull(back.QuerySelector($"{Card(second)} form.vote-form"));
        Assert.Equal(1, await AllVotesAsync(_site, first.Id));
        Assert.Equal(0, await AllVotesAsync(_site, second.Id));
    }

    [Fact]
    public async Task Each_gallery_button_names_its_entry_for_screen_readers()
    {
        var (gallery, first, second) = await TwoCardsAsync();
        var (browser, _) = await VoterAsync(_site);

        var page = await browser.GetPageAsync(gallery);

        foreach (var entry in new[] { first, second })
        {
            var button = page.QuerySelector($"{Card(entry)} form.vote-form button[type=submit]")!;
            Assert.Equal($"Bình chọn cho công trình “{entry.Title}”", button.TextContent.Trim());
            Assert.Equal("Bình chọn", button.ChildNodes[0].TextContent.Trim());
        }
    }

    [Fact]
    public async Task A_visitor_signing_in_from_a_card_returns_to_that_card()
    {
        var (gallery, first, _) = await TwoCardsAsync();
        var user = await _site.CreateUserAsync($"cu-tri-{Guid.NewGuid():N}@example.vn", Password, Roles.Entrant);
        var visitor = _site.NewBrowser();
        var signIn = (await visitor.GetPageAsync(gallery)).QuerySelector($"{Card(first)} a.button")!.GetAttribute("href")!;

        var response = await visitor.SubmitFormAsync(signIn, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{gallery}#binh-chon-{first.Id}", response.Headers.Location!.OriginalString);
    }
}
