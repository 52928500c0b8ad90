using ContestPlatform.Web.Markdown;

namespace ContestPlatform.Web.Tests.Markdown;

public class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static string Render(string markdown) => Renderer.Render(markdown).Value!;

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Trước <script src=\"https://evil.example/x.js\"></script> sau")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">bấm</a>")]
    [InlineData("<svg onload=alert(1)>")]
    public void Raw_html_is_shown_as_text_never_as_markup(string markdown)
    {
        var html = Render(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[bấm vào đây](javascript:alert(1))")]
    [InlineData("[bấm](JaVaScRiPt:alert(1))")]
    [InlineData("[bấm](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[bấm](vbscript:msgbox(1))")]
    [InlineData("![ảnh](javascript:alert(1))")]
    public void Dangerous_link_schemes_are_removed(string markdown)
    {
        var html = Render(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Image_markdown_with_an_event_handler_in_the_title_stays_inert()
    {
        var html = Render("![ảnh](https://example.vn/a.png \"x\\\" onerror=\\\"alert(1)\")");
        Assert.DoesNotContain("onerror=\"", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ordinary_rules_markdown_keeps_headings_lists_tables_and_safe_links()
    {
        var html = Render("""
            ## Điều 6. Tiêu chí

            1. Tính **đổi mới** sáng tạo
            2. Hiệu quả

            | TT | Tiêu chí | Điểm |
            |---|---|---|
            | 1 | DMST | 20 |

            Xem [thể lệ](/the-le) và [trang tỉnh](https://thainguyen.gov.vn).
            """);
        Assert.Contains("<h2 id=\"dieu-6-tieu-chi\">Điều 6. Tiêu chí</h2>", html);
        Assert.Contains("<strong>đổi mới</strong>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"/the-le\"", html);
        Assert.Contains("href=\"https://thainguyen.gov.vn\"", html);
    }

    [Fact]
    public void Embedded_documents_push_their_headings_down_so_the_page_keeps_one_h1()
    {
        var html = Renderer.Render("# Thể lệ\n\n## Điều 1", headingOffset: 1).Value!;
        Assert.Contains("<h2 id=\"the-le\">Thể lệ</h2>", html);
        Assert.Contains("<h3 id=\"dieu-1\">Điều 1</h3>", html);
        Assert.DoesNotContain("<h1", html);
    }
}
