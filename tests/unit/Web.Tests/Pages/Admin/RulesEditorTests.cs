using System.Net;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin;

public sealed class RulesEditorTests(TestSite site) : IClassFixture<TestSite>
{
    private const string Editor = "/quan-tri/the-le";

    private Task<int> LatestNumberAsync() => site.QueryAsync(db => db.RulesVersions.MaxAsync(v => v.Number));

    private Task<int> VersionCountAsync() => site.QueryAsync(db => db.RulesVersions.CountAsync());

    private static Dictionary<string, string> Edit(string markdown, string note = "Sửa Điều 5 theo góp ý của các sở") => new()
    {
        ["Input.Markdown"] = markdown,
        ["Input.Note"] = note,
    };

    [Fact]
    public async Task An_edit_appends_a_version_the_public_page_shows_and_the_history_records_who_and_when()
    {
        var (browser, email) = await SignedInAsync(site);
        var before = await LatestNumberAsync();
        var text = $"# Thể lệ sửa đổi\n\n## Điều 1. Đối tượng dự thi\n\nCá nhân, tổ chức đang sinh sống, làm việc tại tỉnh Thái Nguyên. Mã {Guid.NewGuid():N}";

        var landed = await LandAsync(browser, await browser.SubmitFormAsync(Editor, Edit(text, "Bổ sung Điều 1")));

        Assert.Contains($"Đã lưu Thể lệ thành phiên bản {before + 1}", landed.QuerySelector("[role=status]")!.TextContent);
        var rules = await site.NewBrowser().GetPageAsync("/the-le");
        Assert.Contains($"Phiên bản {before + 1}", rules.QuerySelector(".meta")!.TextContent);
        // Headings sit one level under the page's own h1.
        Assert.Equal("Thể lệ sửa đổi", rules.QuerySelector(".prose h2")!.TextContent);
        Assert.Equal("Điều 1. Đối tượng dự thi", rules.QuerySelector(".prose h3")!.TextContent);
        Assert.Contains(text[^32..], rules.QuerySelector(".prose")!.TextContent);

        var history = await browser.GetPageAsync("/quan-tri/the-le/lich-su");
        var newest = history.QuerySelector("tbody tr")!.TextContent;
        Assert.Contains((before + 1).ToString(), newest);
        Assert.Contains(email, newest);
        Assert.Contains("10:00 ngày 01/03/2025", newest);
        Assert.Contains("Bổ sung Điều 1", newest);
        Assert.Contains("Quyết định số 16/QĐ-BTCCT", newest);

        var version = await browser.GetPageAsync($"/quan-tri/the-le/lich-su/{before + 1}");
        Assert.Equal("Điều 1. Đối tượng dự thi", version.QuerySelector(".prose h3")!.TextContent);
        Assert.Contains("## Điều 1. Đối tượng dự thi", version.QuerySelector("pre")!.TextContent);
    }

    [Fact]
    public async Task Restoring_an_old_version_appends_a_new_one_with_the_old_text()
    {
        var (browser, email) = await SignedInAsync(site);
        var original = await site.QueryAsync(db => db.RulesVersions.SingleAsync(v => v.Number == 1));
        await LandAsync(browser, await browser.SubmitFormAsync(Editor, Edit($"# Bản nháp {Guid.NewGuid():N}")));
        var latest = await LatestNumberAsync();

        var response = await browser.SubmitFormAsync("/quan-tri/the-le/lich-su", [], "form.restore-form[action='/quan-tri/the-le/lich-su/1']");

        var landed = await LandAsync(browser, response);
        Assert.Contains($"Đã khôi phục nội dung phiên bản 1 thành phiên bản mới số {latest + 1}", Text(landed));
        var restored = await site.QueryAsync(db => db.RulesVersions.SingleAsync(v => v.Number == latest + 1));
        Assert.Equal(original.Markdown, restored.Markdown);
        Assert.Equal(original.Title, restored.Title);
        Assert.Equal(original.DecisionRef, restored.DecisionRef);
        Assert.Equal(original.EffectiveDate, restored.EffectiveDate);
        Assert.Equal("Khôi phục từ phiên bản 1", restored.Note);
        Assert.Equal(email, restored.CreatedBy);
        Assert.Contains($"Phiên bản {latest + 1}", (await site.NewBrowser().GetPageAsync("/the-le")).QuerySelector(".meta")!.TextContent);
        Assert.True(await site.QueryAsync(db => db.RulesVersions.AnyAsync(v => v.Number == latest)), "the restored-over version is kept");
    }

    [Fact]
    public async Task A_save_based_on_an_older_version_is_refused_keeps_the_text_and_saves_nothing()
    {
        var (first, _) = await SignedInAsync(site);
        var (second, _) = await SignedInAsync(site);
        var openedByFirst = await first.GetPageAsync(Editor);
        await LandAsync(second, await second.SubmitFormAsync(Editor, Edit($"# Bản của người thứ hai {Guid.NewGuid():N}")));
        var count = await VersionCountAsync();
        var mine = $"# Bản của người thứ nhất {Guid.NewGuid():N}";

        var response = await first.SubmitAsync(openedByFirst.Forms.First(f => f.QuerySelector("textarea") is not null), Editor, Edit(mine));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Nội dung của bạn chưa được lưu", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(mine, page.QuerySelector("textarea[name='Input.Markdown']")!.TextContent.Trim());
        Assert.Equal(count, await VersionCountAsync());
    }

    [Fact]
    public async Task Saving_unchanged_text_says_so_and_saves_nothing()
    {
        var (browser, _) = await SignedInAsync(site);
        var count = await VersionCountAsync();

        var response = await browser.SubmitFormAsync(Editor, new() { ["Input.Note"] = "Không sửa gì" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Nội dung không thay đổi", await TextAsync(response));
        Assert.Equal(count, await VersionCountAsync());
    }

    [Fact]
    public async Task The_reason_for_a_change_is_required()
    {
        var (browser, _) = await SignedInAsync(site);
        var count = await VersionCountAsync();

        var response = await browser.SubmitFormAsync(Editor, Edit("# Bản không có lý do", note: ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng nhập Lý do thay đổi.", await TextAsync(response));
        Assert.Equal(count, await VersionCountAsync());
    }

    [Fact]
    public async Task An_over_long_title_is_refused_with_a_Vietnamese_message()
    {
        var (browser, _) = await SignedInAsync(site);
        var count = await VersionCountAsync();
        var fields = Edit("# Bản có tên quá dài");
        fields["Input.Title"] = new string('T', 400);

        var response = await browser.SubmitFormAsync(Editor, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tên văn bản không được dài quá 300 ký tự.", await TextAsync(response));
        Assert.Equal(count, await VersionCountAsync());
    }

    [Fact]
    public async Task Script_and_javascript_links_in_the_rules_render_inert_on_the_public_page()
    {
        var (browser, _) = await SignedInAsync(site);
        await LandAsync(browser, await browser.SubmitFormAsync(Editor, Edit(HostileMarkdown + $"\n\n{Guid.NewGuid():N}")));

        var rules = await site.NewBrowser().GetPageAsync("/the-le");

        var prose = rules.QuerySelector(".prose")!;
        AssertInert(prose);
        // Raw HTML is shown as text, so the reader sees what was typed instead of it running.
        Assert.Contains("<script>alert(1)</script>", prose.TextContent);
        Assert.Equal("Điều khoản", prose.QuerySelector("h2")!.TextContent);
        AssertInert((await browser.GetPageAsync(Editor)).QuerySelector(".preview")!);
    }

    [Fact]
    public async Task The_live_preview_returns_sanitised_html()
    {
        var (browser, _) = await SignedInAsync(site);

        var response = await PreviewAsync(browser, Editor, HostileMarkdown + "\n\n**đậm**");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var fragment = await Browser.ParseAsync(response);
        AssertInert(fragment.Body!);
        Assert.Equal("đậm", fragment.QuerySelector("strong")!.TextContent);
        Assert.Equal("Điều khoản", fragment.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public async Task The_live_preview_needs_the_antiforgery_header()
    {
        var (browser, _) = await SignedInAsync(site);

        var response = await PreviewAsync(browser, Editor, "# Xem trước", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_version_is_404()
    {
        var (browser, _) = await SignedInAsync(site);

        var (response, _) = await browser.GetAsync("/quan-tri/the-le/lich-su/9999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
