using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/cuoc-thi: the contest's settings, the community-vote ones among them.</summary>
public sealed class ContestSettingsPage(IPage page) : SiteChrome(page)
{
    public async Task<ContestSettingsPage> OpenAsync()
    {
        await Page.GotoAsync("/quan-tri/cuoc-thi");
        return this;
    }

    public ILocator ShowLiveVoteCounts => Page.GetByLabel("Công khai số lượt bình chọn của từng công trình trong khi bình chọn");

    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public Task SaveAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin cuộc thi" }).ClickAsync();
}
