using System.Net;
using System.Text.Json;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Judge;

/// <summary>A judge declares a conflict of interest: the entry leaves their list and goes to another judge, all on the record.</summary>
public sealed class ConflictDeclarationTests
{
    [Fact]
    public async Task Declaring_a_conflict_hands_the_entry_to_another_eligible_judge_and_is_audited()
    {
        using var site = new TestSite();
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site, "Giám khảo Khai báo");
        var colleague = await CouncilSeed.JudgeAsync(site, "Giám khảo Hai");
        var sameCompany = await CouncilSeed.JudgeAsync(site, "Giám khảo Cùng công ty", CouncilSeed.Organisation);
        var spare = await CouncilSeed.JudgeAsync(site, "Giám khảo Dự phòng");
        var round = await CouncilSeed.RoundAsync(site, judgesPerEntry: 2);
        var entry = await CouncilSeed.EntryAsync(site);
        var mine = await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);
        await CouncilSeed.AssignAsync(site, round, entry.Id, colleague.Id);
        var url = CouncilSeed.UrlOf(round, entry.Id);

        var response = await browser.SubmitFormAsync(url, new() { ["lyDoXungDot"] = "Tôi là cố vấn của đơn vị dự thi." }, "#conflict-form");

        var queue = await browser.FollowAsync(response);
        Assert.Contains("Đã ghi nhận khai báo xung đột lợi ích", queue.QuerySelector(".alert-success")!.TextContent);
        Assert.Empty(queue.QuerySelectorAll($"a[href='{url}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(url)).StatusCode);

        var active = await CouncilSeed.ActiveAsync(site, round.Id);
        Assert.Equal([colleague.Id, spare.Id], active.Select(a => a.JudgeId).Order());
        var removed = await site.QueryAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Id == mine.Id));
        Assert.NotNull(removed.RemovedAt);
        Assert.Equal("Giám khảo khai báo xung đột lợi ích", removed.RemovedReason);
        var declaration = await site.QueryAsync(db => db.ConflictDeclarations.AsNoTracking().SingleAsync(c => c.JudgeId == me.Id));
        Assert.Equal((entry.Id, "Tôi là cố vấn của đơn vị dự thi."), (declaration.EntryId, declaration.Reason));
        Assert.DoesNotContain(active, a => a.JudgeId == sameCompany.Id);

        var declared = Assert.Single(await CouncilSeed.AuditAsync(site, "conflict.declare"));
        Assert.Equal($"entry:{entry.Id}", declared.Subject);
        var removal = Assert.Single(await CouncilSeed.AuditAsync(site, "assignment.remove"));
        using (var data = JsonDocument.Parse(removal.Data))
        {
            Assert.Equal(me.Id, data.RootElement.GetProperty("judge").GetInt32());
            Assert.Equal(round.Id, data.RootElement.GetProperty("round").GetInt32());
            Assert.Equal("Giám khảo khai báo xung đột lợi ích", data.RootElement.GetProperty("reason").GetString());
        }
        var addition = Assert.Single(await CouncilSeed.AuditAsync(site, "assignment.add"));
        using (var data = JsonDocument.Parse(addition.Data))
            Assert.Equal(spare.Id, data.RootElement.GetProperty("judge").GetInt32());
        Assert.True((await site.QueryAsync(db => AuditVerifier.VerifyAsync(db))).IsIntact);
    }

    [Fact]
    public async Task A_declaration_needs_a_reason_and_changes_nothing_without_one()
    {
        using var site = new TestSite();
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);

        var response = await browser.SubmitFormAsync(CouncilSeed.UrlOf(round, entry.Id), new() { ["lyDoXungDot"] = "  " }, "#conflict-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng ghi rõ lý do xung đột lợi ích.", (await Browser.ParseAsync(response)).QuerySelector("#loi-xung-dot")!.TextContent);
        Assert.Single(await CouncilSeed.ActiveAsync(site, round.Id));
        Assert.Equal(0, await site.QueryAsync(db => db.ConflictDeclarations.CountAsync()));
        Assert.Equal(0, await site.QueryAsync(db => db.AuditLog.CountAsync()));
    }

    [Fact]
    public async Task When_no_other_judge_is_free_the_organizers_see_the_entry_missing_a_judge()
    {
        using var site = new TestSite();
        var (me, browser) = await CouncilSeed.SignedInJudgeAsync(site, "Giám khảo Duy nhất");
        var round = await CouncilSeed.RoundAsync(site, judgesPerEntry: 1, order: 1);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, me.Id);

        var response = await browser.SubmitFormAsync(CouncilSeed.UrlOf(round, entry.Id), new() { ["lyDoXungDot"] = "Người thân của tác giả" }, "#conflict-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await CouncilSeed.ActiveAsync(site, round.Id));

        var organizer = await CouncilSeed.OrganizerAsync(site);
        var board = await organizer.GetPageAsync($"/quan-tri/cham-diem/vong/{round.Id}/phan-cong");
        Assert.Contains($"Công trình {entry.Code} chỉ có 0/1 giám khảo không có xung đột lợi ích", board.QuerySelector("#thieu-giam-khao")!.TextContent);
        Assert.Contains("Giám khảo tự khai báo xung đột lợi ích", board.QuerySelector($"#cong-trinh-{entry.Id}")!.TextContent);
        var conflicts = await organizer.GetPageAsync("/quan-tri/cham-diem/xung-dot");
        Assert.Contains("Người thân của tác giả", conflicts.QuerySelector("#conflicts")!.TextContent);
    }
}
