using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetVips;

namespace ContestPlatform.Web.Tests.Media.Processing;

/// <summary>Small input files built on the spot: photos with NetVips, videos with ffmpeg, PDFs by hand.</summary>
public static class MediaSamples
{
    public const string CameraMake = "MayAnhBiMat";
    public const string XmpMarker = "ToaDoGPSBiMat";

    /// <summary>
    /// A JPEG as a phone writes it when held sideways: pixels stored <paramref name="storedWidth"/> ×
    /// <paramref name="storedHeight"/> with EXIF orientation 6 (turn 90° clockwise to view), GPS position,
    /// camera make and an XMP packet. The stored image has a red band along its top edge, so once upright
    /// the band runs down the right edge.
    /// </summary>
    public static byte[] SidewaysJpegWithGps(int storedWidth = 2400, int storedHeight = 1800)
    {
        using var background = Image.Black(storedWidth, storedHeight, bands: 3).Linear([0.0, 0.0, 0.0], [40.0, 110.0, 200.0]);
        using var band = Image.Black(storedWidth, storedHeight / 10, bands: 3).Linear([0.0, 0.0, 0.0], [230.0, 20.0, 20.0]);
        using var composed = background.Insert(band, 0, 0);
        using var pixels = composed.Cast(Enums.BandFormat.Uchar);
        var xmp = Encoding.UTF8.GetBytes(
            $"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,35.652N" exif:UserComment="{XmpMarker}"/></rdf:RDF></x:xmpmeta>""");
        using var tagged = pixels.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd0-Orientation", "6");
            m.Set(GValue.GStrType, "exif-ifd0-Make", CameraMake);
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "21/1 35/1 3912/100");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "105/1 50/1 5000/100");
            m.Set(GValue.BlobType, "xmp-data", xmp);
        });
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All);
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var image = Image.Black(width, height, bands: 3).Linear([1.0, 1.0, 1.0], [90.0, 160.0, 60.0]);
        using var pixels = image.Cast(Enums.BandFormat.Uchar);
        return pixels.JpegsaveBuffer(q: 85);
    }

    /// <summary>
    /// A JPEG of one flat sRGB colour, stored as Display P3 pixels with the P3 profile embedded (as iPhones
    /// write photos): shown correctly only by software that applies the profile.
    /// </summary>
    public static byte[] DisplayP3Jpeg(double[] srgbColour, int width = 400, int height = 300)
    {
        using var flat = Image.Black(width, height, bands: 3).Linear([0.0, 0.0, 0.0], srgbColour);
        using var pixels = flat.Cast(Enums.BandFormat.Uchar);
        using var srgb = pixels.Copy(interpretation: Enums.Interpretation.Srgb);
        using var p3 = srgb.IccTransform("p3", inputProfile: "srgb", embedded: false);
        return p3.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.All);
    }

    /// <summary>A PNG whose left half is fully transparent.</summary>
    public static byte[] HalfTransparentPng(int width = 300, int height = 200)
    {
        using var colour = Image.Black(width, height, bands: 3).Linear([0.0, 0.0, 0.0], [20.0, 20.0, 120.0]);
        using var opaque = Image.Black(width / 2, height).Linear([0.0], [255.0]);
        using var alpha = Image.Black(width, height).Insert(opaque, width / 2, 0);
        using var withAlpha = colour.Bandjoin(alpha);
        using var pixels = withAlpha.Cast(Enums.BandFormat.Uchar);
        using var rgba = pixels.Copy(interpretation: Enums.Interpretation.Srgb);
        return rgba.PngsaveBuffer();
    }

    /// <summary>
    /// A short test-pattern video made by ffmpeg. By default H.264/yuv420p + AAC in MP4 with a GPS location and
    /// a creation time in its metadata, as phones write them.
    /// </summary>
    public static async Task<byte[]> VideoAsync(double seconds = 2, string size = "320x240", string[]? videoCodec = null, bool audio = true, bool picture = true, int rotate = 0)
    {
        using var output = new TempFile();
        List<string> args = ["-nostdin", "-v", "error", "-y"];
        if (picture)
            args.AddRange(["-f", "lavfi", "-i", $"testsrc=duration={Seconds(seconds)}:size={size}:rate=25"]);
        if (audio)
            args.AddRange(["-f", "lavfi", "-i", $"sine=frequency=440:duration={Seconds(seconds)}"]);
        if (picture)
            args.AddRange(videoCodec ?? ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        if (audio)
            args.AddRange(["-c:a", "aac"]);
        args.AddRange(["-metadata", "location=+21.5942+105.8482/", "-metadata", "creation_time=2024-05-01T08:30:00Z"]);
        if (picture)
            args.AddRange(["-metadata:s:v:0", "creation_time=2024-05-01T08:30:00Z"]);
        args.AddRange(["-shortest", "-f", "mp4", output.Path]);
        await RunAsync("ffmpeg", args);
        if (rotate == 0)
            return await File.ReadAllBytesAsync(output.Path);

        // ffmpeg applies a rotation tag as the display matrix phones write only when copying streams.
        using var rotated = new TempFile();
        await RunAsync("ffmpeg", ["-nostdin", "-v", "error", "-y", "-i", output.Path, "-map", "0", "-c", "copy",
            "-metadata:s:v:0", $"rotate={rotate}", "-f", "mp4", rotated.Path]);
        return await File.ReadAllBytesAsync(rotated.Path);
    }

    /// <summary>Runs ffprobe on a file and returns its JSON.</summary>
    public static Task<string> ProbeAsync(string path) =>
        RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]);

    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
        return await output;
    }

    /// <summary>
    /// A PDF of <paramref name="pages"/> A4 pages, each with a heading and a filled box, whose document
    /// information names an author (<paramref name="author"/>): what a blind judge must not see.
    /// Written without object streams, so its page objects can be counted without poppler.
    /// </summary>
    public static byte[] Pdf(int pages, string author = "Nguyen Van Tac Gia")
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(p => $"{4 + 2 * p} 0 R"))}] /Count {pages} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        for (var p = 0; p < pages; p++)
        {
            var content = $"0.2 0.4 0.8 rg 72 500 450 200 re f BT /F1 28 Tf 72 760 Td (Trang {p + 1}) Tj ET";
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * p} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }
        objects.Add($"<< /Author ({author}) /Title (Thuyet minh cong trinh) /Producer (Tu viet) >>");
        var info = objects.Count;

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Seconds(double seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    public static bool StartsWith(byte[] data, params byte[] prefix) => data.AsSpan().StartsWith(prefix);

    public static bool IsJpeg(byte[] data) => StartsWith(data, 0xFF, 0xD8, 0xFF);

    public static bool IsWebp(byte[] data) =>
        data.Length > 12 && StartsWith(data, "RIFF"u8.ToArray()) && data.AsSpan(8, 4).SequenceEqual("WEBP"u8);

    public static bool Contains(byte[] data, string text) => data.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;
}
