using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/cham-diem: the judging area's front page, with its rounds.</summary>
public sealed class JudgingAdminPage(IPage page) : SiteChrome(page)
{
    public const string Path = "/quan-tri/cham-diem";

    public async Task<JudgingAdminPage> OpenAsync()
    {
        await Page.GotoAsync(Path);
        return this;
    }

    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>The figure of a headline stat, e.g. “4” for “giám khảo đang hoạt động”.</summary>
    public ILocator Stat(string label) => Page.Locator(".stat").Filter(new() { HasText = label }).Locator(".stat-value");

    public ILocator RoundRow(string name) =>
        Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public async Task<RoundFormPage> CreateRoundAsync()
    {
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Tạo vòng chấm" }).ClickAsync();
        return new RoundFormPage(Page);
    }

    public async Task<RoundFormPage> EditRoundAsync(string name)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Sửa {name}", Exact = true }).ClickAsync();
        return new RoundFormPage(Page);
    }

    public async Task<AssignmentBoardPage> AssignmentsAsync(string name)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Phân công {name}", Exact = true }).ClickAsync();
        return new AssignmentBoardPage(Page);
    }
}
