using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/cham-diem/vong/{id}/phan-cong: who scores what in a round, with loads and conflicts.</summary>
public sealed class AssignmentBoardPage(IPage page) : SiteChrome(page)
{
    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>“Số công trình của mỗi giám khảo”: one item per judge, name then load.</summary>
    public ILocator Loads => Page.Locator("#loads li");

    public ILocator Load(string judge) => Loads.Filter(new() { HasText = judge });

    public ILocator EntryRow(string code) => Page.Locator("#assignments tbody tr").Filter(new() { HasText = code });

    /// <summary>The shortfall box (“Công trình thiếu giám khảo”), absent when every entry has its judges.</summary>
    public ILocator Shortfalls => Page.Locator("#thieu-giam-khao");

    public async Task<AutoAssignPage> PreviewAutomaticAssignmentAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Phân công tự động (xem trước)" }).ClickAsync();
        return new AutoAssignPage(Page);
    }
}
