using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>/quan-tri/cham-diem/ket-qua: progress, the ranking with every aggregation, agreement; exports.</summary>
public sealed class ResultsPage(IPage page) : SiteChrome(page)
{
    public const string Path = "/quan-tri/cham-diem/ket-qua";

    /// <summary>“Vòng sơ khảo · Đang chấm · 4 công trình · 11/12 phiếu đã nộp …”.</summary>
    public ILocator Summary => Page.Locator("#tom-tat");

    public ILocator JudgeProgress(string judge) =>
        Page.Locator("#tien-do-giam-khao tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = judge, Exact = true }) });

    /// <summary>The entries still missing sheets (a table), or the “all complete” note.</summary>
    public ILocator EntryProgress => Page.Locator("#tien-do-cong-trinh");

    public ILocator RankingRows => Page.Locator("#bang-xep-hang tbody tr");

    public ILocator RankingRow(string code) => RankingRows.Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }) });

    public ILocator RankingHeaders => Page.Locator("#bang-xep-hang thead th");

    public ILocator Icc1 => Page.Locator("#icc1");

    public ILocator PanelRows => Page.Locator("#to-giam-khao tbody tr");

    public ILocator LeniencyRows => Page.Locator("#do-rong-tay tbody tr");

    public ILocator TopNVerdict => Page.Locator("#top-n-ket-luan");

    public async Task<EntryResultsPage> OpenEntryAsync(string code)
    {
        await RankingRow(code).GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
        return new EntryResultsPage(Page);
    }

    /// <param name="link">e.g. “Bảng xếp hạng (.xlsx)”.</param>
    public Task<IDownload> ExportAsync(string link) =>
        Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync());
}
