using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/thi-sinh: the entrant's entries with status, the secretariat's requests, history and file processing.</summary>
public sealed class EntrantDashboardPage(IPage page) : SiteChrome(page)
{
    public async Task<EntrantDashboardPage> OpenAsync()
    {
        await Page.GotoAsync("/thi-sinh");
        return this;
    }

    /// <summary>The flash message after a save or a submission.</summary>
    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status).First;

    public ILocator Card(string title) => Page.GetByRole(AriaRole.Article, new() { Name = title });

    public ILocator StatusOf(string title) => Card(title).Locator(".badge.status").First;

    public ILocator CodeOf(string title) => Card(title).Locator(".entry-code");

    public ILocator ChangeRequestOf(string title) => Card(title).Locator(".change-request");

    /// <summary>"Ảnh, video, tài liệu: Đang chờ xử lý: 0 Sẵn sàng: 4 Lỗi: 0".</summary>
    public ILocator MediaCountsOf(string title) => Card(title).Locator(".media-counts");

    public async Task<ILocator> OpenHistoryAsync(string title)
    {
        var history = Card(title).Locator("details.history");
        if (await history.GetAttributeAsync("open") is null)
            await history.Locator("summary").ClickAsync();
        return history.GetByRole(AriaRole.Table);
    }

    public Task CreateEntryAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Tạo công trình mới" }).ClickAsync();

    public Task FixAndResubmitAsync(string title) =>
        Card(title).GetByRole(AriaRole.Link, new() { Name = "Sửa và nộp lại" }).ClickAsync();
}
