using System.Net;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin;

public sealed class ContestSettingsTests(TestSite site) : IClassFixture<TestSite>
{
    private const string Settings = "/quan-tri/cuoc-thi";

    private Task<Contest> ContestAsync() => site.QueryAsync(db => db.Contests.AsNoTracking().Include(c => c.Phases).SingleAsync());

    /// <summary>Row of a phase in the form: the page lists the five phases in PhaseKind order.</summary>
    private static int Row(PhaseKind kind) => (int)kind - 1;

    [Fact]
    public async Task The_organizer_saves_the_settings_and_the_phase_times_in_Vietnam_time()
    {
        var (browser, _) = await SignedInAsync(site);
        var before = await ContestAsync();

        var response = await browser.SubmitFormAsync(Settings, new()
        {
            ["Input.Name"] = "  Đổi mới sáng tạo - vì Thái Nguyên thân yêu  ",
            ["Input.CommitteeSize"] = "11",
            ["Input.EntryCodePrefix"] = "dmst-2025",
            ["Input.LegalBases"] = "Kế hoạch số 255/KH-UBND ngày 31/12/2024\r\n\r\n  Quyết định số 16/QĐ-BTCCT ngày 24/01/2025  \r\n",
            [$"Input.Phases[{Row(PhaseKind.Submission)}].EndsAt"] = "2025-08-15T17:00",
        });

        var landed = await LandAsync(browser, response);
        Assert.Contains("Đã lưu thông tin cuộc thi", landed.QuerySelector("[role=status]")!.TextContent);
        var after = await ContestAsync();
        Assert.Equal("Đổi mới sáng tạo - vì Thái Nguyên thân yêu", after.Name);
        Assert.Equal(11, after.CommitteeSize);
        Assert.Equal("DMST-2025", after.EntryCodePrefix);
        Assert.Equal("Kế hoạch số 255/KH-UBND ngày 31/12/2024\nQuyết định số 16/QĐ-BTCCT ngày 24/01/2025", after.LegalBases);
        Assert.Equal(new DateTime(2025, 8, 15, 10, 0, 0, DateTimeKind.Utc), after.Phases.Single(p => p.Kind == PhaseKind.Submission).EndsAt);
        Assert.Equal(
            before.Phases.Single(p => p.Kind == PhaseKind.Vote).StartsAt,
            after.Phases.Single(p => p.Kind == PhaseKind.Vote).StartsAt);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal("2025-08-15T17:00",
            landed.QuerySelector($"input[name='Input.Phases[{Row(PhaseKind.Submission)}].EndsAt']")!.GetAttribute("value"));
        Assert.Contains("17:00 ngày 15/08/2025", Text(await site.NewBrowser().GetPageAsync("/")));
    }

    [Fact]
    public async Task A_phase_that_ends_before_it_starts_is_refused_on_its_own_row()
    {
        var (browser, _) = await SignedInAsync(site);
        var before = await ContestAsync();
        var judging = Row(PhaseKind.Judging);

        var response = await browser.SubmitFormAsync(Settings, new()
        {
            ["Input.CommitteeSize"] = "13",
            [$"Input.Phases[{judging}].StartsAt"] = "2025-09-25T00:00",
            [$"Input.Phases[{judging}].EndsAt"] = "2025-08-01T00:00",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var rows = page.QuerySelectorAll(".phase-table tbody tr");
        Assert.Contains("Giai đoạn “Chấm điểm”: thời điểm bắt đầu phải trước thời điểm kết thúc.", rows[judging].TextContent);
        Assert.DoesNotContain("phải trước", rows[Row(PhaseKind.Vote)].TextContent);
        var after = await ContestAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.CommitteeSize, after.CommitteeSize);
    }

    [Fact]
    public async Task A_form_opened_before_someone_else_saved_is_refused_and_changes_nothing()
    {
        var (first, _) = await SignedInAsync(site);
        var (second, _) = await SignedInAsync(site);
        var openedByFirst = await first.GetPageAsync(Settings);
        await LandAsync(second, await second.SubmitFormAsync(Settings, new() { ["Input.Address"] = "Số 1 đường Cách mạng Tháng Tám" }));
        var saved = await ContestAsync();

        var response = await first.SubmitAsync(openedByFirst.Forms.First(f => f.QuerySelector(".phase-table") is not null),
            Settings, new() { ["Input.Address"] = "Địa chỉ cũ", ["Input.CommitteeSize"] = "15" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Thông tin cuộc thi vừa được người khác cập nhật. Vui lòng tải lại trang để xem bản mới rồi sửa lại.",
            (await Browser.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        var after = await ContestAsync();
        Assert.Equal(saved.Version, after.Version);
        Assert.Equal("Số 1 đường Cách mạng Tháng Tám", after.Address);
        Assert.Equal(saved.CommitteeSize, after.CommitteeSize);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    public async Task The_committee_has_between_1_and_50_members(string size)
    {
        var (browser, _) = await SignedInAsync(site);
        var before = await ContestAsync();

        var response = await browser.SubmitFormAsync(Settings, new() { ["Input.CommitteeSize"] = size });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Số thành viên Ban Tổ chức phải nằm trong khoảng từ 1 đến 50.", await TextAsync(response));
        Assert.Equal(before.Version, (await ContestAsync()).Version);
    }

    [Fact]
    public async Task The_form_shows_stored_utc_times_as_Vietnam_time()
    {
        var (browser, _) = await SignedInAsync(site);
        var contest = await ContestAsync();

        var page = await browser.GetPageAsync(Settings);

        var publication = contest.Phases.Single(p => p.Kind == PhaseKind.Publication);
        Assert.Equal(VietnameseFormat.InputValue(publication.StartsAt),
            page.QuerySelector($"input[name='Input.Phases[{Row(PhaseKind.Publication)}].StartsAt']")!.GetAttribute("value"));
        Assert.Equal(contest.Version.ToString(), page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
    }
}
