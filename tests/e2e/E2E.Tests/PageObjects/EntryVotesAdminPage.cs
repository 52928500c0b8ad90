using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/binh-chon/cong-trinh/{id}: one entry's votes, voidable with a reason.</summary>
public sealed class EntryVotesAdminPage(IPage page) : SiteChrome(page)
{
    /// <summary>"Lượt hợp lệ", "Lượt đã hủy" or "Điểm bình chọn" at the top of the page.</summary>
    public ILocator Fact(string term) =>
        Page.GetByRole(AriaRole.Term).Filter(new() { HasText = term }).Locator("xpath=following-sibling::dd[1]");

    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã hủy" });

    public ILocator VoteOf(string email) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    public async Task VoidAsync(string email, string reason)
    {
        await Page.GetByLabel($"Chọn lượt của {email}").CheckAsync();
        await Page.GetByLabel("Lý do hủy").FillAsync(reason);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hủy các lượt đã chọn" }).ClickAsync();
    }
}
