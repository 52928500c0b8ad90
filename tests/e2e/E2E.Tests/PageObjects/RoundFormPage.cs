using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>Creating (/quan-tri/cham-diem/vong/moi) or changing (/quan-tri/cham-diem/vong/{id}) a judging round.</summary>
public sealed class RoundFormPage(IPage page) : SiteChrome(page)
{
    public ILocator Name => Page.GetByLabel("Tên vòng chấm");
    public ILocator State => Page.GetByLabel("Trạng thái");
    public ILocator JudgesPerEntry => Page.GetByLabel("Số giám khảo chấm mỗi công trình");
    public ILocator Seed => Page.GetByLabel("Hạt giống phân công");
    public ILocator Aggregation => Page.GetByLabel("Cách tổng hợp điểm Hội đồng");
    public ILocator StatusMessage => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <param name="state">The state as the list shows it: “Đang chuẩn bị”, “Đang chấm”, “Đã kết thúc”.</param>
    public async Task FillAsync(string name, string state, int judgesPerEntry, int seed)
    {
        await Name.FillAsync(name);
        await State.SelectOptionAsync(new SelectOptionValue { Label = state });
        await JudgesPerEntry.FillAsync(judgesPerEntry.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Seed.FillAsync(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Không đặt ngưỡng" }).CheckAsync();
    }

    public async Task SetStateAsync(string state) => await State.SelectOptionAsync(new SelectOptionValue { Label = state });

    /// <param name="button">“Tạo vòng chấm” or “Lưu vòng chấm”.</param>
    public async Task SaveAsync(string button) =>
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
}
