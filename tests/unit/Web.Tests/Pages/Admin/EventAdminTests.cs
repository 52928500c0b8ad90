using System.Net;
using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin;

public sealed class EventAdminTests(TestSite site) : IClassFixture<TestSite>
{
    private Task<ContestEvent> EventAsync(int id) =>
        site.QueryAsync(db => db.Events.AsNoTracking().Include(e => e.Agenda.OrderBy(a => a.Order)).SingleAsync(e => e.Id == id));

    private static Dictionary<string, string> NewEvent(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.StartsAt"] = "2025-10-10T08:00",
        ["Input.Place"] = "Trung tâm Hội nghị tỉnh Thái Nguyên",
        ["Input.Format"] = "Trực tiếp",
        ["Input.ExpectedAttendance"] = "Dự kiến 200 người",
        ["Input.AttendeeGroups"] = "Lãnh đạo UBND tỉnh\r\n\r\n  Các tác giả đoạt giải  \r\n",
        ["Input.Purpose"] = "Tôn vinh các tác giả, công trình đoạt giải.",
    };

    /// <summary>Creates an event through the form and returns its id (from the redirect to its page).</summary>
    private static async Task<int> CreateAsync(Browser browser, string title)
    {
        var response = await browser.SubmitFormAsync("/quan-tri/su-kien/moi", NewEvent(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('#', '?')[0]);
    }

    private static Task<HttpResponseMessage> AddRowAsync(Browser browser, int id, string content, string presenter = "", string note = "") =>
        browser.SubmitFormAsync($"/quan-tri/su-kien/{id}", new()
        {
            ["Item.Content"] = content,
            ["Item.Presenter"] = presenter,
            ["Item.Note"] = note,
        }, "#agenda-add");

    private static Task<HttpResponseMessage> RowActionAsync(Browser browser, int id, string handler, int itemId, string? direction = null) =>
        browser.SubmitFormAsync($"/quan-tri/su-kien/{id}", [],
            $"form[action*='handler={handler}'][action*='itemId={itemId}']" + (direction is null ? "" : $"[action*='direction={direction}']"));

    [Fact]
    public async Task The_organizer_builds_an_agenda_that_the_public_events_page_shows()
    {
        var (browser, _) = await SignedInAsync(site);
        var title = $"Lễ tổng kết và trao giải Cuộc thi {Guid.NewGuid().ToString("N")[..6]}";
        var id = await CreateAsync(browser, title);

        await LandAsync(browser, await AddRowAsync(browser, id, "Tuyên bố lý do, giới thiệu đại biểu", "Đại diện Ban Tổ chức"));
        await LandAsync(browser, await AddRowAsync(browser, id, "Báo cáo kết quả Cuộc thi", "Tổ thư ký"));
        var landed = await LandAsync(browser, await AddRowAsync(browser, id, "Trao giải", "Lãnh đạo UBND tỉnh", "Giải Nhất trước"));
        Assert.Contains("Đã thêm mục 3 vào chương trình.", Text(landed));

        var rows = (await EventAsync(id)).Agenda;
        // Edit the second row.
        await LandAsync(browser, await browser.SubmitFormAsync($"/quan-tri/su-kien/{id}?muc={rows[1].Id}", new()
        {
            ["Item.Content"] = "Báo cáo tổng kết Cuộc thi",
            ["Item.Presenter"] = "Sở Khoa học và Công nghệ",
        }, "#agenda-edit"));
        // Move the last row up, then delete the first.
        await LandAsync(browser, await RowActionAsync(browser, id, "MoveItem", rows[2].Id, "len"));
        await LandAsync(browser, await RowActionAsync(browser, id, "DeleteItem", rows[0].Id));

        var agenda = (await EventAsync(id)).Agenda;
        Assert.Equal(["Trao giải", "Báo cáo tổng kết Cuộc thi"], agenda.Select(a => a.Content));
        Assert.Equal([1, 2], agenda.Select(a => a.Order));
        Assert.Equal("Sở Khoa học và Công nghệ", agenda[1].Presenter);

        var events = await site.NewBrowser().GetPageAsync("/su-kien");
        var card = events.QuerySelectorAll("article").Single(a => a.TextContent.Contains(title));
        var cells = card.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(["1", "Trao giải", "Lãnh đạo UBND tỉnh", "Giải Nhất trước"], cells[0]);
        Assert.Equal(["2", "Báo cáo tổng kết Cuộc thi", "Sở Khoa học và Công nghệ", ""], cells[1]);
        Assert.Contains("08:00 ngày 10/10/2025", card.TextContent);
        Assert.Equal(["Lãnh đạo UBND tỉnh", "Các tác giả đoạt giải"], card.QuerySelectorAll("ul li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task The_slug_is_made_from_the_title_and_kept_unique()
    {
        var (browser, _) = await SignedInAsync(site);
        var title = $"Hội thảo Đổi mới sáng tạo {Guid.NewGuid().ToString("N")[..6]}";

        var first = await EventAsync(await CreateAsync(browser, title));
        var second = await EventAsync(await CreateAsync(browser, title));

        Assert.StartsWith("hoi-thao-doi-moi-sang-tao-", first.Slug);
        Assert.Equal(first.Slug + "-2", second.Slug);
        Assert.Equal(new DateTime(2025, 10, 10, 1, 0, 0, DateTimeKind.Utc), first.StartsAt);
    }

    [Fact]
    public async Task A_slug_typed_by_the_organizer_must_be_free()
    {
        var (browser, _) = await SignedInAsync(site);
        var count = await site.QueryAsync(db => db.Events.CountAsync());
        var fields = NewEvent("Một lễ khác");
        fields["Input.Slug"] = "le-cong-bo-phat-dong";

        var response = await browser.SubmitFormAsync("/quan-tri/su-kien/moi", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Đường dẫn “le-cong-bo-phat-dong” đã được dùng cho sự kiện khác.", await TextAsync(response));
        Assert.Equal(count, await site.QueryAsync(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task The_organizer_edits_the_event_details()
    {
        var (browser, _) = await SignedInAsync(site);
        var id = await CreateAsync(browser, $"Tọa đàm {Guid.NewGuid().ToString("N")[..6]}");

        var landed = await LandAsync(browser, await browser.SubmitFormAsync($"/quan-tri/su-kien/{id}",
            new() { ["Input.Place"] = "Hội trường Sở Khoa học và Công nghệ", ["Input.StartsAt"] = "2025-11-20T14:30" }, "#event-form"));

        Assert.Contains("Đã lưu sự kiện", Text(landed));
        var stored = await EventAsync(id);
        Assert.Equal("Hội trường Sở Khoa học và Công nghệ", stored.Place);
        Assert.Equal(new DateTime(2025, 11, 20, 7, 30, 0, DateTimeKind.Utc), stored.StartsAt);
    }

    [Fact]
    public async Task Over_long_fields_are_refused_with_a_Vietnamese_message()
    {
        var (browser, _) = await SignedInAsync(site);
        var count = await site.QueryAsync(db => db.Events.CountAsync());

        var response = await browser.SubmitFormAsync("/quan-tri/su-kien/moi", NewEvent(new string('S', 400)));
        var row = await AddRowAsync(browser, 1, new string('N', 1001));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tên sự kiện không được dài quá 300 ký tự.", await TextAsync(response));
        Assert.Equal(count, await site.QueryAsync(db => db.Events.CountAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, row.StatusCode);
        Assert.Contains("Nội dung không được dài quá 1000 ký tự.", await TextAsync(row));
        Assert.Equal(8, await site.QueryAsync(db => db.AgendaItems.CountAsync(a => a.ContestEventId == 1)));
    }
}
