using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/binh-chon: counts and vote scores per entry, the chart, the report, recent voids.</summary>
public sealed class VoteAdminPage(IPage page) : SiteChrome(page)
{
    public async Task<VoteAdminPage> OpenAsync()
    {
        await Page.GotoAsync("/quan-tri/binh-chon");
        return this;
    }

    public ILocator Chart => Page.GetByRole(AriaRole.Img, new() { Name = "Số lượt bình chọn hợp lệ cộng dồn theo ngày" });

    private ILocator Tally => Page.GetByRole(AriaRole.Region, new() { Name = "Số lượt và điểm bình chọn theo công trình" });

    private ILocator Row(string code) => Tally.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }) });

    // Columns: Thứ tự, Mã công trình, Tên công trình, Lượt hợp lệ, Lượt đã hủy, Điểm bình chọn.
    public ILocator ValidVotes(string code) => Row(code).GetByRole(AriaRole.Cell).Nth(3);
    public ILocator VoidedVotes(string code) => Row(code).GetByRole(AriaRole.Cell).Nth(4);
    public ILocator VoteScore(string code) => Row(code).GetByRole(AriaRole.Cell).Nth(5);

    public ILocator RecentVoids => Page.GetByRole(AriaRole.Region, new() { Name = "Các lần hủy gần đây" });

    public Task OpenEntryVotesAsync(string code) => Row(code).GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
}
