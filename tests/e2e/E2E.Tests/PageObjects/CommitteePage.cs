using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/ban-to-chuc: a committee member approves or rejects each proposed award.</summary>
public sealed class CommitteePage(IPage page) : SiteChrome(page)
{
    public async Task<CommitteePage> OpenAsync()
    {
        await Page.GotoAsync("/ban-to-chuc");
        return this;
    }

    private ILocator Award(string code) => Page.Locator($"#de-nghi li[data-code='{code}']");

    public async Task ApproveAsync(string code, string comment = "")
    {
        var award = Award(code);
        await award.GetByLabel("Đồng ý", new() { Exact = true }).CheckAsync();
        if (comment.Length > 0)
            await award.GetByLabel("Góp ý (không bắt buộc)").FillAsync(comment);
        await award.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
    }

    public ILocator Decision(string code) => Award(code).Locator(".vote-done");

    public ILocator Approvals(string code) => Award(code).Locator(".approvals");
}
