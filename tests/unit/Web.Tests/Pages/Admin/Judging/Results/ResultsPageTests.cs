using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Pages.Admin.Judging.Results;
using ContestPlatform.Web.Tests.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging.Results;

public sealed partial class ResultsPageTests(TestSite site) : IClassFixture<TestSite>
{
    private static string Url(RoundBuilder round, string query = "") => $"/quan-tri/cham-diem/ket-qua?vong={round.Round.Id}{query}";

    private static string Cell(IHtmlDocument page, RoundBuilder round, string entry, string column) =>
        page.QuerySelector($"#bang-xep-hang tr[data-code='{round.Code(entry)}'] td.{column}")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No {column} cell for {entry}");

    private async Task<RoundBuilder> HandComputedRoundAsync()
    {
        string[] judges = ["GK 1", "GK 2", "GK 3", "GK 4", "GK 5"];
        decimal[][] e1 = [[10, 15, 15], [12, 18, 18], [12, 19, 19], [16, 23, 23], [20, 28, 28]];
        var round = new RoundBuilder(site, "Vòng thử bảng").Judge(judges).Entry("E1").Entry("E2");
        for (var j = 0; j < judges.Length; j++)
        {
            round.Submitted("E1", judges[j], e1[j][0], e1[j][1], e1[j][2]);
            round.Submitted("E2", judges[j], e1[j][0] - 2, e1[j][1] - 2, e1[j][2] - 2);
        }
        return await round.SaveAsync();
    }

    [Fact]
    public async Task Ranking_shows_every_aggregation_side_by_side_with_vote_and_total()
    {
        var round = await HandComputedRoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var page = await browser.GetPageAsync(Url(round));

        Assert.Equal("1", Cell(page, round, "E1", "rank"));
        Assert.Equal("Công trình E1", Cell(page, round, "E1", "title"));
        Assert.Equal("Đơn vị E1", Cell(page, round, "E1", "entrant"));
        Assert.Equal("55,2", Cell(page, round, "E1", "mean"));
        Assert.Equal("50", Cell(page, round, "E1", "median"));
        Assert.Equal("53,33", Cell(page, round, "E1", "trimmed"));
        Assert.Equal("65,13", Cell(page, round, "E1", "zscore"));
        Assert.Equal("0", Cell(page, round, "E1", "vote"));
        Assert.Equal("55,2", Cell(page, round, "E1", "total"));
        Assert.Equal("DMST 14 · HQ 20,6 · KNAD 20,6", Cell(page, round, "E1", "criteria"));
        // Each criterion in a span of its own: a narrow column wraps between criteria, never inside one.
        Assert.Equal(["DMST 14", "HQ 20,6", "KNAD 20,6"],
            page.QuerySelectorAll($"#bang-xep-hang tr[data-code='{round.Code("E1")}'] td.criteria .criterion-mean").Select(s => s.TextContent));
        Assert.Equal("5/5", Cell(page, round, "E1", "sheets"));
        // Headers name the methods in Vietnamese, the ranking method marked.
        var headers = page.QuerySelectorAll("#bang-xep-hang thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Trung bình", headers);
        Assert.Contains("Trung vị", headers);
        Assert.Contains("Trung bình cắt", headers);
        Assert.Contains("Chuẩn hóa (z-score)", headers);
        Assert.Equal("Trung bình", page.QuerySelector("#bang-xep-hang thead th.ranked-by")!.TextContent.Trim());
    }

    [Fact]
    public async Task Drafts_are_left_out_and_the_entry_is_flagged_short_of_sheets()
    {
        var round = await new RoundBuilder(site, "Vòng có phiếu nháp").Judge("GK 1", "GK 2", "GK 6").Entry("E1").Entry("E3")
            .SubmittedByAll("E1", ["GK 1", "GK 2"], 10, 20, 20)
            .Submitted("E3", "GK 1", 10, 10, 10).Submitted("E3", "GK 2", 10, 10, 10).Draft("E3", "GK 6", 20, 30, 30)
            .SaveAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var page = await browser.GetPageAsync(Url(round));

        Assert.Equal("30", Cell(page, round, "E3", "mean"));  // the draft's 80 does not count
        Assert.Equal("2/3", Cell(page, round, "E3", "sheets"));
        Assert.Contains("chưa đủ phiếu", Cell(page, round, "E3", "note"));
        Assert.DoesNotContain("chưa đủ phiếu", Cell(page, round, "E1", "note"));
        var progress = page.QuerySelector($"#tien-do-cong-trinh tr[data-code='{round.Code("E3")}']")!;
        Assert.Equal("GK 6", progress.QuerySelector(".missing")!.TextContent.Trim());
        var judgeRow = page.QuerySelectorAll("#tien-do-giam-khao tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "GK 6");
        Assert.Equal(("1", "0", "1"), (judgeRow.QuerySelector(".assigned")!.TextContent, judgeRow.QuerySelector(".submitted")!.TextContent, judgeRow.QuerySelector(".drafts")!.TextContent));
    }

    [Fact]
    public async Task Ranking_by_another_method_is_a_query_parameter()
    {
        var round = await HandComputedRoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var page = await browser.GetPageAsync(Url(round, "&xepTheo=trung-vi"));

        Assert.Equal("Trung vị", page.QuerySelector("#bang-xep-hang thead th.ranked-by")!.TextContent.Trim());
        Assert.Equal("50", Cell(page, round, "E1", "total"));
    }

    [Fact]
    public async Task Tie_breaks_are_explained_where_a_tie_was_broken()
    {
        string[] panel = ["Vũ Thị Hạnh", "Ngô Đức Anh"];
        var round = await new RoundBuilder(site, "Vòng hòa điểm").Judge(panel).Entry("X", 2).Entry("Y", 9).Entry("Z", 1)
            .SubmittedByAll("X", panel, 10, 20, 20)
            .SubmittedByAll("Y", panel, 10, 20, 20)
            .SubmittedByAll("Z", panel, 5, 5, 5)
            .SaveAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var page = await browser.GetPageAsync(Url(round));

        Assert.Equal("", Cell(page, round, "X", "note"));
        Assert.Equal("Bằng điểm, xếp sau do nộp hồ sơ muộn hơn", Cell(page, round, "Y", "note"));
        Assert.Equal("", Cell(page, round, "Z", "note"));
    }

    [Fact]
    public async Task Agreement_figures_on_the_page_are_the_domain_analysis_with_explanations()
    {
        var round = await AgreementAndTopNTests.SeedAsync(site, AgreementAndTopNTests.HarshCase);
        var expected = AgreementAndTopNTests.Expected(round, AgreementAndTopNTests.HarshCase);
        var browser = await site.SignedInAsync(Roles.Organizer);

        var page = await browser.GetPageAsync(Url(round));

        Assert.Equal(ResultFormat.Statistic(expected.Icc1), page.QuerySelector("#icc1")!.TextContent);
        Assert.Equal(
            expected.Panels.Select(p => (ResultFormat.Statistic(p.KendallW), ResultFormat.Statistic(p.Icc21))),
            page.QuerySelectorAll("#to-giam-khao tbody tr").Select(tr => (tr.QuerySelector(".kendall-w")!.TextContent, tr.QuerySelector(".icc21")!.TextContent)));
        var harsh = page.QuerySelector($"#do-rong-tay tr[data-judge='{round.JudgeId("Khắt Khe")}']")!;
        Assert.Equal("−32", harsh.QuerySelector(".deviation")!.TextContent);
        Assert.Contains("Chặt tay hơn đồng nghiệp", harsh.TextContent);
        var section = page.QuerySelector("section[aria-labelledby=dong-thuan]")!.TextContent;
        Assert.Contains("1 là hoàn toàn nhất quán", section);
        Assert.Contains("dấu + là chấm rộng tay hơn đồng nghiệp", section);
        Assert.Contains("1 là cùng một thứ tự", section);
    }

    [Fact]
    public async Task Top_N_indicator_names_the_entries_that_enter_and_leave()
    {
        var round = await AgreementAndTopNTests.SeedAsync(site, AgreementAndTopNTests.HarshCase);
        var browser = await site.SignedInAsync(Roles.Organizer);

        var top2 = await browser.GetPageAsync(Url(round, "&top=2"));
        var top11 = await browser.GetPageAsync(Url(round));

        Assert.Equal("Top 2 có thay đổi khi chuẩn hóa theo giám khảo?", top2.QuerySelector("#top-n")!.TextContent);
        Assert.StartsWith("Có.", top2.QuerySelector("#top-n-ket-luan")!.TextContent.Trim());
        Assert.Equal($"{round.Code("P1")} (hạng 3 → 1)", top2.QuerySelector("#top-n-vao")!.TextContent);
        Assert.StartsWith(round.Code("Q2"), top2.QuerySelector("#top-n-ra")!.TextContent);
        // Six entries, eleven places: the same entries, in another order.
        Assert.Equal("Top 11 có thay đổi khi chuẩn hóa theo giám khảo?", top11.QuerySelector("#top-n")!.TextContent);
        Assert.StartsWith("Có, về thứ tự.", top11.QuerySelector("#top-n-ket-luan")!.TextContent.Trim());
        Assert.Null(top11.QuerySelector("#top-n-vao"));
    }

    [Fact]
    public async Task The_latest_round_is_shown_by_default_and_an_unknown_round_is_not_found()
    {
        await new RoundBuilder(site, "Vòng sơ khảo cũ", order: 1).Judge("Cao Văn Sơn").Entry("O1").Submitted("O1", "Cao Văn Sơn", 1, 1, 1).SaveAsync();
        var latest = await new RoundBuilder(site, "Vòng chung khảo mới", order: 99).Judge("Cao Thị Thủy").Entry("N1").Submitted("N1", "Cao Thị Thủy", 2, 2, 2).SaveAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var page = await browser.GetPageAsync("/quan-tri/cham-diem/ket-qua");
        var missing = await browser.Client.GetAsync("/quan-tri/cham-diem/ket-qua?vong=987654");

        Assert.Contains("Vòng chung khảo mới", page.QuerySelector("#tom-tat")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#bang-xep-hang tr[data-code='{latest.Code("N1")}']"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_page_reports_its_server_time()
    {
        var round = await HandComputedRoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var response = await browser.Client.GetAsync(Url(round));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(ServerTiming(), string.Join(", ", response.Headers.GetValues("Server-Timing")));
    }

    [Theory]
    [InlineData(Roles.Entrant)]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Committee)]
    public async Task Only_organizers_see_results(string role)
    {
        var round = await new RoundBuilder(site, "Vòng kiểm tra quyền").Judge("Lý Văn Kiên").Entry("S1").Submitted("S1", "Lý Văn Kiên", 5, 5, 5).SaveAsync();
        var browser = await site.SignedInAsync(role);
        var anonymous = site.NewBrowser();
        string[] urls =
        [
            Url(round),
            $"/quan-tri/cham-diem/ket-qua/{round.Round.Id}/cong-trinh/{round.EntryId("S1")}",
            $"/quan-tri/cham-diem/ket-qua/{round.Round.Id}/xuat?dinhDang=csv&phan=diem",
            $"/quan-tri/cham-diem/ket-qua/{round.Round.Id}/xuat?dinhDang=xlsx&phan=xep-hang",
        ];

        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync(url)).StatusCode);
            var redirect = await anonymous.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Contains(AccountSetup.LoginPath + "?ReturnUrl=", redirect.Headers.Location!.OriginalString);
        }
    }

    [GeneratedRegex(@"^data;dur=\d+(\.\d)?, app;dur=\d+(\.\d)?, cpu;dur=\d+(\.\d)?$")]
    private static partial Regex ServerTiming();
}

/// <summary>A site without rounds: the page says so instead of failing.</summary>
public sealed class EmptyResultsPageTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Without_rounds_the_page_explains_there_is_nothing_yet()
    {
        var browser = await site.SignedInAsync(Roles.Organizer);

        var page = await browser.GetPageAsync("/quan-tri/cham-diem/ket-qua");

        Assert.Contains("Chưa có vòng chấm nào", page.QuerySelector("main")!.TextContent);
    }
}
