using ContestPlatform.Web.Media.Processing;
using NetVips;

namespace ContestPlatform.Web.Sponsorship;

/// <summary>
/// Redraws an uploaded logo as a PNG the platform made itself: at most <see cref="MaxSize"/> px on its long
/// edge, upright, 8-bit sRGB with its transparency kept, and no metadata (EXIF, GPS, XMP, ICC). The upload's
/// own bytes are never served, so nothing hidden in them (a script, a location) reaches a visitor.
/// </summary>
public static class LogoProcessor
{
    public const int MaxSize = 400;

    /// <summary>Loaders for the formats a logo may be; libvips could open more (SVG, PDF…), which stay refused.</summary>
    private static readonly string[] AllowedLoaders = ["jpegload", "pngload", "webpload"];

    static LogoProcessor()
    {
        // As for entry photos: nothing is looked at twice, and loaders unsafe for untrusted input stay off.
        Cache.Max = 0;
        NetVips.NetVips.BlockUntrusted = true;
    }

    /// <summary>Writes the PNG of the image at <paramref name="inputPath"/> (already checked by the upload inspector) to <paramref name="outputPath"/>.</summary>
    /// <exception cref="MediaRejectedException">libvips cannot read it as a JPEG, PNG or WebP (Vietnamese message).</exception>
    public static (int Width, int Height) ToPng(string inputPath, string outputPath)
    {
        try
        {
            bool colourManaged;
            using (var header = Image.NewFromFile(inputPath, access: Enums.Access.Sequential))
            {
                var loader = header.Contains("vips-loader") ? (string)header.Get("vips-loader") : "";
                if (!AllowedLoaders.Any(l => loader.StartsWith(l, StringComparison.Ordinal)))
                    throw new MediaRejectedException(MediaMessages.ImageUnsupported);
                colourManaged = header.Contains("icc-profile-data") || header.Interpretation == Enums.Interpretation.Cmyk;
            }

            // Shrinks while decoding and applies the EXIF orientation; a profile'd or CMYK logo becomes sRGB
            // before the profile is dropped with the rest of the metadata.
            using var thumbnail = Image.Thumbnail(inputPath, MaxSize, height: MaxSize, size: Enums.Size.Down,
                outputProfile: colourManaged ? "srgb" : null, failOn: Enums.FailOn.Error);
            using var srgb = thumbnail.Interpretation == Enums.Interpretation.Srgb && thumbnail.Format == Enums.BandFormat.Uchar
                ? null
                : thumbnail.Colourspace(Enums.Interpretation.Srgb);
            var image = srgb ?? thumbnail;
            image.Pngsave(outputPath, compression: 9, keep: Enums.ForeignKeep.None);
            return (image.Width, image.Height);
        }
        catch (VipsException ex)
        {
            throw new MediaRejectedException(MediaMessages.ImageUnreadable, ex);
        }
    }
}
