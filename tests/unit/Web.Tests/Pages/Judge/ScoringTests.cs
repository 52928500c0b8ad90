using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Judge;

public sealed class ScoringTests(TestSite site) : IClassFixture<TestSite>
{
    private sealed record Setup(JudgingRound Round, Entry Entry, int JudgeId, Browser Browser, string Url);

    private async Task<Setup> AssignedAsync(int judgesPerEntry = 3)
    {
        var (judge, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site, judgesPerEntry: judgesPerEntry);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);
        return new Setup(round, entry, judge.Id, browser, CouncilSeed.UrlOf(round, entry.Id));
    }

    private static Dictionary<string, string> Scores(string dmst, string hq, string knad) => new()
    {
        ["Input.Points[DMST]"] = dmst,
        ["Input.Points[HQ]"] = hq,
        ["Input.Points[KNAD]"] = knad,
    };

    private static Task<HttpResponseMessage> SaveAsync(Setup s, Dictionary<string, string> fields) =>
        s.Browser.SubmitFormAsync(s.Url, fields, "#score-form", "thaoTac=luu");

    private static async Task<IHtmlFormElement> ScoreFormAsync(Setup s) =>
        (IHtmlFormElement)(await s.Browser.GetPageAsync(s.Url)).QuerySelector("#score-form")!;

    private Task<ScoreSheet?> SheetAsync(Setup s) => CouncilSeed.SheetAsync(site, s.Round, s.Entry.Id, s.JudgeId);

    private Task<EntryStatus> StatusAsync(Setup s) =>
        site.QueryAsync(db => db.Entries.Where(e => e.Id == s.Entry.Id).Select(e => e.Status).SingleAsync());

    [Fact]
    public async Task A_draft_then_a_confirmed_submission_locks_the_sheet_and_posting_again_is_refused()
    {
        var s = await AssignedAsync(judgesPerEntry: 1);
        var staleForm = await ScoreFormAsync(s);

        var saved = await SaveAsync(s, Scores("15,5", "", "20"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = (await SheetAsync(s))!;
        Assert.Equal(SheetState.Draft, draft.State);
        Assert.Equal(15.5m, draft.Lines.Single(l => l.CriterionCode == "DMST").Points);
        Assert.DoesNotContain(draft.Lines, l => l.CriterionCode == "HQ");
        Assert.Equal(EntryStatus.Judging, await StatusAsync(s));
        var page = await s.Browser.FollowAsync(saved);
        Assert.Contains("Đã lưu nháp phiếu chấm", page.QuerySelector(".alert-success")!.TextContent);
        Assert.Equal("15.5", ((IHtmlInputElement)page.QuerySelector("#diem-DMST")!).Value);

        // "Nộp phiếu chấm" saves, then asks for confirmation with exactly what will be submitted.
        var submit = await s.Browser.SubmitFormAsync(s.Url, Scores("15.5", "25", "20"), "#score-form", "thaoTac=nop");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var confirm = await s.Browser.FollowAsync(submit);
        Assert.Contains("Xác nhận nộp phiếu chấm", confirm.QuerySelector("#xac-nhan")!.TextContent);
        Assert.Contains("60,5", confirm.QuerySelector("#xac-nhan")!.TextContent);
        Assert.Equal(SheetState.Draft, (await SheetAsync(s))!.State);

        var confirmed = await s.Browser.SubmitFormAsync(s.Url + "?xacNhan=true", [], "#confirm-form");
        var locked = await s.Browser.FollowAsync(confirmed);
        Assert.Contains("Đã nộp phiếu chấm", locked.QuerySelector(".alert-success")!.TextContent);
        Assert.Null(locked.QuerySelector("#score-form"));
        var submitted = (await SheetAsync(s))!;
        Assert.Equal(SheetState.Submitted, submitted.State);
        Assert.Equal(EntryStatus.Judged, await StatusAsync(s));

        // The form of a page opened earlier, posted after submission: refused, nothing changes.
        foreach (var command in new[] { "thaoTac=luu", "thaoTac=nop" })
        {
            var again = await s.Browser.SubmitAsync(staleForm, s.Url, Scores("20", "30", "30"), command);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains(ScoringService.LockedMessage, (await Browser.ParseAsync(again)).Body!.TextContent);
        }
        var confirmAgain = await s.Browser.Client.PostAsync(s.Url + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ((IHtmlInputElement)staleForm.QuerySelector("input[name=__RequestVerificationToken]")!).Value,
            ["Input.Version"] = submitted.Version.ToString(),
        }));
        Assert.Equal(HttpStatusCode.Conflict, confirmAgain.StatusCode);
        var after = (await SheetAsync(s))!;
        Assert.Equal(submitted.Version, after.Version);
        Assert.Equal([15.5m, 25m, 20m], after.Lines.OrderBy(l => l.CriterionCode == "DMST" ? 0 : l.CriterionCode == "HQ" ? 1 : 2).Select(l => l.Points));

        // Every save and the submission are audit lines naming round, entry, judge and scores.
        var lines = await site.QueryAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Subject == $"entry:{s.Entry.Id}")
            .OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(["scorecard.save", "scorecard.save", "scorecard.submit"], lines.Select(l => l.Action));
        using var data = JsonDocument.Parse(lines[^1].Data);
        Assert.Equal(s.Round.Id, data.RootElement.GetProperty("round").GetInt32());
        Assert.Equal(s.Entry.Id, data.RootElement.GetProperty("entry").GetInt32());
        Assert.Equal(s.JudgeId, data.RootElement.GetProperty("judge").GetInt32());
        Assert.Equal(25m, data.RootElement.GetProperty("scores").GetProperty("HQ").GetDecimal());
        Assert.True((await site.QueryAsync(db => AuditVerifier.VerifyAsync(db))).IsIntact);
    }

    [Theory]
    [InlineData("HQ", "31", "Điểm tiêu chí HQ phải từ 0 đến 30, theo bước 0,5.")]
    [InlineData("DMST", "15.3", "Điểm tiêu chí DMST phải từ 0 đến 20, theo bước 0,5.")]
    [InlineData("KNAD", "-1", "Điểm tiêu chí KNAD phải từ 0 đến 30, theo bước 0,5.")]
    [InlineData("HQ", "abc", "Điểm tiêu chí HQ phải là một số, ví dụ 15 hoặc 15,5.")]
    [InlineData("DMST", "1e1", "Điểm tiêu chí DMST phải là một số, ví dụ 15 hoặc 15,5.")]
    public async Task A_score_out_of_range_off_step_negative_or_not_a_number_is_refused_next_to_its_input(string code, string value, string message)
    {
        var s = await AssignedAsync();
        var fields = Scores("10", "20", "20");

        // Before any save: nothing is created.
        fields[$"Input.Points[{code}]"] = value;
        var first = await SaveAsync(s, fields);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var page = await Browser.ParseAsync(first);
        Assert.Equal(message, page.QuerySelector($"#loi-diem-{code}")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector($"#diem-{code}")!.GetAttribute("aria-invalid"));
        Assert.Null(await SheetAsync(s));

        // With a draft saved: it stays exactly as it was.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(s, Scores("10", "20", "20"))).StatusCode);
        var before = (await SheetAsync(s))!;
        var second = await SaveAsync(s, fields);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var after = (await SheetAsync(s))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Lines.Select(l => (l.CriterionCode, l.Points)).Order(), after.Lines.Select(l => (l.CriterionCode, l.Points)).Order());
        Assert.Single(await site.QueryAsync(db => db.AuditLog.Where(a => a.Subject == $"entry:{s.Entry.Id}").ToListAsync()));
    }

    [Fact]
    public async Task Submitting_with_a_criterion_not_scored_is_refused_and_saves_nothing()
    {
        var s = await AssignedAsync();

        var response = await s.Browser.SubmitFormAsync(s.Url, Scores("10", "", "20"), "#score-form", "thaoTac=nop");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Vui lòng chấm tiêu chí HQ trước khi nộp phiếu.", page.QuerySelector("#loi-diem-HQ")!.TextContent);
        Assert.Null(await SheetAsync(s));
    }

    [Fact]
    public async Task A_criterion_comment_needs_its_score_and_long_comments_are_refused()
    {
        var s = await AssignedAsync();
        var fields = Scores("10", "", "20");
        fields["Input.Comments[HQ]"] = "Cần thêm số liệu.";
        fields["Input.Comment"] = new string('a', 4001);

        var response = await SaveAsync(s, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Vui lòng nhập điểm tiêu chí HQ", page.QuerySelector("#loi-nhan-xet-HQ")!.TextContent);
        Assert.Contains("không được dài quá 4000 ký tự", page.QuerySelector("#loi-nhan-xet-chung")!.TextContent);
        Assert.Null(await SheetAsync(s));
    }

    [Fact]
    public async Task Of_two_tabs_of_one_judge_the_later_save_is_refused_and_changes_nothing()
    {
        var s = await AssignedAsync();
        var firstTab = await ScoreFormAsync(s);
        var secondTab = await ScoreFormAsync(s);

        Assert.Equal(HttpStatusCode.Redirect, (await s.Browser.SubmitAsync(firstTab, s.Url, Scores("12", "22", "24"), "thaoTac=luu")).StatusCode);
        var saved = (await SheetAsync(s))!;
        var later = await s.Browser.SubmitAsync(secondTab, s.Url, Scores("1", "2", "3"), "thaoTac=luu");

        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        Assert.Contains("Phiếu chấm vừa được lưu ở một cửa sổ khác. Vui lòng tải lại trang.", (await Browser.ParseAsync(later)).Body!.TextContent);
        var after = (await SheetAsync(s))!;
        Assert.Equal(saved.Version, after.Version);
        Assert.Equal(12m, after.Lines.Single(l => l.CriterionCode == "DMST").Points);

        // Two tabs that both had a saved draft: same outcome.
        var third = await ScoreFormAsync(s);
        var fourth = await ScoreFormAsync(s);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Browser.SubmitAsync(third, s.Url, Scores("13", "22", "24"), "thaoTac=luu")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Browser.SubmitAsync(fourth, s.Url, Scores("14", "22", "24"), "thaoTac=nop")).StatusCode);
        Assert.Equal(13m, (await SheetAsync(s))!.Lines.Single(l => l.CriterionCode == "DMST").Points);
    }

    [Fact]
    public async Task Tampered_round_entry_and_judge_fields_are_ignored()
    {
        var s = await AssignedAsync();
        var other = await CouncilSeed.JudgeAsync(site, "Giám khảo Khác");
        var otherRound = await CouncilSeed.RoundAsync(site);
        var otherEntry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, otherRound, otherEntry.Id, other.Id);
        var fields = Scores("10", "20", "20");
        fields["Input.EntryId"] = otherEntry.Id.ToString();
        fields["Input.JudgeId"] = other.Id.ToString();
        fields["Input.RoundId"] = otherRound.Id.ToString();
        fields["EntryId"] = otherEntry.Id.ToString();
        fields["JudgeId"] = other.Id.ToString();
        fields["roundId"] = otherRound.Id.ToString();
        fields["label"] = EntryLabels.Of(otherRound, otherEntry.Id);
        fields["Input.Points[BC]"] = "20";
        fields["Input.Points[XYZ]"] = "99";

        var response = await SaveAsync(s, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sheets = await site.QueryAsync(db => db.ScoreSheets.AsNoTracking().Include(x => x.Lines)
            .Where(x => x.EntryId == s.Entry.Id || x.EntryId == otherEntry.Id).ToListAsync());
        var sheet = Assert.Single(sheets);
        Assert.Equal((s.Round.Id, s.Entry.Id, s.JudgeId), (sheet.RoundId, sheet.EntryId, sheet.JudgeId));
        Assert.Equal(["DMST", "HQ", "KNAD"], sheet.Lines.Select(l => l.CriterionCode).Order());
    }

    [Fact]
    public async Task The_page_offers_the_rubric_inputs_with_bounds_steps_and_the_next_entry()
    {
        var s = await AssignedAsync();
        var second = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, s.Round, second.Id, s.JudgeId);

        var page = await s.Browser.GetPageAsync(s.Url);

        var hq = (IHtmlInputElement)page.QuerySelector("#diem-HQ")!;
        Assert.Equal(("number", "0", "30", "0.5", "decimal"), (hq.Type, hq.GetAttribute("min"), hq.GetAttribute("max"), hq.GetAttribute("step"), hq.GetAttribute("inputmode")));
        Assert.Equal("Input.Points[HQ]", hq.Name);
        Assert.NotNull(page.QuerySelector("label[for=diem-HQ]"));
        Assert.NotNull(page.QuerySelector("textarea#nhan-xet-HQ"));
        Assert.NotNull(page.QuerySelector("textarea#nhan-xet-chung"));
        Assert.Null(page.QuerySelector("#diem-BC"));
        Assert.Contains("Hiệu quả kinh tế - xã hội", page.QuerySelector("#tieu-chi-HQ legend")!.TextContent);
        Assert.Equal(CouncilSeed.UrlOf(s.Round, second.Id), page.QuerySelector("#cong-trinh-tiep-theo")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("#score-form button"), b => b.TextContent == "Lưu nháp");
        Assert.Contains(page.QuerySelectorAll("#score-form button"), b => b.TextContent == "Nộp phiếu chấm");
    }
}
