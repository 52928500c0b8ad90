using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using NetVips;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>
/// The files an entrant picks on their phone, made on the spot (nothing binary is committed): photos with
/// NetVips, a video with ffmpeg, a PDF written by hand. Each is a <see cref="FilePayload"/> for
/// <c>SetInputFilesAsync</c>.
/// </summary>
public static class SampleMedia
{
    /// <summary>Where the sideways photo was taken (Thái Nguyên): must not reach any served derivative.</summary>
    public const string GpsLatitude = "21/1 35/1 3912/100";

    /// <summary>
    /// A photo as a phone held sideways writes it: pixels stored 1200×900 with EXIF Orientation 6 (turn 90°
    /// clockwise to view) and a GPS position. The stored image is blue with a red band along its top edge and
    /// a green band down its left edge, so upright (900×1200) the green band runs along the top and the red
    /// band down the right.
    /// </summary>
    public static FilePayload SidewaysPhotoWithGps(string name)
    {
        const int width = 1200, height = 900;
        using var background = Image.Black(width, height, bands: 3).Linear([0.0, 0.0, 0.0], [40.0, 110.0, 200.0]);
        using var red = Image.Black(width, height / 8, bands: 3).Linear([0.0, 0.0, 0.0], [220.0, 30.0, 30.0]);
        using var green = Image.Black(width / 8, height, bands: 3).Linear([0.0, 0.0, 0.0], [30.0, 170.0, 60.0]);
        using var withRed = background.Insert(red, 0, 0);
        using var composed = withRed.Insert(green, 0, 0);
        using var pixels = composed.Cast(Enums.BandFormat.Uchar);
        using var tagged = pixels.Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, "exif-ifd0-Orientation", "6");
            m.Set(GValue.GStrType, "exif-ifd0-Make", "DienThoaiThuNghiem");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", GpsLatitude);
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "105/1 50/1 5000/100");
        });
        return new FilePayload { Name = name, MimeType = "image/jpeg", Buffer = tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.All) };
    }

    /// <summary>An ordinary landscape photo, 1024×768: a green field under a yellow sky.</summary>
    public static FilePayload LandscapePhoto(string name)
    {
        const int width = 1024, height = 768;
        using var field = Image.Black(width, height, bands: 3).Linear([0.0, 0.0, 0.0], [70.0, 150.0, 50.0]);
        using var sky = Image.Black(width, height / 3, bands: 3).Linear([0.0, 0.0, 0.0], [240.0, 200.0, 80.0]);
        using var composed = field.Insert(sky, 0, 0);
        using var pixels = composed.Cast(Enums.BandFormat.Uchar);
        return new FilePayload { Name = name, MimeType = "image/jpeg", Buffer = pixels.JpegsaveBuffer(q: 85) };
    }

    /// <summary>
    /// A 4-second 320×240 H.264/AAC test pattern in MP4 (about 400 KB: several upload chunks), with a GPS
    /// location in its metadata as phones write it.
    /// </summary>
    public static async Task<FilePayload> VideoAsync(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cp-e2e-{Guid.NewGuid():N}.mp4");
        try
        {
            await RunAsync("ffmpeg",
            [
                "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=duration=4:size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-metadata", "location=+21.5942+105.8482/", "-shortest", "-f", "mp4", path,
            ]);
            return new FilePayload { Name = name, MimeType = "video/mp4", Buffer = await File.ReadAllBytesAsync(path) };
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A two-page A4 PDF (the thuyết minh), written by hand: no PDF writer is installed here.</summary>
    public static FilePayload Pdf(string name)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        for (var page = 1; page <= 2; page++)
        {
            var content = $"0.16 0.43 0.78 rg 72 480 450 220 re f BT /F1 26 Tf 72 760 Td (Thuyet minh - trang {page}) Tj ET";
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {objects.Count + 2} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }

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
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes(pdf.ToString()) };
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{program} did not start: install it with `apt-get install -y ffmpeg`.");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed: {await error}");
    }
}

/// <summary>What a served image really is: its size, its colours at a few places, and what metadata it carries.</summary>
public sealed class ServedImage
{
    private readonly byte[] _bytes;

    public ServedImage(byte[] bytes)
    {
        _bytes = bytes;
        using var image = Image.NewFromBuffer(bytes);
        Width = image.Width;
        Height = image.Height;
        Fields = image.GetFields();
    }

    public int Width { get; }
    public int Height { get; }
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Whether an EXIF, XMP or IPTC block survived, or the text "GPS" or an Exif header is anywhere in the bytes.</summary>
    public bool HasMetadata =>
        Fields.Any(f => f.StartsWith("exif", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data")
        || _bytes.AsSpan().IndexOf("GPS"u8) >= 0
        || _bytes.AsSpan().IndexOf("Exif\0"u8) >= 0;

    /// <summary>The dominant channel ("red", "green" or "blue") of the pixel at fractions (0..1) of the width and height.</summary>
    public string Hue(double x, double y)
    {
        using var image = Image.NewFromBuffer(_bytes);
        var rgb = image.Getpoint((int)(x * (image.Width - 1)), (int)(y * (image.Height - 1)));
        return rgb[0] >= rgb[1] && rgb[0] >= rgb[2] ? "red" : rgb[1] >= rgb[2] ? "green" : "blue";
    }
}
