using NetVips;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>Sizes and qualities of the photo derivatives.</summary>
public sealed record PhotoSettings
{
    /// <summary>Longest edge of the display image, in pixels.</summary>
    public int DisplaySize { get; init; } = 1600;

    /// <summary>Longest edge of the thumbnail, in pixels.</summary>
    public int ThumbSize { get; init; } = 400;

    /// <summary>Images with more pixels are refused from their header, before any decoding.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    public int WebpQuality { get; init; } = 80;
    /// <summary>
    /// libwebp's effort (0–6). 2 instead of the default 4 cuts the CPU per 24-megapixel photo by about a
    /// third (tests/perf/media: 603 → 436 ms) for files a few percent larger at the same quality.
    /// </summary>
    public int WebpEffort { get; init; } = 2;
    public int JpegQuality { get; init; } = 82;
}

/// <summary>The upright size of the display image and the files written.</summary>
public sealed record PhotoResult(int Width, int Height, IReadOnlyList<DerivedFile> Files);

/// <summary>A derivative written to local disk, waiting to be stored under <see cref="DerivedKeys.For"/>.</summary>
public sealed record DerivedFile(string Name, string ContentType, string LocalPath);

/// <summary>
/// Turns a photo into its web derivatives with libvips (NetVips): upright (EXIF orientation applied),
/// converted to sRGB, stripped of every metadata block (EXIF, GPS, XMP, IPTC and the ICC profile); a display
/// image (≤ 1600 px on the long edge) and a thumbnail (≤ 400 px), each as WebP and as a JPEG fallback.
/// </summary>
/// <remarks>
/// Used by the worker and, without a database, by the benchmark in <c>tests/perf/media</c>. Thread-safe.
/// Why NetVips: on 24-megapixel JPEGs it shrinks while decoding and streams, so it is fast and lean
/// (see <c>tests/perf/media</c> for the figures against ImageMagick).
/// </remarks>
public sealed class PhotoProcessor(PhotoSettings settings)
{
    public const string DisplayWebp = "display.webp";
    public const string DisplayJpeg = "display.jpg";
    public const string ThumbWebp = "thumb.webp";
    public const string ThumbJpeg = "thumb.jpg";

    /// <summary>Loaders for formats the site accepts; anything else libvips could open (SVG, PDF, FITS …) is refused.</summary>
    private static readonly string[] AllowedLoaders = ["jpegload", "pngload", "webpload", "gifload", "heifload"];

    private static readonly double[] White = [255, 255, 255];

    static PhotoProcessor()
    {
        // Every photo is seen once, so libvips' operation cache would only hold on to memory; and loaders
        // libvips marks as unsafe for untrusted input stay off whatever the file claims to be.
        Cache.Max = 0;
        NetVips.NetVips.BlockUntrusted = true;
    }

    public PhotoSettings Settings { get; } = settings;

    /// <summary>Writes the four derivatives of the image at <paramref name="inputPath"/> into <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="MediaRejectedException">The image is too large, damaged or of an unsupported type (Vietnamese message).</exception>
    public PhotoResult Process(string inputPath, string outputDirectory)
    {
        var colourManaged = CheckHeader(inputPath);
        Directory.CreateDirectory(outputDirectory);
        try
        {
            using var display = LoadDisplay(inputPath, colourManaged);
            using var thumbnail = display.ThumbnailImage(Settings.ThumbSize, height: Settings.ThumbSize, size: Enums.Size.Down, noRotate: true);
            using var thumb = thumbnail.CopyMemory();
            // Both images are in memory and immutable: the four encoders (each single-threaded in libwebp and
            // libjpeg) run side by side, which more than halves the wall time on a multi-core machine.
            var files = new DerivedFile[4];
            Parallel.Invoke(
                () => files[0] = SaveWebp(display, outputDirectory, DisplayWebp),
                () => files[1] = SaveJpeg(display, outputDirectory, DisplayJpeg),
                () => files[2] = SaveWebp(thumb, outputDirectory, ThumbWebp),
                () => files[3] = SaveJpeg(thumb, outputDirectory, ThumbJpeg));
            return new PhotoResult(display.Width, display.Height, files);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is VipsException))
        {
            throw new MediaRejectedException(MediaMessages.ImageUnreadable, ex.InnerExceptions[0]);
        }
        catch (VipsException ex)
        {
            throw new MediaRejectedException(MediaMessages.ImageUnreadable, ex);
        }
    }

    /// <summary>Reads only the header: refuses unknown formats, HEVC-coded HEIC and images over the pixel limit.</summary>
    /// <returns>Whether the image needs colour management (an embedded ICC profile, or CMYK).</returns>
    private bool CheckHeader(string inputPath)
    {
        Image header;
        try
        {
            header = Image.NewFromFile(inputPath, access: Enums.Access.Sequential);
        }
        catch (VipsException ex)
        {
            throw new MediaRejectedException(MediaMessages.ImageUnreadable, ex);
        }

        using (header)
        {
            var loader = header.Contains("vips-loader") ? (string)header.Get("vips-loader") : "";
            if (!AllowedLoaders.Any(l => loader.StartsWith(l, StringComparison.Ordinal)))
                throw new MediaRejectedException(MediaMessages.ImageUnsupported);
            // The native libvips build has no HEVC decoder: only AVIF opens through heifload.
            if (loader.StartsWith("heifload", StringComparison.Ordinal)
                && header.Contains("heif-compression") && (string)header.Get("heif-compression") != "av1")
                throw new MediaRejectedException(MediaMessages.HeicUnsupported);
            if ((long)header.Width * header.Height > Settings.MaxPixels)
                throw new MediaRejectedException(MediaMessages.ImageTooLarge(header.Width, header.Height, Settings.MaxPixels));
            return header.Contains("icc-profile-data") || header.Interpretation == Enums.Interpretation.Cmyk;
        }
    }

    /// <summary>Shrinks while decoding, turns upright, converts to 8-bit sRGB, and keeps the result in memory.</summary>
    /// <remarks>
    /// The ICC profile is dropped with the rest of the metadata, so a photo with one (a phone's Display P3, a
    /// CMYK scan) is first converted to sRGB, which browsers assume for untagged images. Photos without a
    /// profile are sRGB already; asking for the conversion anyway would cost more than the whole decode.
    /// </remarks>
    private Image LoadDisplay(string inputPath, bool colourManaged)
    {
        using var thumbnail = Image.Thumbnail(
            inputPath, Settings.DisplaySize, height: Settings.DisplaySize, size: Enums.Size.Down,
            outputProfile: colourManaged ? "srgb" : null, failOn: Enums.FailOn.Error);
        using var srgb = thumbnail.Interpretation == Enums.Interpretation.Srgb && thumbnail.Format == Enums.BandFormat.Uchar
            ? null
            : thumbnail.Colourspace(Enums.Interpretation.Srgb);
        // One decode, two encodings: without the memory copy a rotated JPEG fails with "out of order read".
        return (srgb ?? thumbnail).CopyMemory();
    }

    private DerivedFile SaveWebp(Image image, string directory, string name)
    {
        var path = Path.Combine(directory, name);
        image.Webpsave(path, q: Settings.WebpQuality, effort: Settings.WebpEffort, keep: Enums.ForeignKeep.None);
        return new DerivedFile(name, "image/webp", path);
    }

    private DerivedFile SaveJpeg(Image image, string directory, string name)
    {
        var path = Path.Combine(directory, name);
        using (var flat = image.HasAlpha() ? image.Flatten(background: White) : null)
            (flat ?? image).Jpegsave(path, q: Settings.JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
        return new DerivedFile(name, "image/jpeg", path);
    }
}
