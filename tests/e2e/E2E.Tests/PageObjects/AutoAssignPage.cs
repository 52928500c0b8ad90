using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/cham-diem/vong/{id}/phan-cong/tu-dong: the automatic plan, previewed before it is applied.</summary>
public sealed class AutoAssignPage(IPage page) : SiteChrome(page)
{
    /// <summary>“N lượt phân công mới · N lượt … sẽ bị gỡ · N công trình thiếu giám khảo”.</summary>
    public ILocator Summary => Page.Locator("#tom-tat");

    public ILocator LoadRows => Page.Locator("#tai tbody tr");

    public ILocator PlanRows => Page.Locator("#phuong-an tbody tr");

    public async Task<AssignmentBoardPage> ApplyAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng", Exact = true }).ClickAsync();
        return new AssignmentBoardPage(Page);
    }
}
