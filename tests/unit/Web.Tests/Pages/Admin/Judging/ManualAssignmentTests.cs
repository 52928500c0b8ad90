using System.Net;
using System.Text.Json;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging;

/// <summary>Changes by hand on the assignment board, each with a reason, refused for a conflicted judge.</summary>
public sealed class ManualAssignmentTests
{
    private static string BoardUrl(int roundId) => $"/quan-tri/cham-diem/vong/{roundId}/phan-cong";

    [Fact]
    public async Task Adding_a_conflicted_judge_is_refused_with_the_conflict_labels()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var entry = await CouncilSeed.EntryAsync(site, commune: "Xã Đại Phúc");
        var judge = await CouncilSeed.JudgeAsync(site, "Giám khảo Đại Phúc", CouncilSeed.Organisation, commune: "Xã Đại Phúc");
        var round = await CouncilSeed.RoundAsync(site, order: 1);

        var response = await organizer.SubmitFormAsync(BoardUrl(round.Id), new()
        {
            ["Add.EntryId"] = entry.Id.ToString(),
            ["Add.JudgeId"] = judge.Id.ToString(),
            ["Add.Reason"] = "Bổ sung chuyên môn",
        }, "#add-assignment");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await Browser.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent;
        Assert.Contains($"Không thể phân công giám khảo Giám khảo Đại Phúc chấm công trình {entry.Code} vì xung đột lợi ích", text);
        Assert.Contains("Cùng cơ quan, đơn vị với người dự thi; Cùng xã, phường với người dự thi", text);
        Assert.Empty(await CouncilSeed.ActiveAsync(site, round.Id));
        Assert.Empty(await CouncilSeed.AuditAsync(site, "assignment.add"));
    }

    [Fact]
    public async Task Adding_and_removing_a_judge_by_hand_needs_a_reason_and_leaves_audit_lines()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        var judge = await CouncilSeed.JudgeAsync(site, "Giám khảo Thủ công");
        var round = await CouncilSeed.RoundAsync(site, order: 1);
        var fields = new Dictionary<string, string> { ["Add.EntryId"] = entry.Id.ToString(), ["Add.JudgeId"] = judge.Id.ToString(), ["Add.Reason"] = "" };

        var noReason = await organizer.SubmitFormAsync(BoardUrl(round.Id), fields, "#add-assignment");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Vui lòng nhập Lý do.", (await Browser.ParseAsync(noReason)).Body!.TextContent);
        Assert.Empty(await CouncilSeed.ActiveAsync(site, round.Id));

        fields["Add.Reason"] = "Giám khảo có chuyên môn cơ khí";
        var board = await organizer.FollowAsync(await organizer.SubmitFormAsync(BoardUrl(round.Id), fields, "#add-assignment"));
        var assignment = Assert.Single(await CouncilSeed.ActiveAsync(site, round.Id));
        Assert.Equal((entry.Id, judge.Id, AssignmentSource.Manual), (assignment.EntryId, assignment.JudgeId, assignment.Source));
        Assert.Contains("Giám khảo Thủ công", board.QuerySelector($"#cong-trinh-{entry.Id}")!.TextContent);

        var twice = await organizer.SubmitFormAsync(BoardUrl(round.Id), fields, "#add-assignment");
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("đã được phân công", (await Browser.ParseAsync(twice)).QuerySelector(".alert-error")!.TextContent);

        var removeForm = $"form[action*='assignmentId={assignment.Id}']";
        var withoutReason = await organizer.SubmitFormAsync(BoardUrl(round.Id), new() { ["lyDo"] = " " }, removeForm);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Single(await CouncilSeed.ActiveAsync(site, round.Id));

        await organizer.FollowAsync(await organizer.SubmitFormAsync(BoardUrl(round.Id), new() { ["lyDo"] = "Giám khảo bận công tác" }, removeForm));
        Assert.Empty(await CouncilSeed.ActiveAsync(site, round.Id));
        var removed = await site.QueryAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Id == assignment.Id));
        Assert.Equal("Giám khảo bận công tác", removed.RemovedReason);

        var add = Assert.Single(await CouncilSeed.AuditAsync(site, "assignment.add"));
        var remove = Assert.Single(await CouncilSeed.AuditAsync(site, "assignment.remove"));
        foreach (var (line, reason) in new[] { (add, "Giám khảo có chuyên môn cơ khí"), (remove, "Giám khảo bận công tác") })
        {
            using var data = JsonDocument.Parse(line.Data);
            Assert.Equal(round.Id, data.RootElement.GetProperty("round").GetInt32());
            Assert.Equal(entry.Id, data.RootElement.GetProperty("entry").GetInt32());
            Assert.Equal(judge.Id, data.RootElement.GetProperty("judge").GetInt32());
            Assert.Equal(reason, data.RootElement.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task Two_organizers_adding_a_judge_to_the_same_entry_from_one_board_view_cannot_both_succeed()
    {
        using var site = new TestSite();
        var first = await CouncilSeed.OrganizerAsync(site);
        var second = await CouncilSeed.OrganizerAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        var other = await CouncilSeed.EntryAsync(site);
        var judges = new[]
        {
            await CouncilSeed.JudgeAsync(site, "Giám khảo Một"), await CouncilSeed.JudgeAsync(site, "Giám khảo Hai"),
            await CouncilSeed.JudgeAsync(site, "Giám khảo Ba"), await CouncilSeed.JudgeAsync(site, "Giám khảo Bốn"),
        };
        var round = await CouncilSeed.RoundAsync(site, order: 1, judgesPerEntry: 3);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judges[0].Id);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judges[1].Id);

        // Both open the board and see the entry missing one judge.
        var firstForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await first.GetPageAsync(BoardUrl(round.Id))).QuerySelector("#add-assignment")!;
        var secondForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await second.GetPageAsync(BoardUrl(round.Id))).QuerySelector("#add-assignment")!;
        Dictionary<string, string> Adding(Web.Council.Judge judge, Entry target) => new()
        {
            ["Add.EntryId"] = target.Id.ToString(), ["Add.JudgeId"] = judge.Id.ToString(), ["Add.Reason"] = "Bổ sung giám khảo còn thiếu",
        };

        await first.FollowAsync(await first.SubmitAsync(firstForm, BoardUrl(round.Id), Adding(judges[2], entry)));
        var late = await second.SubmitAsync(secondForm, BoardUrl(round.Id), Adding(judges[3], entry));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var page = await Browser.ParseAsync(late);
        Assert.Contains(AssignmentService.StaleMessage, page.QuerySelector(".alert-error")!.TextContent);
        // The page shows the board as it now is: the first organizer's judge is there, the entry is complete.
        Assert.Contains("Giám khảo Ba", page.QuerySelector($"#cong-trinh-{entry.Id}")!.TextContent);
        var active = await CouncilSeed.ActiveAsync(site, round.Id);
        Assert.Equal([judges[0].Id, judges[1].Id, judges[2].Id], active.Where(a => a.EntryId == entry.Id).Select(a => a.JudgeId).Order());
        Assert.Single(await CouncilSeed.AuditAsync(site, "assignment.add"));

        // A change to another entry of the round does not make the board stale for this one.
        var third = await CouncilSeed.OrganizerAsync(site);
        var thirdForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await third.GetPageAsync(BoardUrl(round.Id))).QuerySelector("#add-assignment")!;
        await second.FollowAsync(await second.SubmitFormAsync(BoardUrl(round.Id), Adding(judges[3], other), "#add-assignment"));
        var unrelated = await third.SubmitAsync(thirdForm, BoardUrl(round.Id), Adding(judges[3], entry));
        Assert.Equal(HttpStatusCode.Redirect, unrelated.StatusCode);
    }

    [Fact]
    public async Task Removing_a_judge_from_a_board_view_older_than_the_entry_s_assignments_is_refused()
    {
        using var site = new TestSite();
        var first = await CouncilSeed.OrganizerAsync(site);
        var second = await CouncilSeed.OrganizerAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        var kept = await CouncilSeed.JudgeAsync(site, "Giám khảo Giữ");
        var added = await CouncilSeed.JudgeAsync(site, "Giám khảo Mới");
        var round = await CouncilSeed.RoundAsync(site, order: 1);
        var assignment = await CouncilSeed.AssignAsync(site, round, entry.Id, kept.Id);
        var removeForm = $"form[action*='assignmentId={assignment.Id}']";
        var stale = (AngleSharp.Html.Dom.IHtmlFormElement)(await second.GetPageAsync(BoardUrl(round.Id))).QuerySelector(removeForm)!;

        await first.FollowAsync(await first.SubmitFormAsync(BoardUrl(round.Id), new()
        {
            ["Add.EntryId"] = entry.Id.ToString(), ["Add.JudgeId"] = added.Id.ToString(), ["Add.Reason"] = "Thêm chuyên gia",
        }, "#add-assignment"));
        var response = await second.SubmitAsync(stale, BoardUrl(round.Id), new() { ["lyDo"] = "Giám khảo bận" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(AssignmentService.StaleMessage, (await Browser.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent);
        Assert.Equal(2, (await CouncilSeed.ActiveAsync(site, round.Id)).Count);
    }

    [Fact]
    public async Task A_closed_round_cannot_be_changed()
    {
        using var site = new TestSite();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        var judge = await CouncilSeed.JudgeAsync(site, "Giám khảo");
        var round = await CouncilSeed.RoundAsync(site, RoundState.Closed, order: 1);

        var page = await organizer.GetPageAsync(BoardUrl(round.Id));
        Assert.Null(page.QuerySelector("#add-assignment"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? (await organizer.GetPageAsync("/quan-tri/cham-diem/vong/moi")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await organizer.Client.PostAsync(BoardUrl(round.Id) + "?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Add.EntryId"] = entry.Id.ToString(),
            ["Add.JudgeId"] = judge.Id.ToString(),
            ["Add.Reason"] = "Thử",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("đã kết thúc", (await Browser.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent);
        Assert.Empty(await CouncilSeed.ActiveAsync(site, round.Id));
    }
}
