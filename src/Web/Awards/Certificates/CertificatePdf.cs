using System.Globalization;
using System.Text;
using QRCoder;
using SkiaSharp;

namespace ContestPlatform.Web.Awards.Certificates;

/// <summary>
/// Prints one award certificate as a one-page A4 landscape PDF in the Vietnamese administrative layout:
/// issuer and Quốc hiệu at the top, place and date, the honour as the title, the award, the signer at the
/// bottom right and a QR code to the verification page at the bottom left, inside a decorative border.
/// </summary>
/// <remarks>
/// Drawn with SkiaSharp's PDF backend (MIT; PDFsharp 6.5 is AGPL-3.0 and refuses to run without a licence
/// call, see docs/decisions/0005). Text uses Noto Serif from <c>assets/fonts</c>, embedded whole (about 0.9 MB
/// per certificate) with a Unicode map (Identity-H + ToUnicode), so every Vietnamese letter prints and copies
/// out as itself. Text is
/// normalised to NFC first: Vietnamese typed with combining marks (NFD) would otherwise print marks beside
/// their letters, since no text shaping is done.
/// </remarks>
public sealed class CertificatePdf
{
    private const string Issuer = "UBND TỈNH THÁI NGUYÊN";
    private const string IssuerUnit = "BAN TỔ CHỨC CUỘC THI";
    private const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Motto = "Độc lập - Tự do - Hạnh phúc";

    // A4 landscape in points, and where the columns sit.
    private const float PageWidth = 842;
    private const float PageHeight = 595;
    private const float BodyWidth = 660;
    private const float HeaderLeftCentre = 222;
    private const float HeaderRightCentre = 590;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly SKColor Ink = new(0x1C, 0x1C, 0x1C);
    private static readonly SKColor Crimson = new(0xA3, 0x1D, 0x1D);
    private static readonly SKColor Navy = new(0x1A, 0x36, 0x6B);
    private static readonly SKColor Gold = new(0xC2, 0x9B, 0x3F);
    private static readonly SKColor Muted = new(0x55, 0x55, 0x55);

    private readonly CertificateFonts _fonts;

    /// <summary>Uses the fonts in <c>{assetsDirectory}/fonts</c>.</summary>
    /// <exception cref="FileNotFoundException">A font file is missing.</exception>
    public CertificatePdf(string assetsDirectory) =>
        _fonts = CertificateFonts.From(Path.Combine(assetsDirectory, "fonts"));

    /// <summary>Renders the certificate and returns the PDF file's bytes.</summary>
    /// <exception cref="ArgumentException">A required field is empty, or the results hash is not 16+ hex digits.</exception>
    public byte[] Render(CertificateData certificate)
    {
        Validate(certificate);
        var c = Normalised(certificate);

        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{c.Honour} – {c.TierName} – {c.EntryCode}",
            Subject = c.ContestName,
            Author = IssuerUnit,
            Creator = "ContestPlatform",
            Producer = "ContestPlatform",
            Creation = new DateTime(c.Date, TimeOnly.MinValue, DateTimeKind.Utc),
            Modified = new DateTime(c.Date, TimeOnly.MinValue, DateTimeKind.Utc),
            RasterDpi = 300,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            DrawBorder(canvas);
            DrawHeader(canvas, c);
            DrawBody(canvas, c);
            DrawSigner(canvas, c);
            DrawVerification(canvas, c);
            document.EndPage();
            document.Close();
        }
        return output.ToArray();
    }

    /// <summary>
    /// The place and date line of an administrative document: days below 10 and the months January and February
    /// take a leading zero (“ngày 05 tháng 02 năm 2026”, Nghị định 30/2020/NĐ-CP).
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
        if (c.Authors is null || c.Authors.Count == 0 || c.Authors.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("The certificate needs at least one author, and no empty names.", nameof(c));
        if (c.ResultsHash is null || c.ResultsHash.Length < 16 || !c.ResultsHash.All(char.IsAsciiHexDigit))
            throw new ArgumentException("The results hash must be at least 16 hexadecimal digits.", nameof(c));
    }

    private static CertificateData Normalised(CertificateData c)
    {
        static string N(string s) => s.Trim().Normalize(NormalizationForm.FormC);
        return c with
        {
            ContestName = N(c.ContestName), TierName = N(c.TierName), Honour = N(c.Honour), EntryTitle = N(c.EntryTitle),
            EntryCode = N(c.EntryCode), Authors = [.. c.Authors.Select(N)],
            Organisation = string.IsNullOrWhiteSpace(c.Organisation) ? null : N(c.Organisation),
            Place = N(c.Place), SignerTitle = N(c.SignerTitle), SignerName = N(c.SignerName),
        };
    }

    private static void DrawBorder(SKCanvas canvas)
    {
        canvas.DrawRect(Inset(18), Stroke(Crimson, 5));
        canvas.DrawRect(Inset(26), Stroke(Gold, 1.6f));
        canvas.DrawRect(Inset(30), Stroke(Crimson, 0.6f));

        // A gold corner piece in each corner: an L of two short rules, a crimson lozenge and two gold ones.
        const float corner = 30, reach = 46;
        using var goldPen = Stroke(Gold, 1.2f);
        using var crimson = Fill(Crimson);
        using var gold = Fill(Gold);
        foreach (var (x, y, dx, dy) in new[]
                 {
                     (corner, corner, 1, 1), (PageWidth - corner, corner, -1, 1),
                     (corner, PageHeight - corner, 1, -1), (PageWidth - corner, PageHeight - corner, -1, -1),
                 })
        {
            canvas.DrawLine(x + dx * 6, y + dy * 6, x + dx * reach, y + dy * 6, goldPen);
            canvas.DrawLine(x + dx * 6, y + dy * 6, x + dx * 6, y + dy * reach, goldPen);
            Lozenge(canvas, crimson, x + dx * 14, y + dy * 14, 5);
            Lozenge(canvas, gold, x + dx * 26, y + dy * 14, 2.5f);
            Lozenge(canvas, gold, x + dx * 14, y + dy * 26, 2.5f);
        }

        // Lozenges at the middle of each side, on the gold rule.
        foreach (var (x, y) in new[] { (PageWidth / 2, 26f), (PageWidth / 2, PageHeight - 26), (26f, PageHeight / 2), (PageWidth - 26, PageHeight / 2) })
            Lozenge(canvas, gold, x, y, 5);
    }

    private void DrawHeader(SKCanvas canvas, CertificateData c)
    {
        using var regular = Font(_fonts.Regular, 12.5f);
        using var bold = Font(_fonts.Bold, 12.5f);
        using var motto = Font(_fonts.Bold, 13.5f);
        using var italic = Font(_fonts.Italic, 12.5f);
        using var ink = Fill(Ink);
        using var rule = Stroke(Ink, 0.8f);

        const float first = 74, second = 92;
        Centred(canvas, Issuer, regular, ink, HeaderLeftCentre, first);
        var unitWidth = Centred(canvas, IssuerUnit, bold, ink, HeaderLeftCentre, second);
        // The rule under the issuing body is a third to a half of its name (Nghị định 30/2020/NĐ-CP).
        canvas.DrawLine(HeaderLeftCentre - unitWidth * 0.22f, second + 7, HeaderLeftCentre + unitWidth * 0.22f, second + 7, rule);

        Centred(canvas, NationalTitle, bold, ink, HeaderRightCentre, first);
        // The rule under the motto is as long as the motto.
        var mottoWidth = Centred(canvas, Motto, motto, ink, HeaderRightCentre, second);
        canvas.DrawLine(HeaderRightCentre - mottoWidth / 2, second + 5, HeaderRightCentre + mottoWidth / 2, second + 5, rule);

        Centred(canvas, PlaceAndDate(c.Place, c.Date), italic, ink, HeaderRightCentre, 122);
    }

    private void DrawBody(SKCanvas canvas, CertificateData c)
    {
        using var ink = Fill(Ink);
        using var crimson = Fill(Crimson);
        using var navy = Fill(Navy);
        using var muted = Fill(Muted);
        var fonts = new List<SKFont>();
        SKFont F(SKTypeface typeface, float size)
        {
            var font = Font(typeface, size);
            fonts.Add(font);
            return font;
        }

        try
        {
            const float centre = PageWidth / 2;
            Centred(canvas, c.Honour.ToUpper(Vietnamese), F(_fonts.Bold, 38), crimson, centre, 184);
            using (var gold = Fill(Gold))
            using (var goldRule = Stroke(Gold, 1))
            {
                canvas.DrawLine(centre - 110, 200, centre - 10, 200, goldRule);
                canvas.DrawLine(centre + 10, 200, centre + 110, 200, goldRule);
                Lozenge(canvas, gold, centre, 200, 4);
            }

            var verb = string.Equals(c.Honour, "Bằng khen", StringComparison.OrdinalIgnoreCase) ? "tặng" : "chứng nhận";
            var authorsLabel = c.Authors.Count > 1 ? "Nhóm tác giả:" : "Tác giả:";
            // A name is never split across lines: each "Name," is one unit.
            var authors = c.Authors.Select((name, i) => i < c.Authors.Count - 1 ? name + "," : name).ToList();
            List<Block> Body(float scale)
            {
                var blocks = new List<Block>
                {
                    Block.Of(BodyWidth, 1.4f, Words($"Ban Tổ chức Cuộc thi “{c.ContestName}” {verb}", F(_fonts.Italic, 14.5f * scale), ink)),
                    Block.Gap(8 * scale),
                    Block.Fit(BodyWidth, 1.35f, size => Words(authorsLabel, F(_fonts.Regular, size * 0.8f), ink)
                        .Concat(authors.Select(name => new Word(name, F(_fonts.Bold, size), navy))), 19 * scale, 12),
                };
                if (c.Organisation is not null)
                    blocks.Add(Block.Fit(BodyWidth, 1.4f, size => Words($"Đơn vị: {c.Organisation}", F(_fonts.Regular, size), ink), 14 * scale, 11));
                blocks.Add(Block.Gap(8 * scale));
                blocks.Add(Block.Of(BodyWidth, 1.3f, Words("Đã đạt", F(_fonts.Italic, 14 * scale), ink)));
                blocks.Add(Block.Fit(BodyWidth, 1.3f, size => Words(c.TierName.ToUpper(Vietnamese), F(_fonts.Bold, size), crimson), 30 * scale, 18));
                blocks.Add(Block.Gap(6 * scale));
                blocks.Add(Block.Fit(BodyWidth, 1.4f, size => Words("với công trình", F(_fonts.Regular, size * 0.88f), ink)
                    .Concat(Words($"“{c.EntryTitle}”", F(_fonts.Bold, size), ink)), 16 * scale, 11));
                blocks.Add(Block.Gap(2 * scale));
                blocks.Add(Block.Of(BodyWidth, 1.4f, Words($"Mã số: {c.EntryCode}", F(_fonts.Regular, 12 * scale), muted)));
                return blocks;
            }

            // Centre the body between the title and the signer block, shrinking it when a long title or many
            // authors would reach the signer.
            const float top = 212, bottom = 416;
            var body = Body(1);
            for (var scale = 0.95f; body.Sum(b => b.Height) > bottom - top && scale > 0.6f; scale -= 0.05f)
                body = Body(scale);
            var y = top + Math.Max(0, (bottom - top - body.Sum(b => b.Height)) / 2);
            foreach (var block in body)
            {
                block.Draw(canvas, centre, y);
                y += block.Height;
            }
        }
        finally
        {
            fonts.ForEach(f => f.Dispose());
        }
    }

    private void DrawSigner(SKCanvas canvas, CertificateData c)
    {
        using var title = Font(_fonts.Bold, 13);
        using var name = Font(_fonts.Bold, 14);
        using var ink = Fill(Ink);
        var y = 438f;
        foreach (var line in c.SignerTitle.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            Centred(canvas, line, title, ink, HeaderRightCentre, y);
            y += 17;
        }
        Centred(canvas, c.SignerName, name, ink, HeaderRightCentre, 540);
    }

    private void DrawVerification(SKCanvas canvas, CertificateData c)
    {
        const float size = 84, left = 70, top = 458;
        using (var qr = SKImage.FromEncodedData(QrPng(c.VerifyUrl)))
            canvas.DrawImage(qr, SKRect.Create(left, top, size, size), new SKSamplingOptions(SKFilterMode.Nearest), null);

        using var muted = Fill(Muted);
        using var note = Font(_fonts.Italic, 9);
        using var small = Font(_fonts.Regular, 8);
        const float textLeft = left + size + 10, textWidth = 270;
        var y = top + 18;
        canvas.DrawText("Quét mã QR để xác minh chứng nhận:", textLeft, y, SKTextAlign.Left, note, muted);
        y += 14;
        foreach (var line in BreakUrl(c.VerifyUrl, small, textWidth))
        {
            canvas.DrawText(line, textLeft, y, SKTextAlign.Left, small, muted);
            y += 11;
        }
        y += 4;
        canvas.DrawText($"Mã kết quả: {c.ResultsHash[..16].ToLowerInvariant()}", textLeft, y, SKTextAlign.Left, small, muted);
    }

    private static byte[] QrPng(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8, drawQuietZones: true);
    }

    /// <summary>Splits a URL into lines that fit, at any character (URLs have no spaces to wrap at).</summary>
    private static IEnumerable<string> BreakUrl(string url, SKFont font, float width)
    {
        var start = 0;
        while (start < url.Length)
        {
            var length = url.Length - start;
            while (length > 1 && font.MeasureText(url.AsSpan(start, length)) > width)
                length--;
            yield return url.Substring(start, length);
            start += length;
        }
    }

    private static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    private static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(SKColor color, float width) =>
        new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };

    private static SKRect Inset(float inset) => new(inset, inset, PageWidth - inset, PageHeight - inset);

    private static void Lozenge(SKCanvas canvas, SKPaint paint, float x, float y, float radius)
    {
        using var path = new SKPath();
        path.MoveTo(x, y - radius);
        path.LineTo(x + radius, y);
        path.LineTo(x, y + radius);
        path.LineTo(x - radius, y);
        path.Close();
        canvas.DrawPath(path, paint);
    }

    /// <summary>Draws text centred on <paramref name="centre"/> with its baseline at <paramref name="baseline"/>; returns its width.</summary>
    private static float Centred(SKCanvas canvas, string text, SKFont font, SKPaint paint, float centre, float baseline)
    {
        var width = font.MeasureText(text);
        canvas.DrawText(text, centre - width / 2, baseline, SKTextAlign.Left, font, paint);
        return width;
    }

    private static IEnumerable<Word> Words(string text, SKFont font, SKPaint paint) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new Word(w, font, paint));

    private sealed record Word(string Text, SKFont Font, SKPaint Paint);

    /// <summary>A centred paragraph of words in mixed fonts, wrapped to a width, or an empty gap.</summary>
    private sealed class Block
    {
        private readonly List<(List<Word> Words, float Width, float Ascent, float Step)> _lines = [];

        public float Height { get; private set; }

        public static Block Gap(float height) => new() { Height = height };

        public static Block Of(float width, float leading, IEnumerable<Word> words)
        {
            var block = new Block();
            var line = new List<Word>();
            foreach (var word in words)
            {
                if (line.Count > 0 && LineWidth([.. line, word]) > width)
                {
                    block.Add(line, leading);
                    line = [];
                }
                line.Add(word);
            }
            if (line.Count > 0)
                block.Add(line, leading);
            return block;
        }

        /// <summary>The largest size from <paramref name="largest"/> down to <paramref name="smallest"/> that fits in two lines.</summary>
        public static Block Fit(float width, float leading, Func<float, IEnumerable<Word>> words, float largest, float smallest)
        {
            for (var size = largest; size > smallest; size -= 0.5f)
            {
                var block = Of(width, leading, words(size));
                if (block._lines.Count <= 2)
                    return block;
            }
            return Of(width, leading, words(smallest));
        }

        public void Draw(SKCanvas canvas, float centre, float top)
        {
            var y = top;
            foreach (var (words, width, ascent, step) in _lines)
            {
                var x = centre - width / 2;
                foreach (var word in words)
                {
                    canvas.DrawText(word.Text, x, y + ascent, SKTextAlign.Left, word.Font, word.Paint);
                    x += word.Font.MeasureText(word.Text + " ");
                }
                y += step;
            }
        }

        private void Add(List<Word> words, float leading)
        {
            var size = words.Max(w => w.Font.Size);
            // The baseline sits about 0.95 em below the top of a line of Noto Serif; the step includes the leading.
            _lines.Add((words, LineWidth(words), size * 0.95f, size * leading));
            Height += size * leading;
        }

        private static float LineWidth(List<Word> words)
        {
            var width = 0f;
            for (var i = 0; i < words.Count; i++)
                width += words[i].Font.MeasureText(i < words.Count - 1 ? words[i].Text + " " : words[i].Text);
            return width;
        }
    }
}
