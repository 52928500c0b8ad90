using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ContestPlatform.Web.Awards.Certificates;
using ContestPlatform.Web.Data.Seeding;

namespace ContestPlatform.Web.Tests.Awards;

/// <summary>
/// A certificate is a PDF whose Vietnamese text survives: poppler extracts the exact words (so every glyph maps
/// back to its character), the fonts travel inside the file, the page renders to something that is not blank,
/// and the QR code opens the verification page.
/// </summary>
public sealed class CertificatePdfTests
{
    private static readonly CertificatePdf Printer = new(ContestSeeder.DefaultAssetsDirectory);

    private static CertificateData Sample(
        string honour = "Giấy chứng nhận",
        string title = "Hệ thống tưới nhỏ giọt thông minh cho chè Tân Cương",
        IReadOnlyList<string>? authors = null,
        DateOnly? date = null) => new(
        ContestName: "Đổi mới sáng tạo - vì Thái Nguyên thân yêu",
        TierName: "Giải Nhất",
        Honour: honour,
        EntryTitle: title,
        EntryCode: "DMST-2025-0042",
        Authors: authors ?? ["Nguyễn Thị Hồng Nhung", "Đặng Văn Quý"],
        Organisation: "Hợp tác xã chè Tân Cương Hoàng Bình",
        Date: date ?? new DateOnly(2025, 12, 15),
        Place: "Thái Nguyên",
        SignerTitle: "TM. BAN TỔ CHỨC\nTRƯỞNG BAN",
        SignerName: "Phạm Hoàng Sơn",
        VerifyUrl: "https://dmst.thainguyen.gov.vn/chung-nhan/DMST-2025-0042-7Q4K",
        ResultsHash: "9f2c4e71a0b35d8e6c1f0a9b7d3e5c2a41f8e6d0b9c7a5e3f1d2c4b6a8e0f1d3");

    [Fact]
    public async Task Vietnamese_text_extracts_exactly_as_written()
    {
        using var pdf = new TempFile(".pdf", Printer.Render(Sample()));

        var text = Normalise(await Tool.RunAsync("pdftotext", "poppler-utils", "-layout", "-enc", "UTF-8", pdf.Path, "-"));

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("UBND TỈNH THÁI NGUYÊN", text);
        Assert.Contains("BAN TỔ CHỨC CUỘC THI", text);
        Assert.Contains("Thái Nguyên, ngày 15 tháng 12 năm 2025", text);
        Assert.Contains("GIẤY CHỨNG NHẬN", text);
        Assert.Contains("Ban Tổ chức Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu” chứng nhận", text);
        Assert.Contains("GIẢI NHẤT", text);
        Assert.Contains("“Hệ thống tưới nhỏ giọt thông minh cho chè Tân Cương”", text);
        Assert.Contains("Mã số: DMST-2025-0042", text);
        Assert.Contains("Nguyễn Thị Hồng Nhung, Đặng Văn Quý", text);
        Assert.Contains("Đơn vị: Hợp tác xã chè Tân Cương Hoàng Bình", text);
        Assert.Contains("TM. BAN TỔ CHỨC", text);
        Assert.Contains("TRƯỞNG BAN", text);
        Assert.Contains("Phạm Hoàng Sơn", text);
        Assert.Contains("https://dmst.thainguyen.gov.vn/chung-nhan/DMST-2025-0042-7Q4K", text);
        Assert.Contains("Mã kết quả: 9f2c4e71a0b35d8e", text);
        Assert.DoesNotContain("9f2c4e71a0b35d8e6", text);
    }

    [Fact]
    public async Task The_page_is_A4_landscape()
    {
        using var pdf = new TempFile(".pdf", Printer.Render(Sample()));

        var info = await Tool.RunAsync("pdfinfo", "poppler-utils", pdf.Path);

        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Matches(@"Page size:\s+(841\.\d+|842) x (594\.\d+|595) pts \(A4\)", info);
    }

    [Fact]
    public async Task The_fonts_are_embedded_with_unicode_maps()
    {
        using var pdf = new TempFile(".pdf", Printer.Render(Sample()));

        var fonts = (await Tool.RunAsync("pdffonts", "poppler-utils", pdf.Path))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(2) // header and dashes
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, font =>
        {
            // name, type…, encoding, emb, sub, uni, object, ID
            Assert.Contains("NotoSerif", font[0]);
            Assert.Equal("Identity-H", font[^6]);
            Assert.Equal("yes", font[^5]);
            Assert.Equal("yes", font[^3]);
        });
        Assert.Contains(fonts, f => f[0].EndsWith("NotoSerif-Bold", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f[0].EndsWith("NotoSerif-Italic", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f[0].EndsWith("NotoSerif-Regular", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_renders_to_a_picture_that_is_not_blank()
    {
        using var pdf = new TempFile(".pdf", Printer.Render(Sample()));
        using var png = new TempFile(".png");

        await Tool.RunAsync("pdftoppm", "poppler-utils", "-png", "-r", "60", "-singlefile", pdf.Path, png.Path[..^4]);

        using var image = NetVips.Image.NewFromFile(png.Path);
        Assert.Equal(702, image.Width, tolerance: 2);  // 297 mm at 60 dpi
        Assert.Equal(496, image.Height, tolerance: 2); // 210 mm
        Assert.True(image.Deviate() > 20, $"the rendered page looks blank (standard deviation {image.Deviate():0.0})");
    }

    [Fact]
    public async Task The_QR_code_opens_the_verification_page()
    {
        var certificate = Sample();
        using var pdf = new TempFile(".pdf", Printer.Render(certificate));
        using var png = new TempFile(".png");
        await Tool.RunAsync("pdftoppm", "poppler-utils", "-png", "-r", "150", "-singlefile", pdf.Path, png.Path[..^4]);

        var decoded = await Tool.RunAsync("zbarimg", "zbar-tools", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.Path);

        Assert.Equal(certificate.VerifyUrl, decoded.Trim());
    }

    [Fact]
    public async Task A_long_title_and_many_authors_wrap_inside_the_frame_without_overlapping()
    {
        var certificate = Sample(
            title: "Ứng dụng công nghệ Internet vạn vật và trí tuệ nhân tạo trong giám sát, cảnh báo sớm sâu bệnh và tự động hóa tưới tiêu cho vùng chè đặc sản Tân Cương, Trại Cài, La Bằng tỉnh Thái Nguyên",
            authors: ["Nguyễn Thị Hồng Nhung", "Đặng Văn Quý", "Lương Thị Thuỷ Tiên", "Hoàng Đức Nghĩa", "Trịnh Xuân Trường"]);
        using var pdf = new TempFile(".pdf", Printer.Render(certificate));

        var text = Normalise(await Tool.RunAsync("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf.Path, "-"));
        var words = await WordsAsync(pdf.Path);

        Assert.Contains("tỉnh Thái Nguyên”", text);
        Assert.Contains("Lương Thị Thuỷ Tiên", text); // a name is never broken across lines
        Assert.Contains("Trịnh Xuân Trường", text);
        Assert.All(words, w => Assert.True(w.Box.Left > 30 && w.Box.Top > 30 && w.Box.Right < 842 - 30 && w.Box.Bottom < 595 - 30,
            $"“{w.Text}” sticks out of the frame: {w.Box}"));
        AssertNoOverlap(words);
        var code = Assert.Single(words, w => w.Text == "DMST-2025-0042");
        var signer = Assert.Single(words, w => w.Text == "TM.");
        Assert.True(code.Box.Bottom < signer.Box.Top, "the body runs into the signer block");
    }

    [Fact]
    public async Task The_usual_certificate_has_no_overlapping_words()
    {
        using var pdf = new TempFile(".pdf", Printer.Render(Sample()));

        AssertNoOverlap(await WordsAsync(pdf.Path));
    }

    [Fact]
    public async Task Names_typed_with_combining_marks_print_as_ordinary_letters()
    {
        var decomposed = "Nguyễn Thị Hồng Nhung".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("Nguyễn Thị Hồng Nhung", decomposed);
        using var pdf = new TempFile(".pdf", Printer.Render(Sample(authors: [decomposed])));

        var text = Normalise(await Tool.RunAsync("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf.Path, "-"));

        Assert.Contains("Tác giả: Nguyễn Thị Hồng Nhung", text);
    }

    [Fact]
    public async Task A_bang_khen_is_titled_and_worded_as_one()
    {
        using var pdf = new TempFile(".pdf", Printer.Render(Sample(honour: "Bằng khen", authors: ["Đặng Văn Quý"])));

        var text = Normalise(await Tool.RunAsync("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf.Path, "-"));

        Assert.Contains("BẰNG KHEN", text);
        Assert.Contains("thân yêu” tặng", text);
        Assert.Contains("Tác giả: Đặng Văn Quý", text);
        Assert.DoesNotContain("Nhóm tác giả", text);
    }

    [Theory]
    [InlineData(2025, 12, 15, "Thái Nguyên, ngày 15 tháng 12 năm 2025")]
    [InlineData(2026, 2, 5, "Thái Nguyên, ngày 05 tháng 02 năm 2026")]
    [InlineData(2026, 1, 31, "Thái Nguyên, ngày 31 tháng 01 năm 2026")]
    [InlineData(2026, 3, 8, "Thái Nguyên, ngày 08 tháng 3 năm 2026")]
    public void The_date_line_pads_small_days_and_the_first_two_months(int year, int month, int day, string expected) =>
        Assert.Equal(expected, CertificatePdf.PlaceAndDate("Thái Nguyên", new DateOnly(year, month, day)));

    [Fact]
    public void Missing_fonts_are_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-assets-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<FileNotFoundException>(() => new CertificatePdf(missing));

        Assert.Contains("NotoSerif-Regular.ttf", error.Message);
    }

    [Fact]
    public void Missing_fields_are_refused_with_a_reason()
    {
        Assert.Contains("author", Assert.Throws<ArgumentException>(() => Printer.Render(Sample(authors: []))).Message);
        Assert.Contains("EntryTitle", Assert.Throws<ArgumentException>(() => Printer.Render(Sample(title: " "))).Message);
        Assert.Contains("hash", Assert.Throws<ArgumentException>(() => Printer.Render(Sample() with { ResultsHash = "not-a-hash" })).Message);
    }

    /// <summary>Renders the sample to artifacts/awards/certificate.png (and .pdf) at the repository root, to be looked at.</summary>
    [Fact]
    public async Task Sample_certificate_is_saved_for_a_person_to_look_at()
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "awards");
        Directory.CreateDirectory(directory);
        var pdf = Path.Combine(directory, "certificate.pdf");
        await File.WriteAllBytesAsync(pdf, Printer.Render(Sample()));

        await Tool.RunAsync("pdftoppm", "poppler-utils", "-png", "-r", "110", "-singlefile", pdf, Path.Combine(directory, "certificate"));

        Assert.True(new FileInfo(Path.Combine(directory, "certificate.png")).Length > 10_000);
    }

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ");

    private sealed record PlacedWord(string Text, System.Drawing.RectangleF Box);

    /// <summary>Every word on the page with its box in points (origin top left), from <c>pdftotext -bbox</c>.</summary>
    private static async Task<List<PlacedWord>> WordsAsync(string pdf)
    {
        var html = await Tool.RunAsync("pdftotext", "poppler-utils", "-bbox", "-enc", "UTF-8", pdf, "-");
        static float F(Group g) => float.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture);
        return Regex.Matches(html, """<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>""")
            .Select(m => new PlacedWord(System.Net.WebUtility.HtmlDecode(m.Groups[5].Value),
                System.Drawing.RectangleF.FromLTRB(F(m.Groups[1]), F(m.Groups[2]), F(m.Groups[3]), F(m.Groups[4]))))
            .ToList();
    }

    private static void AssertNoOverlap(List<PlacedWord> words)
    {
        Assert.True(words.Count > 40, $"only {words.Count} words on the page");
        for (var i = 0; i < words.Count; i++)
            for (var j = i + 1; j < words.Count; j++)
            {
                // Boxes include the accents' room above the letters: shrink them a little before comparing.
                var a = RectangleShrunk(words[i].Box);
                var b = RectangleShrunk(words[j].Box);
                Assert.False(a.IntersectsWith(b), $"“{words[i].Text}” {words[i].Box} overlaps “{words[j].Text}” {words[j].Box}");
            }
    }

    private static System.Drawing.RectangleF RectangleShrunk(System.Drawing.RectangleF box)
    {
        box.Inflate(-0.5f, -box.Height * 0.15f);
        return box;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContestPlatform.sln")))
                return dir.FullName;
        return AppContext.BaseDirectory;
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string extension, byte[]? content = null)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cert-" + Guid.NewGuid().ToString("N") + extension);
            if (content is not null)
                File.WriteAllBytes(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }

    /// <summary>Runs a command-line tool; a missing tool fails the test with the Debian package to install.</summary>
    private static class Tool
    {
        public static async Task<string> RunAsync(string program, string package, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception)
            {
                Assert.Fail($"{program} is not installed: apt-get install {package} (scripts/test.sh installs it).");
                throw;
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await error}");
                return await output;
            }
        }
    }
}
