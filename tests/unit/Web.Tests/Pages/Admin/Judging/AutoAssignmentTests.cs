using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging;

/// <summary>The organizer previews the automatic assignment, then applies exactly that plan. Each test has a site of its own.</summary>
public sealed class AutoAssignmentTests
{
    private static string PreviewUrl(int roundId) => $"/quan-tri/cham-diem/vong/{roundId}/phan-cong/tu-dong";

    /// <summary>Creates the round through the organizer's form, as they would.</summary>
    private static async Task<JudgingRound> CreateRoundAsync(TestSite site, Browser organizer)
    {
        var form = await organizer.GetPageAsync("/quan-tri/cham-diem/vong/moi");
        Assert.Equal("3", ((IHtmlInputElement)form.QuerySelector("#Input_JudgesPerEntry")!).Value);
        var created = await organizer.SubmitFormAsync("/quan-tri/cham-diem/vong/moi", new() { ["Input.Name"] = "Vòng sơ khảo", ["Input.State"] = "Open" }, "#round-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await site.QueryAsync(db => db.JudgingRounds.AsNoTracking().SingleAsync());
    }

    [Fact]
    public async Task Preview_then_apply_gives_k_judges_per_entry_balanced_loads_and_never_a_conflicted_judge()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var entries = new List<ContestPlatform.Web.Entries.Entry>
        {
            await CouncilSeed.EntryAsync(site, organisation: "Sở Y tế Thái Nguyên", taxCode: "4600100100"),
            await CouncilSeed.EntryAsync(site, organisation: "Hợp tác xã Chè Tân Cương"),
            await CouncilSeed.EntryAsync(site, organisation: "Bệnh viện C Thái Nguyên"),
            await CouncilSeed.EntryAsync(site, organisation: "Công ty Cổ phần Gang thép"),
        };
        // Written without diacritics and in capitals: still the entrant's organisation.
        var conflicted = await CouncilSeed.JudgeAsync(site, "Giám khảo Sở Y tế", "SO Y TE THAI NGUYEN");
        var byTaxCode = await CouncilSeed.JudgeAsync(site, "Giám khảo Cùng MST", "Văn phòng luật", taxCode: "4600-100-100");
        var others = new[]
        {
            await CouncilSeed.JudgeAsync(site, "Giám khảo Ba"),
            await CouncilSeed.JudgeAsync(site, "Giám khảo Bốn"),
            await CouncilSeed.JudgeAsync(site, "Giám khảo Năm"),
        };
        var round = await CreateRoundAsync(site, organizer);

        var preview = await organizer.GetPageAsync(PreviewUrl(round.Id));

        Assert.Contains("12 lượt phân công mới", preview.QuerySelector("#tom-tat")!.TextContent.Replace("\n", " ").Replace("  ", " "));
        Assert.Empty(await CouncilSeed.ActiveAsync(site, round.Id));
        Assert.NotNull(preview.QuerySelector("#phuong-an"));

        var applied = await organizer.SubmitFormAsync(PreviewUrl(round.Id), [], "#apply-form");
        var board = await organizer.FollowAsync(applied);
        Assert.Contains("Đã áp dụng phân công tự động: thêm 12 lượt phân công", board.QuerySelector(".alert-success")!.TextContent);

        var active = await CouncilSeed.ActiveAsync(site, round.Id);
        Assert.All(entries, e => Assert.Equal(3, active.Count(a => a.EntryId == e.Id)));
        Assert.Equal(active.Count, active.Select(a => (a.EntryId, a.JudgeId)).Distinct().Count());
        var loads = new[] { conflicted.Id, byTaxCode.Id }.Concat(others.Select(o => o.Id)).Select(id => active.Count(a => a.JudgeId == id)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"loads {string.Join(",", loads)}");
        Assert.DoesNotContain(active, a => a.EntryId == entries[0].Id && (a.JudgeId == conflicted.Id || a.JudgeId == byTaxCode.Id));
        Assert.All(active, a => Assert.Equal(AssignmentSource.Automatic, a.Source));

        // The board shows the detected conflicts with their reasons.
        var row = board.QuerySelector($"#cong-trinh-{entries[0].Id}")!.TextContent;
        Assert.Contains("Giám khảo Sở Y tế: Cùng cơ quan, đơn vị với người dự thi", row);
        Assert.Contains("Giám khảo Cùng MST: Cùng mã số thuế với người dự thi", row);

        var lines = await CouncilSeed.AuditAsync(site, "assignment.add");
        Assert.Equal(12, lines.Count);
        using (var data = JsonDocument.Parse(lines[0].Data))
        {
            Assert.Equal(round.Id, data.RootElement.GetProperty("round").GetInt32());
            Assert.Contains(data.RootElement.GetProperty("entry").GetInt32(), entries.Select(e => e.Id));
            Assert.True(data.RootElement.GetProperty("judge").GetInt32() > 0);
            Assert.StartsWith("Phân công tự động", data.RootElement.GetProperty("reason").GetString());
        }
        Assert.True((await site.QueryAsync(db => AuditVerifier.VerifyAsync(db))).IsIntact);

        // Applying again has nothing to do.
        var again = await organizer.GetPageAsync(PreviewUrl(round.Id));
        Assert.Null(again.QuerySelector("#apply-form"));
        Assert.Contains("Phân công đã đầy đủ", again.Body!.TextContent);
    }

    [Fact]
    public async Task A_plan_that_changed_since_the_preview_is_not_applied()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        await CouncilSeed.EntryAsync(site);
        await CouncilSeed.EntryAsync(site);
        await CouncilSeed.JudgeAsync(site, "Giám khảo A");
        await CouncilSeed.JudgeAsync(site, "Giám khảo B");
        var round = await CreateRoundAsync(site, organizer);
        var form = (IHtmlFormElement)(await organizer.GetPageAsync(PreviewUrl(round.Id))).QuerySelector("#apply-form")!;

        await CouncilSeed.JudgeAsync(site, "Giám khảo đến muộn");
        var response = await organizer.SubmitAsync(form, PreviewUrl(round.Id), []);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(AssignmentService.PlanChangedMessage, (await Browser.ParseAsync(response)).Body!.TextContent);
        Assert.Empty(await CouncilSeed.ActiveAsync(site, round.Id));
        Assert.Empty(await CouncilSeed.AuditAsync(site, "assignment.add"));
    }

    [Fact]
    public async Task Entries_that_cannot_get_k_judges_free_of_conflicts_are_reported_not_forced()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.JudgeAsync(site, "Giám khảo A");
        await CouncilSeed.JudgeAsync(site, "Giám khảo B");
        await CouncilSeed.JudgeAsync(site, "Giám khảo Cùng công ty", CouncilSeed.Organisation);
        var round = await CreateRoundAsync(site, organizer);

        var preview = await organizer.GetPageAsync(PreviewUrl(round.Id));
        Assert.Contains($"Công trình {entry.Code} chỉ có 2/3 giám khảo không có xung đột lợi ích", preview.QuerySelector("#thieu-giam-khao")!.TextContent);

        var board = await organizer.FollowAsync(await organizer.SubmitFormAsync(PreviewUrl(round.Id), [], "#apply-form"));
        Assert.Equal(2, (await CouncilSeed.ActiveAsync(site, round.Id)).Count);
        Assert.Contains("Thiếu 1 giám khảo", board.QuerySelector($"#cong-trinh-{entry.Id}")!.TextContent);
    }

    [Fact]
    public async Task A_judge_found_conflicted_later_is_taken_off_by_the_next_assignment_with_the_reason()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        var judge = await CouncilSeed.JudgeAsync(site, "Giám khảo Đổi nơi công tác");
        await CouncilSeed.JudgeAsync(site, "Giám khảo B");
        var round = await CreateRoundAsync(site, organizer);
        await site.QueryAsync(async db =>
        {
            (await db.JudgingRounds.SingleAsync()).JudgesPerEntry = 1;
            return await db.SaveChangesAsync();
        });
        await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);
        await site.QueryAsync(async db =>
        {
            (await db.Judges.SingleAsync(j => j.Id == judge.Id)).Organisation = CouncilSeed.Organisation;
            return await db.SaveChangesAsync();
        });

        var preview = await organizer.GetPageAsync(PreviewUrl(round.Id));
        Assert.Contains("Xung đột lợi ích: Cùng cơ quan, đơn vị với người dự thi", preview.QuerySelector("#go-bo")!.TextContent);
        await organizer.FollowAsync(await organizer.SubmitFormAsync(PreviewUrl(round.Id), [], "#apply-form"));

        var active = Assert.Single(await CouncilSeed.ActiveAsync(site, round.Id));
        Assert.NotEqual(judge.Id, active.JudgeId);
        var removal = Assert.Single(await CouncilSeed.AuditAsync(site, "assignment.remove"));
        using var data = JsonDocument.Parse(removal.Data);
        Assert.Equal(judge.Id, data.RootElement.GetProperty("judge").GetInt32());
        Assert.Equal("Xung đột lợi ích: Cùng cơ quan, đơn vị với người dự thi", data.RootElement.GetProperty("reason").GetString());
    }
}
