using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Tests.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging.Results;

/// <summary>The details page of an entry: every judge's score per criterion, and re-opening a submitted sheet.</summary>
public sealed class EntryResultsPageTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly string[] Panel = ["Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Minh Châu"];

    private static string Url(RoundBuilder round, string entry) =>
        $"/quan-tri/cham-diem/ket-qua/{round.Round.Id}/cong-trinh/{round.EntryId(entry)}";

    private async Task<RoundBuilder> RoundAsync() =>
        await new RoundBuilder(site).Judge(Panel).Entry("A", title: "Số hóa hồ sơ một cửa", entrant: "UBND phường Phan Đình Phùng").Entry("B")
            .Submitted("A", Panel[0], 15, 25, 20, comment: "Giải pháp thiết thực")
            .Submitted("A", Panel[1], 16, 24.5m, 21)
            .Draft("A", Panel[2], 20, 30, 30)
            .SubmittedByAll("B", Panel, 10, 10, 10)
            .SaveAsync();

    private Task<SheetState> StateAsync(RoundBuilder round, string entry, string judge) =>
        site.QueryAsync(db => db.ScoreSheets.Where(s => s.RoundId == round.Round.Id && s.EntryId == round.EntryId(entry) && s.JudgeId == round.JudgeId(judge))
            .Select(s => s.State).SingleAsync());

    [Fact]
    public async Task Every_score_of_every_judge_is_shown_by_criterion_with_the_judges_names()
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var page = await browser.GetPageAsync(Url(round, "A"));

        Assert.Contains("Số hóa hồ sơ một cửa", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("UBND phường Phan Đình Phùng", page.QuerySelector("main")!.TextContent);
        var headers = page.QuerySelectorAll("#bang-diem thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(Panel[0], headers);
        Assert.Contains(Panel[1], headers);
        Assert.DoesNotContain(Panel[2], headers); // a draft is not a score yet
        string Score(string criterion, string judge) =>
            page.QuerySelector($"#bang-diem tr[data-criterion='{criterion}'] td.score[data-judge='{round.JudgeId(judge)}']")!.TextContent;
        Assert.Equal("15", Score("DMST", Panel[0]));
        Assert.Equal("24,5", Score("HQ", Panel[1]));
        Assert.Equal("21", Score("KNAD", Panel[1]));
        Assert.Equal("61,5", page.QuerySelector($"#bang-diem td.judge-total[data-judge='{round.JudgeId(Panel[1])}']")!.TextContent.Trim());
        // Per-criterion means beside the judges' scores: HQ (25 + 24,5) / 2.
        var hq = page.QuerySelectorAll("#bang-diem tr[data-criterion='HQ'] td.aggregate").Select(td => td.TextContent).ToList();
        Assert.Equal("24,75", hq[0]);
        Assert.Contains("Giải pháp thiết thực", page.QuerySelector("#phieu-cham")!.ParentElement!.TextContent);
        Assert.Contains("Bản nháp", page.QuerySelector("#phieu-cham")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Reopening_needs_a_reason()
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);
        var sheetId = await site.QueryAsync(db => db.ScoreSheets
            .Where(s => s.RoundId == round.Round.Id && s.EntryId == round.EntryId("A") && s.JudgeId == round.JudgeId(Panel[0])).Select(s => s.Id).SingleAsync());

        var response = await browser.SubmitFormAsync(Url(round, "A"), new() { ["Reopen.Reason"] = "   " }, $"#phieu-{sheetId} form");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Vui lòng ghi lý do mở lại phiếu chấm.", page.QuerySelector($"#phieu-{sheetId}")!.TextContent);
        Assert.Equal(SheetState.Submitted, await StateAsync(round, "A", Panel[0]));
    }

    [Fact]
    public async Task A_sheet_of_another_entry_cannot_be_reopened_from_this_page()
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);
        var otherSheet = await site.QueryAsync(db => db.ScoreSheets
            .Where(s => s.RoundId == round.Round.Id && s.EntryId == round.EntryId("B")).Select(s => s.Id).FirstAsync());
        var page = await browser.GetPageAsync(Url(round, "A"));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(".reopen-form")!;

        var response = await browser.SubmitAsync(form, Url(round, "A"), new() { ["Reopen.SheetId"] = otherSheet.ToString(), ["Reopen.Reason"] = "Thử sửa id" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(SheetState.Submitted, await StateAsync(round, "B", Panel[0]));
    }

    [Fact]
    public async Task Reopening_with_a_reason_goes_through_the_scoring_service()
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);
        var sheetId = await site.QueryAsync(db => db.ScoreSheets
            .Where(s => s.RoundId == round.Round.Id && s.EntryId == round.EntryId("A") && s.JudgeId == round.JudgeId(Panel[1])).Select(s => s.Id).SingleAsync());

        var response = await browser.SubmitFormAsync(Url(round, "A"), new() { ["Reopen.Reason"] = "Giám khảo nhập nhầm điểm HQ" }, $"#phieu-{sheetId} form");

        var landed = await browser.FollowAsync(response);
        Assert.Contains($"Đã mở lại phiếu chấm của {Panel[1]}", landed.QuerySelector(".alert-success")!.TextContent);
        Assert.NotEqual(SheetState.Submitted, await StateAsync(round, "A", Panel[1]));
        // Once re-opened the sheet no longer counts: only the first judge's sheet is left for A.
        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);
        var a = results.Ranking.Single(r => r.Entry.Id == round.EntryId("A"));
        Assert.Equal(1, a.Progress.Submitted);
        Assert.Equal(60m, a.CouncilScore);
    }

    [Fact]
    public async Task A_refusal_of_the_scoring_service_is_shown_in_vietnamese_and_changes_nothing()
    {
        var round = await RoundAsync();
        await site.QueryAsync(async db =>
        {
            var stored = await db.JudgingRounds.SingleAsync(r => r.Id == round.Round.Id);
            stored.State = RoundState.Closed;
            return await db.SaveChangesAsync();
        });
        var browser = await site.SignedInAsync(Roles.Organizer);
        var sheetId = await site.QueryAsync(db => db.ScoreSheets
            .Where(s => s.RoundId == round.Round.Id && s.EntryId == round.EntryId("A") && s.JudgeId == round.JudgeId(Panel[0])).Select(s => s.Id).SingleAsync());

        var response = await browser.SubmitFormAsync(Url(round, "A"), new() { ["Reopen.Reason"] = "Cần sửa điểm" }, $"#phieu-{sheetId} form");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("đã kết thúc", page.QuerySelector(".alert-error")!.TextContent);
        Assert.Equal(SheetState.Submitted, await StateAsync(round, "A", Panel[0]));
    }

    [Fact]
    public async Task An_entry_outside_the_round_is_not_found()
    {
        var round = await RoundAsync();
        var other = await new RoundBuilder(site).Judge("Ông Khác").Entry("Z").Submitted("Z", "Ông Khác", 1, 1, 1).SaveAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var response = await browser.Client.GetAsync($"/quan-tri/cham-diem/ket-qua/{round.Round.Id}/cong-trinh/{other.EntryId("Z")}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
