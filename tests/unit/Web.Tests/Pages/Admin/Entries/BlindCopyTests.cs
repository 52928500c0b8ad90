using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Tests.Pages.Gallery;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin.Entries;

public sealed class BlindCopyTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<Entry> EntryWithNamesAsync()
    {
        var owner = await EntrySeed.UserAsync(site, "Phạm Quốc Việt");
        await EntrySeed.ProfileAsync(site, owner.Id, EntrantType.Enterprise, "Công ty TNHH Cơ khí Sông Công", "4600999888");
        return await EntrySeed.EntryAsync(site, owner.Id, EntryStatus.Accepted, e =>
        {
            e.Title = "Máy gặt lúa mini của Công ty TNHH Cơ khí Sông Công";
            e.EntrantName = "Công ty TNHH Cơ khí Sông Công";
            // Typed without diacritics and in other cases: still the author's name.
            e.Summary = "Nhóm của nguyen van an cải tiến máy gặt. Anh NGUYỄN VĂN AN chế tạo khung.";
            e.Solution = "Kỹ sư Đặng  Thị Mai thiết kế bộ truyền động; ông Annam không liên quan.";
            e.Authors =
            [
                new EntryAuthor { Order = 1, FullName = "Nguyễn Văn An", Unit = "Công ty TNHH Cơ khí Sông Công", SharePercent = 50 },
                new EntryAuthor { Order = 2, FullName = "Đặng Thị Mai", Unit = "Trường Cao đẳng Công nghiệp Thái Nguyên", SharePercent = 50 },
            ];
        });
    }

    private static string Url(Entry entry) => $"/quan-tri/ho-so/{entry.Id}/ban-an-danh";

    private static string Warning(IHtmlDocument page) => page.QuerySelector("#con-xuat-hien")?.TextContent ?? "";

    private Task<BlindCopy?> BlindAsync(int id) =>
        site.QueryAsync(db => db.Entries.AsNoTracking().Where(e => e.Id == id).Select(e => e.Blind).SingleAsync());

    [Fact]
    public async Task The_first_copy_is_filled_from_the_entry_and_lists_the_names_still_in_it()
    {
        var entry = await EntryWithNamesAsync();
        var (browser, _) = await SignedInAsync(site);

        var page = await browser.GetPageAsync(Url(entry));

        Assert.Equal(entry.Title, ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.Equal(entry.Summary, ((IHtmlTextAreaElement)page.QuerySelector("#Input_Summary")!).Value);
        var warning = Warning(page);
        Assert.Contains("Còn xuất hiện", warning);
        Assert.Contains("Nguyễn Văn An (2 lần: Tóm tắt)", warning);
        Assert.Contains("Đặng Thị Mai (1 lần: Giải pháp)", warning);
        Assert.Contains("Công ty TNHH Cơ khí Sông Công (1 lần: Tên công trình)", warning);
        Assert.Null(await BlindAsync(entry.Id));
    }

    [Fact]
    public async Task Saving_keeps_the_copy_with_who_and_when_and_still_warns_about_names_left()
    {
        var entry = await EntryWithNamesAsync();
        var (browser, _) = await SignedInAsync(site);

        var landed = await LandAsync(browser, await browser.SubmitFormAsync(Url(entry), new()
        {
            ["Input.Title"] = "Máy gặt lúa mini",
            ["Input.Summary"] = "Nhóm tác giả cải tiến máy gặt.\r\nAnh nguyễn văn an chế tạo khung.",
            ["Input.Solution"] = "Thiết kế bộ truyền động.",
        }, "#blind-form"));

        var blind = (await BlindAsync(entry.Id))!;
        Assert.Equal("Máy gặt lúa mini", blind.Title);
        Assert.Equal("Nhóm tác giả cải tiến máy gặt.\nAnh nguyễn văn an chế tạo khung.", blind.Summary);
        Assert.Equal(entry.Novelty, blind.Novelty);
        Assert.Equal(site.Time.GetUtcNow().UtcDateTime, blind.RedactedAt);
        Assert.Equal("Người Thử", blind.RedactedBy);
        Assert.Contains("Đã lưu bản ẩn danh", landed.QuerySelector(".alert-success")!.TextContent);
        Assert.Contains("Nguyễn Văn An (1 lần: Tóm tắt)", Warning(landed));
        Assert.DoesNotContain("Đặng Thị Mai", Warning(landed));
        // The entry itself is untouched, and the review page says the copy exists.
        var review = await browser.GetPageAsync($"/quan-tri/ho-so/{entry.Id}");
        Assert.Contains(entry.Title, review.QuerySelector("h1")!.TextContent);
        Assert.Contains("bởi Người Thử", Text(review));
        Assert.True(await site.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "entry.redact" && a.Subject == $"entry:{entry.Id}")));
    }

    [Fact]
    public async Task One_click_replaces_every_author_and_unit_without_saving()
    {
        var entry = await EntryWithNamesAsync();
        var (browser, _) = await SignedInAsync(site);

        var response = await browser.SubmitFormAsync(Url(entry), [], "#blind-form", "thaoTac=thay-ten");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal("Máy gặt lúa mini của [Đơn vị]", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.Equal("Nhóm của [Tác giả] cải tiến máy gặt. Anh [Tác giả] chế tạo khung.",
            ((IHtmlTextAreaElement)page.QuerySelector("#Input_Summary")!).Value);
        Assert.Equal("Kỹ sư [Tác giả] thiết kế bộ truyền động; ông Annam không liên quan.",
            ((IHtmlTextAreaElement)page.QuerySelector("#Input_Solution")!).Value);
        Assert.Equal("", Warning(page));
        Assert.Contains("Đã thay 4 chỗ", page.QuerySelector(".alert-info")!.TextContent);
        Assert.Null(await BlindAsync(entry.Id));

        // Saving what the helper produced.
        var form = (IHtmlFormElement)page.QuerySelector("#blind-form")!;
        await LandAsync(browser, await browser.SubmitAsync(form, Url(entry), []));
        Assert.Equal("Máy gặt lúa mini của [Đơn vị]", (await BlindAsync(entry.Id))!.Title);
    }

    [Fact]
    public async Task A_copy_saved_meanwhile_by_someone_else_is_not_overwritten()
    {
        var entry = await EntryWithNamesAsync();
        var (first, _) = await SignedInAsync(site);
        var (second, _) = await SignedInAsync(site);
        var secondForm = (IHtmlFormElement)(await second.GetPageAsync(Url(entry))).QuerySelector("#blind-form")!;

        await LandAsync(first, await first.SubmitFormAsync(Url(entry), new() { ["Input.Title"] = "Bản của người thứ nhất" }, "#blind-form"));
        site.Time.Advance(TimeSpan.FromMinutes(1));
        var response = await second.SubmitAsync(secondForm, Url(entry), new() { ["Input.Title"] = "Bản của người thứ hai" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Bản ẩn danh vừa được người khác lưu", Text(await Browser.ParseAsync(response)));
        Assert.Equal("Bản của người thứ nhất", (await BlindAsync(entry.Id))!.Title);
    }

    [Fact]
    public async Task The_title_is_required()
    {
        var entry = await EntryWithNamesAsync();
        var (browser, _) = await SignedInAsync(site);

        var response = await browser.SubmitFormAsync(Url(entry), new() { ["Input.Title"] = "" }, "#blind-form");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng nhập Tên công trình.", Text(await Browser.ParseAsync(response)));
        Assert.Null(await BlindAsync(entry.Id));
    }
}
