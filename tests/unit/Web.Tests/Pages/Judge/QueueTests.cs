using System.Net;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages.Judge;

public sealed class QueueTests(TestSite site) : IClassFixture<TestSite>
{
    private Task AddSheetAsync(JudgingRound round, int entryId, int judgeId, SheetState state) =>
        site.QueryAsync(async db =>
        {
            db.ScoreSheets.Add(new ScoreSheet
            {
                RoundId = round.Id, EntryId = entryId, JudgeId = judgeId, State = state, UpdatedAt = site.Time.GetUtcNow().UtcDateTime,
                Lines = [new ScoreLine { CriterionCode = "DMST", Points = 10 }],
            });
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task The_queue_lists_only_the_judges_own_entries_of_open_rounds_with_progress()
    {
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var someone = await CouncilSeed.JudgeAsync(site, "Giám khảo Khác");
        var round = await CouncilSeed.RoundAsync(site, name: "Vòng sơ khảo số 1");
        var closed = await CouncilSeed.RoundAsync(site, RoundState.Closed, name: "Vòng đã đóng");
        var mine = new[] { await CouncilSeed.EntryAsync(site), await CouncilSeed.EntryAsync(site), await CouncilSeed.EntryAsync(site) };
        var theirs = await CouncilSeed.EntryAsync(site);
        foreach (var entry in mine)
            await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);
        await CouncilSeed.AssignAsync(site, round, theirs.Id, someone.Id);
        await CouncilSeed.AssignAsync(site, closed, theirs.Id, me.Id);
        await AddSheetAsync(round, mine[0].Id, me.Id, SheetState.Draft);
        await AddSheetAsync(round, mine[1].Id, me.Id, SheetState.Submitted);

        var page = await browser.GetPageAsync("/giam-khao");

        var section = page.QuerySelector($"section[aria-labelledby=vong-{round.Id}]")!;
        Assert.Contains("Vòng sơ khảo số 1", section.QuerySelector("h2")!.TextContent);
        Assert.Contains("Đã nộp 1/3, nháp 1", section.QuerySelector(".progress-text")!.TextContent);
        var links = section.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(mine.Select(e => CouncilSeed.UrlOf(round, e.Id)).Order(), links.Order());
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == CouncilSeed.UrlOf(round, theirs.Id));
        Assert.DoesNotContain("Vòng đã đóng", page.Body!.TextContent);
        var states = section.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("a")!.GetAttribute("href")!, r => r.QuerySelector(".badge")!.TextContent);
        Assert.Equal("Nháp", states[CouncilSeed.UrlOf(round, mine[0].Id)]);
        Assert.Equal("Đã nộp", states[CouncilSeed.UrlOf(round, mine[1].Id)]);
        Assert.Equal("Chưa chấm", states[CouncilSeed.UrlOf(round, mine[2].Id)]);
    }

    [Fact]
    public async Task A_closed_round_keeps_the_judges_sheets_readable_but_not_editable()
    {
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site, RoundState.Closed);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);
        await AddSheetAsync(round, entry.Id, me.Id, SheetState.Draft);

        var page = await browser.GetPageAsync(CouncilSeed.UrlOf(round, entry.Id));

        Assert.Null(page.QuerySelector("#score-form"));
        Assert.Null(page.QuerySelector("#conflict-form"));
        Assert.Contains("Vòng chấm đã kết thúc", page.Body!.TextContent);
    }

    [Fact]
    public async Task An_account_with_the_role_but_no_place_in_the_council_is_told_so()
    {
        var browser = await site.SignedInAsync(ContestPlatform.Web.Accounts.Roles.Judge);
        var (response, page) = await browser.GetAsync("/giam-khao");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("chưa có trong danh sách Hội đồng chuyên môn", page.Body!.TextContent);
    }
}
