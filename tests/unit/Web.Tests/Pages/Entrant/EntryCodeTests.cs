using System.Net;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Pages.Entrant.EntrantSteps;

namespace ContestPlatform.Web.Tests.Pages.Entrant;

/// <summary>The whole path of a first entry, on a site of its own so the codes start at 0001.</summary>
public sealed class EntryCodeTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Create_save_draft_and_submit_gives_DMST_2025_0001_and_the_next_entry_0002()
    {
        var entrant = await WithProfileAsync(site);

        // A first draft with only a title: saving a draft checks nothing else.
        var id = await CreateDraftAsync(entrant.Browser, new() { ["Input.Title"] = "Đổi mới quy trình cấp nước sạch" });
        var edit = await entrant.Browser.GetPageAsync(EditUrl(id));
        Assert.Contains("Đã tạo bản nháp “Đổi mới quy trình cấp nước sạch”.", Text(edit));
        var draft = await EntryAsync(site, id);
        Assert.Equal(EntryStatus.Draft, draft.Status);
        Assert.Null(draft.Code);
        // The form starts with the account holder as the only author, 100%, representative.
        Assert.Equal("Người Thử", Assert.Single(draft.Authors).FullName);

        // Fill everything in and save the draft.
        var saved = await LandAsync(entrant.Browser, await SaveDraftAsync(entrant.Browser, id, CompleteEntry("Đổi mới quy trình cấp nước sạch")));
        Assert.Contains("Đã lưu bản nháp lúc 10:00 ngày 01/03/2025.", Text(saved));
        draft = await EntryAsync(site, id);
        Assert.Equal(30_000_000, draft.BenefitVnd);
        Assert.Equal(new DateOnly(2024, 6, 1), draft.AppliedSince);
        Assert.Equal("Nguyễn Văn An", draft.EntrantName);
        Assert.Contains("doi moi quy trinh cap nuoc sach", draft.SearchText);
        Assert.Empty(draft.History);

        // A photo arrives through the uploader; then submit.
        await AddMediaAsync(site, id);
        var dashboard = await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, id));

        Assert.Contains("Đã nộp hồ sơ công trình “Đổi mới quy trình cấp nước sạch”. Mã công trình của bạn là DMST-2025-0001.", Text(dashboard));
        var card = dashboard.QuerySelectorAll("article.entry-card").Single(c => c.TextContent.Contains("Đổi mới quy trình cấp nước sạch"));
        Assert.Contains("DMST-2025-0001", card.TextContent);
        Assert.Equal("Đã nộp", card.QuerySelector(".badge.status")!.TextContent);
        Assert.Contains("Hồ sơ đã nộp, đang chờ Tổ thư ký xét.", card.TextContent);
        var submitted = await EntryAsync(site, id);
        Assert.Equal(EntryStatus.Submitted, submitted.Status);
        Assert.Equal("DMST-2025-0001", submitted.Code);
        Assert.Equal(TestSite.Start.UtcDateTime, submitted.SubmittedAt);
        var history = Assert.Single(submitted.History);
        Assert.Equal((EntryStatus.Draft, EntryStatus.Submitted, entrant.UserId), (history.From, history.To, history.ByUserId));
        Assert.Contains("dmst-2025-0001", submitted.SearchText);

        // Another entrant's entry takes the next number.
        var other = await WithProfileAsync(site);
        var secondId = await CreateDraftAsync(other.Browser, CompleteEntry("Máy sấy chè dùng năng lượng mặt trời"));
        await AddMediaAsync(site, secondId);
        var secondDashboard = await LandAsync(other.Browser, await SubmitAsync(other.Browser, secondId));
        Assert.Contains("Mã công trình của bạn là DMST-2025-0002.", Text(secondDashboard));
        Assert.Equal("DMST-2025-0002", (await EntryAsync(site, secondId)).Code);
        // Each dashboard shows only its owner's entries.
        Assert.DoesNotContain("Đổi mới quy trình cấp nước sạch", Text(secondDashboard));
    }

    [Fact]
    public async Task The_read_only_view_shows_what_was_submitted()
    {
        var entrant = await WithProfileAsync(site);
        var fields = CompleteEntry("Bếp đun cải tiến tiết kiệm củi");
        fields["Input.Authors[0].Share"] = "60";
        fields["Input.Authors[1].FullName"] = "Lê Thị Cúc";
        fields["Input.Authors[1].BirthYear"] = "1992";
        fields["Input.Authors[1].Share"] = "40";
        var id = await CreateDraftAsync(entrant.Browser, fields);

        var page = await entrant.Browser.GetPageAsync($"/thi-sinh/cong-trinh/{id}/xem");

        var text = Text(page);
        Assert.Contains("Bếp đun cải tiến tiết kiệm củi", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Chưa có mã (mã được cấp khi nộp hồ sơ)", text);
        Assert.Contains("30.000.000 đồng/năm", text);
        Assert.Contains("01/06/2024", text);
        Assert.Contains("Hồ sơ giấy lưu trữ phân tán, tra cứu mất nhiều thời gian.", text);
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Nguyễn Văn An") && r.Contains("60%") && r.Contains("Người đại diện"));
        Assert.Contains(rows, r => r.Contains("Lê Thị Cúc") && r.Contains("40%"));
        Assert.Contains("Sửa công trình", text);
        Assert.Equal(HttpStatusCode.OK, (await entrant.Browser.Client.GetAsync($"/thi-sinh/cong-trinh/{id}/xem")).StatusCode);
    }
}
