using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Pages.Entrant.EntrantSteps;

namespace ContestPlatform.Web.Tests.Pages.Entrant;

public sealed class DashboardTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_dashboard_shows_each_entry_with_its_status_history_and_file_processing()
    {
        var entrant = await WithProfileAsync(site);
        var draft = await InsertEntryAsync(site, entrant.UserId, e => e.Title = "Bản nháp máy gieo hạt");
        await AddMediaAsync(site, draft, MediaState.Pending);
        await AddMediaAsync(site, draft, MediaState.Processing, MediaKind.Video);
        await AddMediaAsync(site, draft, MediaState.Failed);
        var returned = await InsertEntryAsync(site, entrant.UserId, e => e.Title = "Phần mềm quản lý hợp tác xã");
        await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, returned));
        await ValidateAsync(site, returned, EntryStatus.NeedsChanges, "Thiếu xác nhận của đơn vị áp dụng.");

        var page = await entrant.Browser.GetPageAsync("/thi-sinh");

        Assert.Contains("Hạn nộp hồ sơ: hết ngày 31/07/2025 (còn 153 ngày).", Text(page));
        Assert.NotNull(page.QuerySelector("a[href='/thi-sinh/cong-trinh/moi']"));
        var cards = page.QuerySelectorAll("article.entry-card");
        var draftCard = cards.Single(c => c.TextContent.Contains("Bản nháp máy gieo hạt"));
        Assert.Equal("chưa có mã", draftCard.QuerySelector(".entry-code")!.TextContent);
        Assert.Equal("Nháp", draftCard.QuerySelector(".badge.status")!.TextContent);
        Assert.Contains("Cập nhật lần cuối 10:00 ngày 01/03/2025", draftCard.TextContent);
        var counts = draftCard.QuerySelector(".media-counts")!.TextContent;
        Assert.Contains("Đang chờ xử lý: 2", counts);
        Assert.Contains("Sẵn sàng: 1", counts);
        Assert.Contains("Lỗi: 1", counts);
        Assert.Contains("Mở công trình để xem lý do lỗi và tải lại tệp.", draftCard.TextContent);
        Assert.Contains("Chưa có thay đổi trạng thái nào.", draftCard.QuerySelector("details.history")!.TextContent);
        Assert.NotNull(draftCard.QuerySelector($"a[href='/thi-sinh/cong-trinh/{draft}']"));
        Assert.NotNull(draftCard.QuerySelector($"a[href='/thi-sinh/cong-trinh/{draft}/xem']"));

        var returnedCard = cards.Single(c => c.TextContent.Contains("Phần mềm quản lý hợp tác xã"));
        Assert.Equal((await EntryAsync(site, returned)).Code, returnedCard.QuerySelector(".entry-code")!.TextContent);
        Assert.Equal("Cần bổ sung", returnedCard.QuerySelector(".badge.status")!.TextContent);
        Assert.Contains("Thiếu xác nhận của đơn vị áp dụng.", returnedCard.QuerySelector(".change-request")!.TextContent);
        Assert.Contains("Sửa và nộp lại", returnedCard.TextContent);
        var history = returnedCard.QuerySelectorAll("details.history tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("Cần bổ sung", history[0]);
        Assert.Contains("Thiếu xác nhận của đơn vị áp dụng.", history[0]);
        Assert.Contains("Tổ thư ký / Ban Tổ chức", history[0]);
        Assert.Contains("Đã nộp", history[1]);
        Assert.Contains("Bạn", history[1]);
    }

    [Fact]
    public async Task A_rejected_entry_shows_the_reason_and_cannot_be_edited()
    {
        var entrant = await WithProfileAsync(site);
        var id = await InsertEntryAsync(site, entrant.UserId, e => e.Title = "Công trình bị từ chối");
        await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, id));
        await ValidateAsync(site, id, EntryStatus.Rejected, "Công trình chưa được áp dụng trên địa bàn tỉnh.");

        var page = await entrant.Browser.GetPageAsync("/thi-sinh");

        var card = page.QuerySelectorAll("article.entry-card").Single(c => c.TextContent.Contains("Công trình bị từ chối"));
        Assert.Equal("Không hợp lệ", card.QuerySelector(".badge.status")!.TextContent);
        Assert.Contains("Công trình chưa được áp dụng trên địa bàn tỉnh.", card.QuerySelector(".alert-error")!.TextContent);
        Assert.Null(card.QuerySelector($"a[href='/thi-sinh/cong-trinh/{id}']"));
        var edit = await entrant.Browser.GetPageAsync(EditUrl(id));
        Assert.Contains("Hồ sơ đã được Tổ thư ký xét là không hợp lệ; nội dung không thể sửa nữa.", Text(edit));
        Assert.Null(edit.QuerySelector("#entry-form"));
    }
}
