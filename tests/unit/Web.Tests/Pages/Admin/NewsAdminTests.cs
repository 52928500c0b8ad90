using System.Net;
using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin;

public sealed class NewsAdminTests(TestSite site) : IClassFixture<TestSite>
{
    private Task<NewsPost?> FindAsync(string title) =>
        site.QueryAsync(db => db.News.AsNoTracking().FirstOrDefaultAsync(n => n.Title == title));

    private static string NewTitle(string stem) => $"{stem} {Guid.NewGuid().ToString("N")[..6]}";

    private static Task<HttpResponseMessage> WriteAsync(Browser browser, string title, string? publishAt = null, string? slug = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Summary"] = "Thông báo của Ban Tổ chức.",
            ["Input.Markdown"] = "Ban Tổ chức **thông báo** gia hạn nhận hồ sơ.",
            ["Input.PublishAt"] = publishAt ?? "",
        };
        if (slug is not null)
            fields["Input.Slug"] = slug;
        return browser.SubmitFormAsync("/quan-tri/tin-tuc/moi", fields);
    }

    [Fact]
    public async Task A_post_without_a_publish_time_is_published_at_once()
    {
        var (browser, _) = await SignedInAsync(site);
        var title = NewTitle("Thông báo gia hạn nhận hồ sơ");

        var landed = await LandAsync(browser, await WriteAsync(browser, title));

        var post = (await FindAsync(title))!;
        Assert.StartsWith("thong-bao-gia-han-nhan-ho-so-", post.Slug);
        Assert.Equal(site.Time.GetUtcNow().UtcDateTime, post.PublishAt);
        Assert.Equal("Người Thử", post.AuthorName);
        Assert.Contains("Đã đăng", landed.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title)).TextContent);
        var page = await site.NewBrowser().GetPageAsync($"/tin-tuc/{post.Slug}");
        Assert.Equal("thông báo", page.QuerySelector(".prose strong")!.TextContent);
    }

    [Fact]
    public async Task A_scheduled_post_stays_hidden_until_its_time()
    {
        var (browser, _) = await SignedInAsync(site);
        var title = NewTitle("Kết quả vòng sơ khảo");
        var publishAt = site.Time.GetUtcNow().AddDays(2);

        var landed = await LandAsync(browser, await WriteAsync(browser, title, VietnamInput(publishAt)));

        var post = (await FindAsync(title))!;
        var status = landed.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title)).TextContent;
        Assert.Contains($"Hẹn giờ đăng lúc {ContestPlatform.Web.Infrastructure.VietnameseFormat.DateAndTime(post.PublishAt)}", status);
        var visitor = site.NewBrowser();
        Assert.DoesNotContain(title, Text(await visitor.GetPageAsync("/tin-tuc")));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/tin-tuc/{post.Slug}")).Response.StatusCode);

        site.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        Assert.Contains(title, Text(await visitor.GetPageAsync("/tin-tuc")));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/tin-tuc/{post.Slug}")).Response.StatusCode);
    }

    [Fact]
    public async Task The_organizer_edits_a_post()
    {
        var (browser, _) = await SignedInAsync(site);
        var title = NewTitle("Lịch chấm điểm");
        await LandAsync(browser, await WriteAsync(browser, title));
        var post = (await FindAsync(title))!;
        var renamed = NewTitle("Lịch chấm điểm (cập nhật)");

        await LandAsync(browser, await browser.SubmitFormAsync($"/quan-tri/tin-tuc/{post.Id}", new()
        {
            ["Input.Title"] = renamed,
            ["Input.Markdown"] = "Lịch mới: *từ 01/08/2025*.",
        }));

        var stored = (await FindAsync(renamed))!;
        Assert.Equal(post.Id, stored.Id);
        Assert.Equal(post.Slug, stored.Slug);
        Assert.Equal("Lịch mới: *từ 01/08/2025*.", stored.Markdown);
    }

    [Fact]
    public async Task A_slug_already_used_by_another_post_is_refused()
    {
        var (browser, _) = await SignedInAsync(site);
        var title = NewTitle("Tin trùng đường dẫn");

        var response = await WriteAsync(browser, title, slug: "phat-dong-cuoc-thi");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Đường dẫn “phat-dong-cuoc-thi” đã được dùng cho tin khác.", await TextAsync(response));
        Assert.Null(await FindAsync(title));
    }

    [Fact]
    public async Task Deleting_a_post_asks_for_confirmation_first()
    {
        var (browser, _) = await SignedInAsync(site);
        var title = NewTitle("Tin đăng nhầm");
        await LandAsync(browser, await WriteAsync(browser, title));
        var post = (await FindAsync(title))!;

        var confirm = await browser.GetPageAsync($"/quan-tri/tin-tuc/{post.Id}/xoa");
        Assert.Contains("Bạn có chắc chắn muốn xóa tin", Text(confirm));
        Assert.Contains("không thể hoàn tác", Text(confirm));
        Assert.NotNull(await FindAsync(title));

        var landed = await LandAsync(browser, await browser.SubmitFormAsync($"/quan-tri/tin-tuc/{post.Id}/xoa", [], "#delete-form"));

        Assert.Contains($"Đã xóa tin “{title}”.", Text(landed));
        Assert.Null(await FindAsync(title));
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().GetAsync($"/tin-tuc/{post.Slug}")).Response.StatusCode);
    }

    [Fact]
    public async Task An_over_long_title_is_refused_with_a_Vietnamese_message_and_nothing_is_saved()
    {
        var (browser, _) = await SignedInAsync(site);
        var count = await site.QueryAsync(db => db.News.CountAsync());

        var response = await WriteAsync(browser, new string('T', 400));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal("Tiêu đề không được dài quá 300 ký tự.", page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        Assert.Equal(count, await site.QueryAsync(db => db.News.CountAsync()));
    }

    [Fact]
    public async Task The_news_editor_previews_markdown_without_running_script()
    {
        var (browser, _) = await SignedInAsync(site);

        var response = await PreviewAsync(browser, "/quan-tri/tin-tuc/moi", HostileMarkdown);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertInert((await Browser.ParseAsync(response)).Body!);
    }
}
