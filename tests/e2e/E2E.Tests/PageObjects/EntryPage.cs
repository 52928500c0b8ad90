using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/cong-trinh/{code}: one entry, with its "Bình chọn cộng đồng" box.</summary>
public sealed class EntryPage(IPage page) : SiteChrome(page)
{
    public async Task<EntryPage> OpenAsync(string code)
    {
        await Page.GotoAsync($"/cong-trinh/{code}");
        return this;
    }

    public ILocator VoteBox => Page.GetByRole(AriaRole.Region, new() { Name = "Bình chọn cộng đồng" });

    /// <summary>"12 lượt bình chọn", shown when the organizers make counts public.</summary>
    public ILocator VoteCount => VoteBox.GetByText(new Regex(@"^[\d.]+ lượt bình chọn$"));

    public ILocator SignInToVote => VoteBox.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập để bình chọn" });

    public ILocator VoteButton => VoteBox.GetByRole(AriaRole.Button, new() { Name = "Bình chọn cho công trình này" });

    /// <summary>The outcome of the last vote: a status when recorded, an alert when refused.</summary>
    public ILocator Confirmation => VoteBox.GetByRole(AriaRole.Status).Filter(new() { HasText = "Cảm ơn bạn!" });

    public ILocator Refusal => VoteBox.GetByRole(AriaRole.Alert);

    public ILocator AlreadyVoted => VoteBox.GetByRole(AriaRole.Status).Filter(new() { HasText = "Bạn đã bình chọn cho công trình này." });

    public Task VoteAsync() => VoteButton.ClickAsync();
}
