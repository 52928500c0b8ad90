using Microsoft.Playwright;

namespace ContestPlatform.E2E.PageObjects;

/// <summary>
/// /thi-sinh/cong-trinh/moi and /thi-sinh/cong-trinh/{id}: the entry's fields, its authors, its files (the
/// uploader) and the submission. Fields are found by their labels, as the entrant reads them.
/// </summary>
public sealed class EntryFormPage(IPage page) : SiteChrome(page)
{
    public EntryUploader Uploader { get; } = new(page);

    public ILocator StatusMessage => Page.Locator("main .alert-success");

    public ILocator Status => Page.GetByRole(AriaRole.Main).Locator(".meta .badge.status").First;

    public ILocator ChangeRequest => Page.GetByRole(AriaRole.Region, new() { Name = "Tổ thư ký đề nghị bổ sung hồ sơ" });

    public ILocator ShareTotal => Page.Locator("#share-total");

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    public async Task FillGeneralAsync(string title, string category, string commune, string appliedSince, string summary)
    {
        await Field("Tên công trình").FillAsync(title);
        await Field("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = category });
        await Field("Địa bàn áp dụng (xã/phường)").SelectOptionAsync(new SelectOptionValue { Label = commune });
        await Field("Thời gian bắt đầu áp dụng").FillAsync(appliedSince);
        await Field("Tóm tắt").FillAsync(summary);
    }

    /// <summary>The five thuyết minh sections, by their labels (Thực trạng, Giải pháp, …).</summary>
    public async Task FillSectionsAsync(IReadOnlyDictionary<string, string> sections)
    {
        foreach (var (label, text) in sections)
            await Field(label).FillAsync(text);
    }

    /// <summary>One author row (1-based), with the labels the phone layout shows inside each row.</summary>
    public async Task FillAuthorAsync(int number, string fullName, int birthYear, string unit, string position, string share)
    {
        var row = number - 1;
        await Field("Họ và tên").Nth(row).FillAsync(fullName);
        await Field("Năm sinh").Nth(row).FillAsync(birthYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field("Đơn vị công tác").Nth(row).FillAsync(unit);
        await Field("Chức vụ").Nth(row).FillAsync(position);
        await Field("Tỷ lệ đóng góp (%)").Nth(row).FillAsync(share);
    }

    public ILocator AuthorCount => Field("Họ và tên");

    public Task AddAuthorAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Thêm tác giả" }).ClickAsync();

    public Task ChooseRepresentativeAsync(int number) =>
        Page.GetByRole(AriaRole.Radio, new() { Name = $"Đại diện (tác giả {number})" }).CheckAsync();

    public Task SaveDraftAsync() =>
        Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Lưu nháp", Exact = true }).Last.ClickAsync();

    public Task CommitAuthorshipAsync() =>
        Page.GetByRole(AriaRole.Checkbox, new() { Name = "Tôi cam kết công trình dự thi là của tác giả" }).CheckAsync();

    /// <summary>"Nộp hồ sơ", or "Nộp lại hồ sơ" after the secretariat asked for changes.</summary>
    public Task SubmitAsync(string label = "Nộp hồ sơ") =>
        Page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
}

/// <summary>The uploader of the entry page (_EntryUploader + uploader.js): pick files, watch them go up and get processed.</summary>
public sealed class EntryUploader(IPage page)
{
    /// <summary>The picker of an area, by its label ("Chọn ảnh để tải lên", "Chọn video để tải lên", …).</summary>
    public Task ChooseAsync(string pickerLabel, params FilePayload[] files) =>
        page.GetByLabel(pickerLabel, new() { Exact = true }).SetInputFilesAsync(files);

    /// <summary>The progress bar of a file being uploaded.</summary>
    public ILocator Progress(string fileName) =>
        page.GetByRole(AriaRole.Progressbar, new() { Name = "Tiến độ tải lên " + fileName, Exact = true });

    /// <summary>A file already uploaded, in the list of its area ("Ảnh đã tải lên", "Video đã tải lên", …).</summary>
    public ILocator File(string area, string fileName) =>
        page.GetByRole(AriaRole.List, new() { Name = area + " đã tải lên", Exact = true })
            .GetByRole(AriaRole.Listitem).Filter(new() { HasText = fileName });

    public ILocator Count => page.Locator(".uploader [data-role=count]");
}
