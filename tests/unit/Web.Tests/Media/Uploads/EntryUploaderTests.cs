using System.Net;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Media.Uploads.UploadSteps;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>The upload area as the entrant's edit page shows it (the _EntryUploader partial).</summary>
public sealed class EntryUploaderTests(UploadSite site) : IClassFixture<UploadSite>
{
    private static string EditPage(int entryId) => $"/thi-sinh/cong-trinh/{entryId}";

    [Fact]
    public async Task The_edit_page_has_a_labelled_picker_per_kind_and_the_files_with_their_state()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var photo = (await UploadAsync(who, entryId, "Photo", "anh-mat-truoc.jpg", SampleFiles.Jpeg())).MediaId!.Value;
        var pdf = (await UploadAsync(who, entryId, "Document", "thuyet-minh.pdf", SampleFiles.Pdf())).MediaId!.Value;
        await site.QueryAsync(async db =>
        {
            await db.MediaFiles.Where(m => m.Id == photo).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MediaState.Ready));
            return await db.MediaFiles.Where(m => m.Id == pdf).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, MediaState.Failed).SetProperty(m => m.Error, "Không đọc được tệp PDF"));
        });

        var page = await who.Browser.GetPageAsync(EditPage(entryId));

        var uploader = page.QuerySelector(".uploader")!;
        Assert.Equal(entryId.ToString(), uploader.GetAttribute("data-entry-id"));
        Assert.Equal(UploadSite.ChunkBytes.ToString(), uploader.GetAttribute("data-chunk-bytes"));
        Assert.False(string.IsNullOrEmpty(uploader.GetAttribute("data-token")));
        string[] labels = ["Ảnh", "Video", "Tài liệu thuyết minh (PDF)", "Xác nhận của đơn vị áp dụng"];
        Assert.Equal(labels, uploader.QuerySelectorAll(".uploader-area h3").Select(h => h.TextContent.Trim()));
        foreach (var input in uploader.QuerySelectorAll("input[type=file]"))
        {
            var label = page.QuerySelector($"label[for='{input.Id}']");
            Assert.NotNull(label);
            Assert.Null(input.GetAttribute("name")); // never posted with the entry form
        }
        Assert.True(uploader.QuerySelector("input[data-kind=Photo]")!.HasAttribute("multiple"));

        var thumb = uploader.QuerySelector($"li[data-media-id='{photo}'] img")!;
        Assert.Equal($"/tep/{photo}/anh-nho.jpg", thumb.GetAttribute("src"));
        Assert.Equal("lazy", thumb.GetAttribute("loading"));
        Assert.Contains("anh-mat-truoc.jpg", thumb.GetAttribute("alt"));
        Assert.Contains("Sẵn sàng", uploader.QuerySelector($"li[data-media-id='{photo}']")!.TextContent);
        Assert.Contains("Lỗi: Không đọc được tệp PDF", uploader.QuerySelector($"li[data-media-id='{pdf}']")!.TextContent);
        Assert.Equal("Xóa tệp thuyet-minh.pdf", uploader.QuerySelector($"button.uploader-remove[data-media-id='{pdf}']")!.GetAttribute("aria-label"));
        // The failed file offers "Thử lại"; the ready one does not.
        Assert.Equal("Xử lý lại tệp thuyet-minh.pdf", uploader.QuerySelector($"button.uploader-retry[data-media-id='{pdf}']")!.GetAttribute("aria-label"));
        Assert.Null(uploader.QuerySelector($"button.uploader-retry[data-media-id='{photo}']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/uploader.js']"));
        Assert.Empty(page.QuerySelectorAll(".uploader [style]"));
    }

    [Fact]
    public async Task A_submitted_entry_shows_its_files_without_pickers_or_remove_buttons()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        await UploadAsync(who, entryId, "Photo", "anh.jpg", SampleFiles.Jpeg());
        await site.QueryAsync(db => db.Entries.Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Submitted)));

        var (response, page) = await who.Browser.GetAsync(EditPage(entryId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var uploader = page.QuerySelector(".uploader")!;
        Assert.Empty(uploader.QuerySelectorAll("input[type=file]"));
        Assert.Empty(uploader.QuerySelectorAll(".uploader-remove"));
        Assert.Contains("Đang chờ xử lý", uploader.TextContent);
    }

    [Fact]
    public async Task The_uploader_script_and_styles_are_served()
    {
        var browser = site.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/js/uploader.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/css/uploader.css")).StatusCode);
    }
}
