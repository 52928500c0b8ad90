using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/giai-thuong: the prize tiers and the award proposal, from the ranking to publication.</summary>
public sealed class AwardsAdminPage(IPage page) : SiteChrome(page)
{
    public async Task<AwardsAdminPage> OpenAsync()
    {
        await Page.GotoAsync("/quan-tri/giai-thuong");
        return this;
    }

    public ILocator StatusMessage => Page.Locator(".alert-success");

    public async Task ProposeFromAsync(string roundName)
    {
        await Page.GetByLabel("Lập từ bảng xếp hạng của vòng").SelectOptionAsync(new SelectOptionValue { Label = roundName });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lập đề nghị từ xếp hạng" }).ClickAsync();
    }

    public Task SendToCommitteeAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Gửi Ban Tổ chức phê duyệt" }).ClickAsync();

    /// <summary>The row of an entry in the proposal: tier, rank, entry, total, the committee's position.</summary>
    public ILocator Award(string code) => Page.Locator($"#danh-sach-giai tr[data-code='{code}']");

    public async Task ScheduleAsync(DateTimeOffset vietnamTime)
    {
        await Page.GetByLabel("Thời điểm công bố (giờ Việt Nam)").FillAsync(vietnamTime.ToString("yyyy-MM-ddTHH:mm"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hẹn công bố" }).ClickAsync();
    }

    public ILocator Publication => Page.Locator("#cong-bo");
}
