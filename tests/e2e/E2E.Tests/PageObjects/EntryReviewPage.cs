using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/ho-so/{id}: one entry as the secretariat checks it, and the decision.</summary>
public sealed class EntryReviewPage(IPage page) : SiteChrome(page)
{
    public ILocator Status => Page.Locator("#trang-thai");

    public ILocator StatusMessage => Page.Locator("main .alert-success");

    public ILocator Files => Page.GetByRole(AriaRole.Region, new() { Name = "Tệp đính kèm" });

    public ILocator History => Page.GetByRole(AriaRole.Region, new() { Name = "Lịch sử trạng thái" });

    /// <summary>Hợp lệ, Cần bổ sung or Không hợp lệ, with the reason the entrant will read.</summary>
    public async Task DecideAsync(string decision, string? reason = null)
    {
        var form = Page.GetByRole(AriaRole.Complementary, new() { Name = "Xử lý hồ sơ" });
        if (reason is not null)
            await form.GetByLabel("Lý do / nội dung cần bổ sung").FillAsync(reason);
        await form.GetByRole(AriaRole.Button, new() { Name = decision, Exact = true }).ClickAsync();
    }
}
