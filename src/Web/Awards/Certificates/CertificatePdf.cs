using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace ContestPlatform.Web.Awards.Certificates;

/// <summary>
/// Prints one award certificate as a one-page A4 landscape PDF in the Vietnamese administrative layout:
/// issuer and Quốc hiệu at the top, place and date, the honour as the title, the award, the signer at the
/// bottom right and a QR code to the verification page at the bottom left.
/// </summary>
/// <remarks>
/// Text is drawn with Noto Serif from <c>assets/fonts</c>, embedded as a subset with Unicode (Identity-H)
/// encoding: the ANSI (WinAnsi) encoding PDFsharp may otherwise pick cannot hold ầ, ệ, ữ, đ….
/// </remarks>
public sealed class CertificatePdf
{
    private const string Issuer = "UBND TỈNH THÁI NGUYÊN";
    private const string IssuerUnit = "BAN TỔ CHỨC CUỘC THI";
    private const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Motto = "Độc lập - Tự do - Hạnh phúc";

    // A4 landscape in points, and the frame the text keeps inside.
    private const double PageWidth = 842;
    private const double PageHeight = 595;
    private const double ContentLeft = 66;
    private const double ContentRight = PageWidth - 66;
    private const double HeaderLeftCentre = 222;
    private const double HeaderRightCentre = 590;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private static readonly XColor Ink = XColor.FromArgb(0x1C, 0x1C, 0x1C);
    private static readonly XColor Crimson = XColor.FromArgb(0xA3, 0x1D, 0x1D);
    private static readonly XColor Navy = XColor.FromArgb(0x1A, 0x36, 0x6B);
    private static readonly XColor Gold = XColor.FromArgb(0xC2, 0x9B, 0x3F);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    /// <summary>Uses the fonts in <c>{assetsDirectory}/fonts</c>.</summary>
    /// <exception cref="FileNotFoundException">A font file is missing.</exception>
    public CertificatePdf(string assetsDirectory) =>
        CertificateFonts.Install(Path.Combine(assetsDirectory, "fonts"));

    /// <summary>Renders the certificate and returns the PDF file's bytes.</summary>
    /// <exception cref="ArgumentException">A required field is empty, or the results hash is not 16+ hex digits.</exception>
    public byte[] Render(CertificateData certificate)
    {
        Validate(certificate);

        using var document = new PdfDocument();
        document.Info.Title = $"{certificate.Honour} – {certificate.TierName} – {certificate.EntryCode}";
        document.Info.Subject = certificate.ContestName;
        document.Info.Author = IssuerUnit;
        document.Info.Creator = "ContestPlatform";

        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            DrawBorder(gfx);
            DrawHeader(gfx, certificate);
            DrawBody(gfx, certificate);
            DrawSigner(gfx, certificate);
            DrawVerification(gfx, certificate);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>
    /// The place and date line of an administrative document: days below 10 and the months January and February
    /// take a leading zero (“ngày 05 tháng 02 năm 2026”), so the date cannot be altered by hand.
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly date)
    {
        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place}, ngày {date.Day:00} tháng {month} năm {date.Year}";
    }

    private static void Validate(CertificateData c)
    {
        foreach (var (value, name) in new[]
                 {
                     (c.ContestName, nameof(c.ContestName)), (c.TierName, nameof(c.TierName)), (c.Honour, nameof(c.Honour)),
                     (c.EntryTitle, nameof(c.EntryTitle)), (c.EntryCode, nameof(c.EntryCode)), (c.Place, nameof(c.Place)),
                     (c.SignerTitle, nameof(c.SignerTitle)), (c.SignerName, nameof(c.SignerName)), (c.VerifyUrl, nameof(c.VerifyUrl)),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
                throw new ArgumentException($"The certificate needs {name}.", nameof(c));
        }
        if (c.Authors.Count == 0 || c.Authors.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("The certificate needs at least one author, and no empty names.", nameof(c));
        if (c.ResultsHash.Length < 16 || !c.ResultsHash.All(char.IsAsciiHexDigit))
            throw new ArgumentException("The results hash must be at least 16 hexadecimal digits.", nameof(c));
    }

    private static void DrawBorder(XGraphics gfx)
    {
        gfx.DrawRectangle(new XPen(Crimson, 5), Inset(18));
        gfx.DrawRectangle(new XPen(Gold, 1.6), Inset(26));
        gfx.DrawRectangle(new XPen(Crimson, 0.6), Inset(30));

        // A gold corner piece in each corner: an L of two short rules and a lozenge.
        const double corner = 30, reach = 46;
        var goldPen = new XPen(Gold, 1.2);
        foreach (var (x, y, dx, dy) in new[]
                 {
                     (corner, corner, 1, 1), (PageWidth - corner, corner, -1, 1),
                     (corner, PageHeight - corner, 1, -1), (PageWidth - corner, PageHeight - corner, -1, -1),
                 })
        {
            gfx.DrawLine(goldPen, x + dx * 6, y + dy * 6, x + dx * reach, y + dy * 6);
            gfx.DrawLine(goldPen, x + dx * 6, y + dy * 6, x + dx * 6, y + dy * reach);
            Lozenge(gfx, new XSolidBrush(Crimson), x + dx * 14, y + dy * 14, 5);
            Lozenge(gfx, new XSolidBrush(Gold), x + dx * 26, y + dy * 14, 2.5);
            Lozenge(gfx, new XSolidBrush(Gold), x + dx * 14, y + dy * 26, 2.5);
        }

        // Lozenges at the middle of each side, on the gold rule.
        foreach (var (x, y) in new[] { (PageWidth / 2, 26.0), (PageWidth / 2, PageHeight - 26), (26.0, PageHeight / 2), (PageWidth - 26, PageHeight / 2) })
            Lozenge(gfx, new XSolidBrush(Gold), x, y, 5);
    }

    private static void DrawHeader(XGraphics gfx, CertificateData c)
    {
        var regular = Font(12.5);
        var bold = Font(12.5, XFontStyleEx.Bold);
        var motto = Font(13.5, XFontStyleEx.Bold);
        var ink = new XSolidBrush(Ink);
        var rule = new XPen(Ink, 0.8);

        const double first = 74, second = 92;
        Centred(gfx, Issuer, regular, ink, HeaderLeftCentre, first);
        var unitWidth = Centred(gfx, IssuerUnit, bold, ink, HeaderLeftCentre, second);
        // The rule under the issuing body is a third to a half of its name (Nghị định 30/2020/NĐ-CP).
        gfx.DrawLine(rule, HeaderLeftCentre - unitWidth * 0.22, second + 7, HeaderLeftCentre + unitWidth * 0.22, second + 7);

        Centred(gfx, NationalTitle, bold, ink, HeaderRightCentre, first);
        // The rule under the motto is as long as the motto.
        var mottoWidth = Centred(gfx, Motto, motto, ink, HeaderRightCentre, second);
        gfx.DrawLine(rule, HeaderRightCentre - mottoWidth / 2, second + 5, HeaderRightCentre + mottoWidth / 2, second + 5);

        Centred(gfx, PlaceAndDate(c.Place, c.Date), Font(12.5, XFontStyleEx.Italic), ink, HeaderRightCentre, 122);
    }

    private static void DrawBody(XGraphics gfx, CertificateData c)
    {
        var ink = new XSolidBrush(Ink);
        var crimson = new XSolidBrush(Crimson);
        var navy = new XSolidBrush(Navy);
        const double width = ContentRight - ContentLeft - 40;
        const double centre = PageWidth / 2;

        Centred(gfx, c.Honour.ToUpper(Vietnamese), Font(38, XFontStyleEx.Bold), crimson, centre, 184);

        var verb = string.Equals(c.Honour.Trim(), "Bằng khen", StringComparison.OrdinalIgnoreCase) ? "tặng" : "chứng nhận";
        var authorsLabel = c.Authors.Count > 1 ? "Nhóm tác giả:" : "Tác giả:";
        var blocks = new List<Block>
        {
            Block.Of(gfx, width, 1.45, Words($"Ban Tổ chức Cuộc thi “{c.ContestName}” {verb}", Font(14.5, XFontStyleEx.Italic), ink)),
            Block.Gap(6),
            Block.Fit(gfx, width, 1.3, size => Words(authorsLabel, Font(size * 0.82), ink)
                .Concat(Words(string.Join(", ", c.Authors), Font(size, XFontStyleEx.Bold), navy)), 18, 12),
        };
        if (!string.IsNullOrWhiteSpace(c.Organisation))
            blocks.Add(Block.Fit(gfx, width, 1.35, size => Words("Đơn vị:", Font(size), ink)
                .Concat(Words(c.Organisation.Trim(), Font(size), ink)), 14, 11));
        blocks.Add(Block.Gap(4));
        blocks.Add(Block.Of(gfx, width, 1.45, Words("Đã đạt", Font(14, XFontStyleEx.Italic), ink)));
        blocks.Add(Block.Fit(gfx, width, 1.25, size => Words(c.TierName.ToUpper(Vietnamese), Font(size, XFontStyleEx.Bold), crimson), 30, 20));
        blocks.Add(Block.Gap(4));
        blocks.Add(Block.Fit(gfx, width, 1.35, size => Words("với công trình", Font(size * 0.88), ink)
            .Concat(Words($"“{c.EntryTitle.Trim()}”", Font(size, XFontStyleEx.Bold), ink)), 16, 11));
        blocks.Add(Block.Of(gfx, width, 1.5, Words($"Mã số: {c.EntryCode}", Font(12), new XSolidBrush(Muted))));

        // Centre the body between the title and the signer block.
        const double top = 200, bottom = 420;
        var height = blocks.Sum(b => b.Height);
        var y = top + Math.Max(0, (bottom - top - height) / 2);
        foreach (var block in blocks)
        {
            block.Draw(gfx, centre, y);
            y += block.Height;
        }
    }

    private static void DrawSigner(XGraphics gfx, CertificateData c)
    {
        var bold = Font(13, XFontStyleEx.Bold);
        var ink = new XSolidBrush(Ink);
        var y = 438.0;
        foreach (var line in c.SignerTitle.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            Centred(gfx, line, bold, ink, HeaderRightCentre, y);
            y += 17;
        }
        Centred(gfx, c.SignerName.Trim(), Font(14, XFontStyleEx.Bold), ink, HeaderRightCentre, 540);
    }

    private static void DrawVerification(XGraphics gfx, CertificateData c)
    {
        const double size = 84, left = 62, top = 468;
        using (var qr = XImage.FromStream(new MemoryStream(QrPng(c.VerifyUrl))))
        {
            qr.Interpolate = false;
            gfx.DrawImage(qr, left, top, size, size);
        }

        var muted = new XSolidBrush(Muted);
        const double textLeft = left + size + 10, textWidth = 270;
        var y = top + 18;
        gfx.DrawString("Quét mã QR để xác minh chứng nhận:", Font(9, XFontStyleEx.Italic), muted, textLeft, y);
        y += 14;
        var urlFont = Font(8);
        foreach (var line in BreakUrl(gfx, c.VerifyUrl, urlFont, textWidth))
        {
            gfx.DrawString(line, urlFont, muted, textLeft, y);
            y += 11;
        }
        y += 4;
        gfx.DrawString($"Mã kết quả: {c.ResultsHash[..16].ToLowerInvariant()}", Font(8), muted, textLeft, y);
    }

    private static byte[] QrPng(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8, drawQuietZones: true);
    }

    /// <summary>Splits a URL into lines that fit, at any character (URLs have no spaces to wrap at).</summary>
    private static IEnumerable<string> BreakUrl(XGraphics gfx, string url, XFont font, double width)
    {
        var start = 0;
        while (start < url.Length)
        {
            var length = url.Length - start;
            while (length > 1 && gfx.MeasureString(url.Substring(start, length), font).Width > width)
                length--;
            yield return url.Substring(start, length);
            start += length;
        }
    }

    private static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) =>
        new(CertificateFonts.Family, size, style, Unicode);

    private static XRect Inset(double inset) => new(inset, inset, PageWidth - 2 * inset, PageHeight - 2 * inset);

    private static void Lozenge(XGraphics gfx, XBrush brush, double x, double y, double radius) =>
        gfx.DrawPolygon(brush, [new XPoint(x, y - radius), new XPoint(x + radius, y), new XPoint(x, y + radius), new XPoint(x - radius, y)], XFillMode.Winding);

    /// <summary>Draws text centred on <paramref name="centre"/> with its baseline at <paramref name="baseline"/>; returns its width.</summary>
    private static double Centred(XGraphics gfx, string text, XFont font, XBrush brush, double centre, double baseline)
    {
        var width = gfx.MeasureString(text, font).Width;
        gfx.DrawString(text, font, brush, centre - width / 2, baseline, XStringFormats.BaseLineLeft);
        return width;
    }

    private static IEnumerable<Word> Words(string text, XFont font, XBrush brush) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new Word(w, font, brush));

    private sealed record Word(string Text, XFont Font, XBrush Brush);

    /// <summary>A centred paragraph of words in mixed fonts, wrapped to a width, or an empty gap.</summary>
    private sealed class Block
    {
        private readonly List<(List<Word> Words, double Width, double Ascent)> _lines = [];
        private readonly List<double> _steps = [];

        public double Height { get; private set; }

        public static Block Gap(double height) => new() { Height = height };

        public static Block Of(XGraphics gfx, double width, double leading, IEnumerable<Word> words)
        {
            var block = new Block();
            var line = new List<Word>();
            foreach (var word in words)
            {
                if (line.Count > 0 && LineWidth(gfx, [.. line, word]) > width)
                {
                    block.Add(gfx, line, leading);
                    line = [];
                }
                line.Add(word);
            }
            if (line.Count > 0)
                block.Add(gfx, line, leading);
            return block;
        }

        /// <summary>The largest size from <paramref name="largest"/> down to <paramref name="smallest"/> that fits in two lines.</summary>
        public static Block Fit(XGraphics gfx, double width, double leading, Func<double, IEnumerable<Word>> words, double largest, double smallest)
        {
            for (var size = largest; size > smallest; size -= 0.5)
            {
                var block = Of(gfx, width, leading, words(size));
                if (block._lines.Count <= 2)
                    return block;
            }
            return Of(gfx, width, leading, words(smallest));
        }

        public void Draw(XGraphics gfx, double centre, double top)
        {
            var y = top;
            for (var i = 0; i < _lines.Count; i++)
            {
                var (words, width, ascent) = _lines[i];
                var x = centre - width / 2;
                foreach (var word in words)
                {
                    gfx.DrawString(word.Text, word.Font, word.Brush, x, y + ascent, XStringFormats.BaseLineLeft);
                    x += gfx.MeasureString(word.Text + " ", word.Font).Width;
                }
                y += _steps[i];
            }
        }

        private void Add(XGraphics gfx, List<Word> words, double leading)
        {
            var size = words.Max(w => w.Font.Size);
            // Baseline sits about 0.95 em below the top of a line of Noto Serif; the step includes the leading.
            _lines.Add((words, LineWidth(gfx, words), size * 0.95));
            _steps.Add(size * leading);
            Height += size * leading;
        }

        private static double LineWidth(XGraphics gfx, List<Word> words)
        {
            var width = 0.0;
            for (var i = 0; i < words.Count; i++)
                width += gfx.MeasureString(i < words.Count - 1 ? words[i].Text + " " : words[i].Text, words[i].Font).Width;
            return width;
        }
    }
}
