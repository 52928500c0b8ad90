using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/giam-khao: a judge's entries in the open rounds, by anonymous label, with progress.</summary>
public sealed class JudgeQueuePage(IPage page) : SiteChrome(page)
{
    public const string Path = "/giam-khao";

    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>“Đã nộp 1/2, nháp 1”.</summary>
    public ILocator Progress(string round) => Round(round).Locator(".progress-text");

    public ILocator Rows(string round) => Round(round).Locator("tbody tr");

    public ILocator Row(string round, string label) => Rows(round).Filter(new() { HasText = "#" + label });

    /// <summary>The anonymous labels in queue order, e.g. "7KQ2MA".</summary>
    public async Task<IReadOnlyList<string>> LabelsAsync(string round)
    {
        var links = await Rows(round).GetByRole(AriaRole.Link).AllInnerTextsAsync();
        return [.. links.Select(text => text.Trim()[(text.Trim().LastIndexOf('#') + 1)..])];
    }

    public async Task<ScorePage> OpenAsync(string round, string label)
    {
        await Row(round, label).GetByRole(AriaRole.Link).ClickAsync();
        return new ScorePage(Page);
    }

    private ILocator Round(string name) => Page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });
}
