using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging;

public sealed class RoundTests
{
    [Fact]
    public async Task An_organizer_creates_a_round_with_three_judges_per_entry_and_edits_it()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);

        var created = await organizer.SubmitFormAsync("/quan-tri/cham-diem/vong/moi", new() { ["Input.Name"] = "Vòng sơ khảo", ["Input.Seed"] = "42" }, "#round-form");
        var board = await organizer.FollowAsync(created);
        Assert.Contains("Đã tạo Vòng sơ khảo", board.QuerySelector(".alert-success")!.TextContent);
        var round = await site.QueryAsync(db => db.JudgingRounds.AsNoTracking().SingleAsync());
        Assert.Equal(("Vòng sơ khảo", 1, 3, 42, RoundState.Draft, CutoffKind.None), (round.Name, round.Order, round.JudgesPerEntry, round.Seed, round.State, round.Cutoff));
        Assert.Equal(64, round.LabelKey.Length);

        var edited = await organizer.SubmitFormAsync($"/quan-tri/cham-diem/vong/{round.Id}", new()
        {
            ["Input.State"] = "Open",
            ["Input.JudgesPerEntry"] = "5",
            ["Input.Cutoff"] = "TopCount",
            ["Input.CutoffValue"] = "20",
        }, "#round-form");
        await organizer.FollowAsync(edited);
        round = await site.QueryAsync(db => db.JudgingRounds.AsNoTracking().SingleAsync());
        Assert.Equal((RoundState.Open, 5, CutoffKind.TopCount, 20m), (round.State, round.JudgesPerEntry, round.Cutoff, round.CutoffValue));

        var list = await organizer.GetPageAsync("/quan-tri/cham-diem");
        Assert.Contains("Vòng sơ khảo", list.QuerySelector("#rounds")!.TextContent);
        Assert.Contains("Đang chấm", list.QuerySelector("#rounds")!.TextContent);
        Assert.Single(await CouncilSeed.AuditAsync(site, "round.create"));
        Assert.Single(await CouncilSeed.AuditAsync(site, "round.update"));
    }

    [Fact]
    public async Task Bad_round_settings_are_refused_with_a_message()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        await CouncilSeed.RoundAsync(site, order: 1);

        foreach (var (fields, message) in new (Dictionary<string, string>, string)[]
                 {
                     (new() { ["Input.Order"] = "1" }, "Đã có vòng chấm mang thứ tự 1"),
                     (new() { ["Input.JudgesPerEntry"] = "0" }, "Số giám khảo chấm mỗi công trình phải nằm trong khoảng từ 1 đến 50."),
                     (new() { ["Input.Cutoff"] = "TopCount", ["Input.CutoffValue"] = "" }, "Vui lòng nhập số công trình được vào vòng sau."),
                     (new() { ["Input.Cutoff"] = "MinimumScore", ["Input.CutoffValue"] = "abc" }, "Giá trị ngưỡng phải là một số"),
                     (new() { ["Input.Cutoff"] = "MinimumScore", ["Input.CutoffValue"] = "101" }, "Điểm sàn không được vượt tổng điểm tối đa 100."),
                     (new() { ["Input.Name"] = "" }, "Vui lòng nhập Tên vòng chấm."),
                 })
        {
            var response = await organizer.SubmitFormAsync("/quan-tri/cham-diem/vong/moi", fields, "#round-form");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, (await Browser.ParseAsync(response)).Body!.TextContent);
        }
        Assert.Equal(1, await site.QueryAsync(db => db.JudgingRounds.CountAsync()));
    }

    [Fact]
    public async Task Of_two_organizers_editing_one_round_the_later_is_refused()
    {
        using var site = new TestSite();
        var first = await CouncilSeed.OrganizerAsync(site);
        var second = await CouncilSeed.OrganizerAsync(site);
        var round = await CouncilSeed.RoundAsync(site, order: 1);
        var url = $"/quan-tri/cham-diem/vong/{round.Id}";
        var secondForm = (IHtmlFormElement)(await second.GetPageAsync(url)).QuerySelector("#round-form")!;

        await first.FollowAsync(await first.SubmitFormAsync(url, new() { ["Input.Name"] = "Vòng sơ khảo (sửa lần 1)" }, "#round-form"));
        var later = await second.SubmitAsync(secondForm, url, new() { ["Input.Name"] = "Vòng sơ khảo (sửa lần 2)" });

        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        Assert.Contains(RoundService.StaleMessage, (await Browser.ParseAsync(later)).Body!.TextContent);
        Assert.Equal("Vòng sơ khảo (sửa lần 1)", await site.QueryAsync(db => db.JudgingRounds.Select(r => r.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_later_round_judges_the_entries_that_pass_the_earlier_rounds_cut_off()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var judge = await CouncilSeed.JudgeAsync(site, "Giám khảo Sơ khảo");
        var first = await CouncilSeed.RoundAsync(site, RoundState.Closed, judgesPerEntry: 1, name: "Vòng sơ khảo", order: 1);
        await site.QueryAsync(async db =>
        {
            var stored = await db.JudgingRounds.SingleAsync(r => r.Id == first.Id);
            stored.Cutoff = CutoffKind.TopCount;
            stored.CutoffValue = 2;
            return await db.SaveChangesAsync();
        });
        var second = await CouncilSeed.RoundAsync(site, RoundState.Draft, name: "Vòng chung khảo", order: 2);
        var entries = new List<Entry>();
        foreach (var (hq, status) in new[] { (30m, EntryStatus.Judged), (20m, EntryStatus.Judged), (10m, EntryStatus.Judged), (25m, EntryStatus.Judging) })
        {
            var entry = await CouncilSeed.EntryAsync(site, configure: e => e.Status = status);
            entries.Add(entry);
            await CouncilSeed.AssignAsync(site, first, entry.Id, judge.Id);
            // The fourth entry's sheet is still a draft: it is not ranked, so it does not go on.
            await site.QueryAsync(async db =>
            {
                db.ScoreSheets.Add(new ScoreSheet
                {
                    RoundId = first.Id, EntryId = entry.Id, JudgeId = judge.Id,
                    State = status == EntryStatus.Judged ? SheetState.Submitted : SheetState.Draft,
                    Lines = [new ScoreLine { CriterionCode = "DMST", Points = 10 }, new ScoreLine { CriterionCode = "HQ", Points = hq }, new ScoreLine { CriterionCode = "KNAD", Points = 10 }],
                });
                return await db.SaveChangesAsync();
            });
        }

        var board = await organizer.GetPageAsync($"/quan-tri/cham-diem/vong/{second.Id}/phan-cong");

        var table = board.QuerySelector("#assignments")!.TextContent;
        Assert.Contains(entries[0].Code!, table);
        Assert.Contains(entries[1].Code!, table);
        Assert.DoesNotContain(entries[2].Code!, table);
        Assert.DoesNotContain(entries[3].Code!, table);
        Assert.Contains("2 công trình dẫn đầu vòng “Vòng sơ khảo”", board.Body!.TextContent);
        var edit = await organizer.GetPageAsync($"/quan-tri/cham-diem/vong/{second.Id}");
        Assert.Contains("Công trình của vòng này: 2", edit.QuerySelector("#entries-title")!.TextContent);
        Assert.Contains("còn 1 phiếu chấm chưa nộp", edit.Body!.TextContent);
    }
}
