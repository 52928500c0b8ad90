using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>Small real files and the bad inputs an upload must refuse, made in memory.</summary>
internal static class SampleFiles
{
    /// <summary>A real JPEG; <paramref name="shade"/> makes its bytes differ from other samples.</summary>
    public static byte[] Jpeg(int width = 320, int height = 240, int? shade = null)
    {
        using var image = Solid(width, height, shade);
        return image.JpegsaveBuffer(q: 85);
    }

    public static byte[] Png(int width = 200, int height = 150, int? shade = null)
    {
        using var image = Solid(width, height, shade);
        return image.PngsaveBuffer();
    }

    public static byte[] WebP(int width = 200, int height = 150, int? shade = null)
    {
        using var image = Solid(width, height, shade);
        return image.WebpsaveBuffer();
    }

    // A tinted noise picture: compresses like a real photo (a flat colour would make a tiny file), and
    // every call gives different bytes unless a shade is asked for twice.
    private static Image Solid(int width, int height, int? shade)
    {
        var s = shade ?? Random.Shared.Next(0, 200);
        using var noise = Image.Gaussnoise(width, height, mean: 0, sigma: 30, seed: s);
        using var tinted = noise.Bandjoin(noise, noise).Linear([1, 0.8, 0.6], [s, (s * 7 + 50) % 255, (s * 13 + 100) % 255]);
        return tinted.Cast(Enums.BandFormat.Uchar);
    }

    /// <summary>A two-second 320×240 MP4 from ffmpeg's test source (made once per test run).</summary>
    public static byte[] Mp4() => Mp4Once.Value;

    private static readonly Lazy<byte[]> Mp4Once = new(() =>
        Ffmpeg("-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=10", "-pix_fmt", "yuv420p"));

    /// <summary>An MP4 with sound only: a video container without a picture.</summary>
    public static byte[] AudioOnlyMp4() => AudioOnce.Value;

    private static readonly Lazy<byte[]> AudioOnce = new(() =>
        Ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac"));

    /// <summary>The MP4 ffmpeg writes with <paramref name="arguments"/> (inputs and codecs; the output is added).</summary>
    public static byte[] Ffmpeg(params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cp-upload-sample-{Guid.NewGuid():N}.mp4");
        try
        {
            Run("ffmpeg", ["-v", "error", .. arguments, "-y", path]);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A minimal valid one-page PDF with a correct cross-reference table.</summary>
    public static byte[] Pdf(string? note = null)
    {
        var text = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            $"<< /Title ({note ?? Guid.NewGuid().ToString("N")}) >>",
        ];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(text.ToString()));
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(text.ToString());
        text.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            text.Append($"{offset:D10} 00000 n \n");
        text.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    public static byte[] HtmlPage() =>
        Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html><head><title>Ảnh</title></head><body><script>alert({Random.Shared.Next()})</script></body></html>\n");

    public static byte[] Svg() =>
        Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert({Random.Shared.Next()})\"><rect width=\"10\" height=\"10\"/></svg>\n");

    /// <summary>The start of a Windows program ("MZ" header, DOS stub).</summary>
    public static byte[] WindowsExecutable()
    {
        var bytes = new byte[4096];
        Random.Shared.NextBytes(bytes);
        "MZ"u8.CopyTo(bytes);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        return bytes;
    }

    public static byte[] LinuxExecutable()
    {
        var bytes = new byte[2048];
        Random.Shared.NextBytes(bytes);
        new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1 }.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("thuyet-minh.docx").Open();
            entry.Write(Encoding.UTF8.GetBytes("Nội dung " + Guid.NewGuid()));
        }
        return buffer.ToArray();
    }

    /// <summary>The first half of a real JPEG: what a dropped upload or a damaged card leaves.</summary>
    public static byte[] TruncatedJpeg()
    {
        var whole = Jpeg(640, 480);
        return whole[..(whole.Length / 2)];
    }

    /// <summary>
    /// A valid 30000×30000 PNG (900 megapixels, about 110 MB of pixel data when decoded) squeezed into about
    /// 110 KB of zlib-compressed zero rows: a decompression bomb. Made once per test run.
    /// </summary>
    public static byte[] PngBomb() => BombOnce.Value;

    private static readonly Lazy<byte[]> BombOnce = new(() =>
    {
        const int side = 30_000;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 1; // bit depth 1, grey
        WriteChunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (side + 7) / 8];
            for (var y = 0; y < side; y++)
                zlib.Write(row);
        }
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    });

    /// <summary>A real JPEG with a web page hidden in a comment segment: valid as an image, dangerous as HTML.</summary>
    public static byte[] JpegHtmlPolyglot() =>
        JpegWithComment("<html><body><SCRIPT>alert(document.cookie)</SCRIPT></body></html>");

    /// <summary>A valid JPEG carrying <paramref name="text"/> in a comment segment (COM), as polyglots do.</summary>
    public static byte[] JpegWithComment(string text)
    {
        var jpeg = Jpeg(160, 120);
        var html = Encoding.ASCII.GetBytes(text);
        var comment = new byte[4 + html.Length];
        comment[0] = 0xFF;
        comment[1] = 0xFE;
        BinaryPrimitives.WriteUInt16BigEndian(comment.AsSpan(2), (ushort)(html.Length + 2));
        html.CopyTo(comment, 4);
        return [.. jpeg[..2], .. comment, .. jpeg[2..]];
    }

    /// <summary>The start of an iPhone HEIC photo (ISO BMFF with brand "heic").</summary>
    public static byte[] HeicHeader()
    {
        var bytes = new byte[1024];
        Random.Shared.NextBytes(bytes);
        byte[] ftyp = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8];
        ftyp.CopyTo(bytes, 0);
        return bytes;
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed: {errors}");
    }
}
