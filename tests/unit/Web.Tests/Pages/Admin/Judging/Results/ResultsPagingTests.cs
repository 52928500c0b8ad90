using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging.Results;

/// <summary>A long ranking comes a hundred rows at a time (or whole on request); the statistics stay over the whole round.</summary>
public sealed class ResultsPagingTests(TestSite site) : IClassFixture<TestSite>
{
    private static string Key(int i) => $"P{i:000}";

    private static string Text(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public async Task A_ranking_of_150_entries_shows_a_hundred_rows_a_page_and_the_whole_on_request()
    {
        string[] judges = ["GK 1", "GK 2", "GK 3"];
        var round = new RoundBuilder(site, "Vòng nhiều công trình").Judge(judges);
        for (var i = 1; i <= 150; i++)
            round.Entry(Key(i));
        // Strictly falling totals: P001 first, P150 last.
        for (var i = 1; i <= 150; i++)
            round.SubmittedByAll(Key(i), judges, 20 - (i - 1) / 10 * 0.5m, 30 - (i - 1) % 10 * 0.5m, 30 - (i - 1) / 15 * 0.5m);
        await round.SaveAsync();
        var organizer = await site.SignedInAsync(Roles.Organizer);
        var url = $"/quan-tri/cham-diem/ket-qua?vong={round.Round.Id}";

        var first = await organizer.GetPageAsync(url);
        var rows = first.QuerySelectorAll("#bang-xep-hang tbody tr");
        Assert.Equal(100, rows.Length);
        Assert.Equal("1", rows[0].QuerySelector("td.rank")!.TextContent.Trim());
        Assert.Contains("Hạng 1–100 trong 150 công trình (trang 1/2).", Text(first.QuerySelector("nav.pager")!.TextContent));
        // Progress is over the whole round, not the page.
        Assert.Contains("150 công trình · 450/450 phiếu đã nộp", Text(first.QuerySelector("main")!.TextContent));

        var second = await organizer.GetPageAsync(url + "&trang=2");
        var secondRows = second.QuerySelectorAll("#bang-xep-hang tbody tr");
        Assert.Equal(50, secondRows.Length);
        Assert.Equal("101", secondRows[0].QuerySelector("td.rank")!.TextContent.Trim());
        Assert.NotNull(second.QuerySelector("nav.pager a[rel=prev]"));
        Assert.Null(second.QuerySelector("nav.pager a[rel=next]"));

        Assert.Equal(150, (await organizer.GetPageAsync(url + "&trang=tat-ca")).QuerySelectorAll("#bang-xep-hang tbody tr").Length);
        // A page number out of range or not a number shows a page that exists.
        Assert.Equal("101", (await organizer.GetPageAsync(url + "&trang=99")).QuerySelector("#bang-xep-hang tbody tr td.rank")!.TextContent.Trim());
        Assert.Equal("1", (await organizer.GetPageAsync(url + "&trang=abc")).QuerySelector("#bang-xep-hang tbody tr td.rank")!.TextContent.Trim());
    }
}
