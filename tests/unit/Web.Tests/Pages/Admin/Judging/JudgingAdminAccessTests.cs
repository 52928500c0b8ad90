using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging;

/// <summary>The judging admin pages are the secretariat's: other roles get 403, and every form needs its antiforgery token.</summary>
public sealed class JudgingAdminAccessTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<(JudgingRound Round, int JudgeId, int EntryId)> RoundWithAssignmentAsync()
    {
        var judge = await CouncilSeed.JudgeAsync(site, "Giám khảo Truy cập");
        var entry = await CouncilSeed.EntryAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);
        return (round, judge.Id, entry.Id);
    }

    private async Task<IReadOnlyList<string>> PagesAsync()
    {
        var (round, judgeId, _) = await RoundWithAssignmentAsync();
        return
        [
            "/quan-tri/cham-diem", "/quan-tri/cham-diem/vong/moi", $"/quan-tri/cham-diem/vong/{round.Id}",
            $"/quan-tri/cham-diem/vong/{round.Id}/phan-cong", $"/quan-tri/cham-diem/vong/{round.Id}/phan-cong/tu-dong",
            "/quan-tri/cham-diem/giam-khao", "/quan-tri/cham-diem/giam-khao/moi", $"/quan-tri/cham-diem/giam-khao/{judgeId}",
            "/quan-tri/cham-diem/xung-dot",
        ];
    }

    [Theory]
    [InlineData(Roles.Entrant)]
    [InlineData(Roles.Committee)]
    [InlineData(Roles.Judge)]
    public async Task Other_roles_get_403_on_every_judging_admin_page(string role)
    {
        var pages = await PagesAsync();
        var browser = await site.SignedInAsync(role);
        foreach (var url in pages)
        {
            var response = await browser.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} gave {(int)response.StatusCode} to {role}");
        }
    }

    [Fact]
    public async Task An_organizer_opens_every_judging_admin_page()
    {
        var pages = await PagesAsync();
        var organizer = await CouncilSeed.OrganizerAsync(site);
        foreach (var url in pages)
        {
            var response = await organizer.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} gave {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.Client.GetAsync("/quan-tri/cham-diem/vong/999999/phan-cong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.Client.GetAsync("/quan-tri/cham-diem/giam-khao/999999")).StatusCode);
    }

    [Fact]
    public async Task The_admin_menu_links_to_the_judging_area()
    {
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var page = await organizer.GetPageAsync("/quan-tri");
        Assert.Contains(page.QuerySelectorAll(".admin-nav a"), a => a.GetAttribute("href") == "/quan-tri/cham-diem" && a.TextContent == "Chấm điểm");
    }

    [Fact]
    public async Task Every_judging_admin_form_posted_without_its_token_is_refused_and_changes_nothing()
    {
        var (round, judgeId, entryId) = await RoundWithAssignmentAsync();
        var other = await CouncilSeed.JudgeAsync(site, "Giám khảo Thêm");
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var assignmentId = (await CouncilSeed.ActiveAsync(site, round.Id)).Single(a => a.JudgeId == judgeId).Id;
        var snapshot = () => site.QueryAsync(async db => string.Join('|',
            await db.JudgingRounds.CountAsync(), await db.Assignments.CountAsync(a => a.RemovedAt == null), await db.Judges.CountAsync(),
            await db.AuditLog.CountAsync(), await db.Users.CountAsync()));
        var before = await snapshot();

        var forms = new (string Url, string Selector, Dictionary<string, string> Fields)[]
        {
            ("/quan-tri/cham-diem/vong/moi", "#round-form", new() { ["Input.Name"] = "Vòng giả mạo", ["Input.Order"] = "77" }),
            ($"/quan-tri/cham-diem/vong/{round.Id}", "#round-form", new() { ["Input.Name"] = "Tên giả mạo" }),
            ($"/quan-tri/cham-diem/vong/{round.Id}/phan-cong", "#add-assignment",
                new() { ["Add.EntryId"] = entryId.ToString(), ["Add.JudgeId"] = other.Id.ToString(), ["Add.Reason"] = "giả mạo" }),
            ($"/quan-tri/cham-diem/vong/{round.Id}/phan-cong", $"form[action*='assignmentId={assignmentId}']", new() { ["lyDo"] = "giả mạo" }),
            ($"/quan-tri/cham-diem/vong/{round.Id}/phan-cong/tu-dong", "#apply-form", new()),
            ("/quan-tri/cham-diem/giam-khao/moi", "#invite-form", new() { ["Invite.Email"] = CouncilSeed.NewEmail("gia-mao"), ["Input.DisplayName"] = "Giả mạo" }),
            ($"/quan-tri/cham-diem/giam-khao/{judgeId}", "#judge-form", new() { ["Input.Organisation"] = "Giả mạo" }),
            ($"/quan-tri/cham-diem/giam-khao/{judgeId}", "#resend-form", new()),
        };
        foreach (var (url, selector, fields) in forms)
        {
            var response = await organizer.SubmitFormAsync(url, fields, selector, withToken: false);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{selector} on {url} gave {(int)response.StatusCode}");
        }
        Assert.Equal(before, await snapshot());
        Assert.NotEqual("Giả mạo", await site.QueryAsync(db => db.Judges.Where(j => j.Id == judgeId).Select(j => j.Organisation).SingleAsync()));
    }

    [Fact]
    public async Task The_conflicts_page_lists_declared_and_detected_conflicts_with_their_reasons()
    {
        var entry = await CouncilSeed.EntryAsync(site, taxCode: "0101234567");
        var detected = await CouncilSeed.JudgeAsync(site, "Giám khảo Cùng MST", "Văn phòng khác", taxCode: "0101 234 567");
        var declaring = await CouncilSeed.JudgeAsync(site, "Giám khảo Tự khai");
        await site.QueryAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration { JudgeId = declaring.Id, EntryId = entry.Id, Reason = "Anh em họ với tác giả", DeclaredAt = site.Time.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        var organizer = await CouncilSeed.OrganizerAsync(site);

        var page = await organizer.GetPageAsync("/quan-tri/cham-diem/xung-dot");

        var rows = page.QuerySelectorAll("#conflicts tbody tr").Select(r => r.TextContent).Where(t => t.Contains(entry.Code!)).ToList();
        Assert.Contains(rows, r => r.Contains("Giám khảo Cùng MST") && r.Contains("Cùng mã số thuế với người dự thi") && r.Contains("Phát hiện tự động"));
        Assert.Contains(rows, r => r.Contains("Giám khảo Tự khai") && r.Contains("Giám khảo tự khai báo xung đột lợi ích") && r.Contains("Anh em họ với tác giả"));
        var judgePage = await organizer.GetPageAsync($"/quan-tri/cham-diem/giam-khao/{detected.Id}");
        Assert.Contains("Cùng mã số thuế với người dự thi", judgePage.QuerySelector("#conflicts")!.TextContent);
    }
}
