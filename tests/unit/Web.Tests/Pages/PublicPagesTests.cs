using System.Net;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages;

public class PublicPagesTests(TestSite site) : IClassFixture<TestSite>
{
    [Theory]
    [InlineData("/", "Đổi mới sáng tạo - vì Thái Nguyên thân yêu")]
    [InlineData("/the-le", "Thể lệ cuộc thi")]
    [InlineData("/tieu-chi", "Tiêu chí và cách thức chấm điểm")]
    [InlineData("/su-kien", "Sự kiện của Cuộc thi")]
    [InlineData("/tin-tuc", "Tin tức")]
    public async Task Public_pages_answer_in_vietnamese_with_landmarks(string url, string heading)
    {
        var page = await site.NewBrowser().GetPageAsync(url);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(heading, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("header"));
        Assert.NotNull(page.QuerySelector("nav[aria-label]"));
        Assert.NotNull(page.QuerySelector("main#noi-dung"));
        Assert.Contains("Sở Khoa học và Công nghệ tỉnh Thái Nguyên", page.QuerySelector("footer")!.TextContent);
    }

    [Fact]
    public async Task Home_shows_the_open_phase_computed_from_the_clock()
    {
        // TestSite starts on 01/03/2025, inside the submission window that ends 01/08/2025 00:00.
        var page = await site.NewBrowser().GetPageAsync("/");
        var status = page.QuerySelector("[role=status]")!.TextContent;
        Assert.Contains("Đang diễn ra: Nhận hồ sơ dự thi", status);
        Assert.Contains("đến hết ngày 31/07/2025", status);
        Assert.NotNull(page.QuerySelector("a[href='/tai-khoan/dang-ky']"));
        Assert.Equal(5, page.QuerySelectorAll(".timeline li").Length);
    }

    [Fact]
    public async Task Rules_page_shows_version_decision_and_date()
    {
        var page = await site.NewBrowser().GetPageAsync("/the-le");
        var meta = page.QuerySelector(".meta")!.TextContent;
        Assert.Contains("Phiên bản 1", meta);
        Assert.Contains("Quyết định số 16/QĐ-BTCCT", meta);
        Assert.Contains("24/01/2025", meta);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotEmpty(page.QuerySelectorAll(".prose h3"));
    }

    [Fact]
    public async Task Criteria_page_is_generated_from_the_rubric_in_force()
    {
        var page = await site.NewBrowser().GetPageAsync("/tieu-chi");
        var text = System.Text.RegularExpressions.Regex.Replace(page.Body!.TextContent, @"\s+", " ");
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("Tính đổi mới sáng tạo", rows[0]);
        Assert.Contains("30", rows[1]);
        Assert.Contains("20 × (số lượt bình chọn của công trình ÷ số lượt bình chọn cao nhất)", text);
        Assert.Contains("làm tròn đến 1 chữ số thập phân", text);
        var tieBreaks = page.QuerySelectorAll("h2 + p + ol li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, tieBreaks.Count);
        Assert.Contains("(HQ)", tieBreaks[1]);
        Assert.Contains("(KNAD)", tieBreaks[2]);
        Assert.Contains("(DMST)", tieBreaks[3]);
        Assert.Contains("nộp sớm hơn", tieBreaks[4]);
        // Committee of 9 seeded: ⌈2/3 × 9⌉ = 6.
        Assert.Contains("với 9 thành viên, cần tối thiểu 6 phiếu đồng ý", text);
    }

    [Fact]
    public async Task Events_page_shows_the_launch_agenda_table()
    {
        var page = await site.NewBrowser().GetPageAsync("/su-kien");
        var rows = page.QuerySelectorAll("#le-cong-bo-phat-dong table tbody tr");
        Assert.Equal(8, rows.Length);
        Assert.Contains("Ký kết biên bản ghi nhớ tài trợ", rows[5].TextContent);
        Assert.Contains("Văn phòng UBND tỉnh Thái Nguyên", page.Body!.TextContent);
    }

    [Fact]
    public async Task News_lists_published_posts_and_shows_one()
    {
        var browser = site.NewBrowser();
        var list = await browser.GetPageAsync("/tin-tuc");
        var link = list.QuerySelector("article a")!.GetAttribute("href")!;
        var post = await browser.GetPageAsync(link);
        Assert.Contains("Phát động Cuộc thi", post.QuerySelector("h1")!.TextContent);
        Assert.Contains("10/02/2025", post.QuerySelector(".meta")!.TextContent);
    }

    [Theory]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/tin-tuc/khong-co-tin-nay")]
    [InlineData("/the-le/../../etc/passwd")]
    public async Task Unknown_urls_are_404_with_a_vietnamese_page(string url)
    {
        var (response, page) = await site.NewBrowser().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Health_check_reports_database_and_storage()
    {
        var response = await site.CreateClient().GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body);
        Assert.Contains("\"storage\":{\"status\":\"Healthy\"", body);
    }

    [Fact]
    public async Task Health_check_answers_503_and_names_storage_when_the_blob_service_is_unreachable()
    {
        using var broken = new TestSite();
        broken.Settings["Storage:Provider"] = "AzureBlob";
        // A loopback port nothing listens on: connection refused, as when the storage service is down.
        broken.Settings["Storage:AzureBlob:ConnectionString"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        var response = await broken.CreateClient().GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body);
        Assert.Contains("\"storage\":{\"status\":\"Unhealthy\"", body);
        // The public pages keep serving while storage is down.
        Assert.Equal(HttpStatusCode.OK, (await broken.CreateClient().GetAsync("/the-le")).StatusCode);
    }

    [Fact]
    public async Task Vietnamese_text_is_sent_as_utf8_not_as_numeric_entities()
    {
        var html = await site.CreateClient().GetStringAsync("/");
        Assert.Contains("Đổi mới sáng tạo - vì Thái Nguyên thân yêu", html);
        Assert.DoesNotContain("&#x110;", html);
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        var response = await site.CreateClient().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Home_reports_the_end_of_the_contest_once_every_phase_is_over()
    {
        using var later = new TestSite();
        later.Time.SetUtcNow(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var page = await later.NewBrowser().GetPageAsync("/");
        Assert.Contains("Cuộc thi đã kết thúc", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(page.QuerySelector("main a[href='/tai-khoan/dang-ky']"));
    }
}
