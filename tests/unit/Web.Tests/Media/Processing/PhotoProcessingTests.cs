using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Processing;
using NetVips;

namespace ContestPlatform.Web.Tests.Media.Processing;

public class PhotoProcessingTests
{
    [Fact]
    public async Task A_sideways_photo_with_GPS_becomes_upright_derivatives_without_any_metadata()
    {
        using var site = new MediaTestSite();
        var original = MediaSamples.SidewaysJpegWithGps(storedWidth: 2400, storedHeight: 1800);
        using (var source = Image.NewFromBuffer(original))
        {
            // The sample really carries what must disappear.
            Assert.Contains("exif-ifd3-GPSLatitude", source.GetFields());
            Assert.Contains("xmp-data", source.GetFields());
            Assert.True(MediaSamples.Contains(original, MediaSamples.CameraMake));
        }
        var id = await site.AddMediaAsync(original, "image/jpeg", MediaKind.Photo);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Ready, file.State);
        Assert.Equal("", file.Error);
        // Stored 2400×1800 turned a quarter: 1800×2400 upright, fitted into 1600 px on the long edge.
        Assert.Equal((1200, 1600), (file.Width, file.Height));

        var derivatives = new (string? Key, string Name, bool Webp, int LongEdge)[]
        {
            (file.DisplayKey, "display.webp", true, 1600),
            (file.DisplayJpegKey, "display.jpg", false, 1600),
            (file.ThumbKey, "thumb.webp", true, 400),
            (file.ThumbJpegKey, "thumb.jpg", false, 400),
        };
        foreach (var (key, name, webp, longEdge) in derivatives)
        {
            Assert.Equal($"media/derived/{file.Sha256}/{name}", key);
            var bytes = await site.BlobAsync(key);
            Assert.True(webp ? MediaSamples.IsWebp(bytes) : MediaSamples.IsJpeg(bytes), $"{name} has the wrong magic bytes.");
            foreach (var secret in new[] { "GPS", "Exif", MediaSamples.CameraMake, MediaSamples.XmpMarker, "xmpmeta" })
                Assert.False(MediaSamples.Contains(bytes, secret), $"{name} still contains \"{secret}\".");

            using var image = Image.NewFromBuffer(bytes);
            var fields = image.GetFields();
            foreach (var metadata in new[] { "exif-data", "xmp-data", "iptc-data", "icc-profile-data", "orientation" })
                Assert.DoesNotContain(metadata, fields);
            Assert.DoesNotContain(fields, f => f.Contains("GPS", StringComparison.OrdinalIgnoreCase) || f.StartsWith("exif-", StringComparison.Ordinal));

            // Upright and portrait, exactly fitted on the long edge.
            Assert.True(image.Height > image.Width, $"{name} is {image.Width}×{image.Height}, not portrait.");
            Assert.Equal(longEdge, Math.Max(image.Width, image.Height));
            Assert.Equal(longEdge * 3 / 4, image.Width);

            // The red band along the stored top edge now runs down the right edge.
            var right = image.Getpoint(image.Width - 2, image.Height / 2);
            var left = image.Getpoint(1, image.Height / 2);
            Assert.True(right[0] > 180 && right[2] < 80, $"{name}: right edge is not red ({string.Join(",", right)}).");
            Assert.True(left[0] < 80 && left[2] > 150, $"{name}: left edge is not blue ({string.Join(",", left)}).");
        }
    }

    [Fact]
    public async Task A_photo_in_a_wide_gamut_profile_is_converted_to_sRGB_before_its_profile_is_dropped()
    {
        using var site = new MediaTestSite();
        double[] orange = [230, 120, 30];
        var original = MediaSamples.DisplayP3Jpeg(orange);
        using (var source = Image.NewFromBuffer(original))
        {
            Assert.Contains("icc-profile-data", source.GetFields());
            // Read without its profile, the stored pixels are visibly off.
            Assert.True(Math.Abs(source.Getpoint(10, 10)[0] - orange[0]) > 8);
        }
        var id = await site.AddMediaAsync(original, "image/jpeg", MediaKind.Photo);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        foreach (var key in new[] { file.DisplayKey, file.DisplayJpegKey, file.ThumbKey, file.ThumbJpegKey })
        {
            using var image = Image.NewFromBuffer(await site.BlobAsync(key));
            Assert.DoesNotContain("icc-profile-data", image.GetFields());
            var pixel = image.Getpoint(10, 10);
            for (var band = 0; band < 3; band++)
                Assert.InRange(pixel[band], orange[band] - 5, orange[band] + 5);
        }
    }

    [Fact]
    public async Task A_small_photo_is_not_enlarged()
    {
        using var site = new MediaTestSite();
        var id = await site.AddMediaAsync(MediaSamples.Jpeg(640, 480), "image/jpeg", MediaKind.Photo);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal((640, 480), (file.Width, file.Height));
        using var thumb = Image.NewFromBuffer(await site.BlobAsync(file.ThumbJpegKey));
        Assert.Equal((400, 300), (thumb.Width, thumb.Height));
    }

    [Fact]
    public async Task A_transparent_PNG_gets_a_white_background_in_its_JPEG_and_keeps_transparency_in_WebP()
    {
        using var site = new MediaTestSite();
        var id = await site.AddMediaAsync(MediaSamples.HalfTransparentPng(), "image/png", MediaKind.Photo);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Ready, file.State);
        using var jpeg = Image.NewFromBuffer(await site.BlobAsync(file.DisplayJpegKey));
        Assert.Equal(new[] { 255.0, 255.0, 255.0 }, jpeg.Getpoint(5, 5).Select(v => Math.Round(v)).ToArray());
        using var webp = Image.NewFromBuffer(await site.BlobAsync(file.DisplayKey));
        Assert.True(webp.HasAlpha());
    }

    [Fact]
    public async Task A_photo_over_the_pixel_limit_fails_from_its_header_with_a_vietnamese_reason()
    {
        using var site = new MediaTestSite(settings: ("Uploads:PhotoMaxPixels", "1000000"));
        var id = await site.AddMediaAsync(MediaSamples.Jpeg(1250, 1000), "image/jpeg", MediaKind.Photo);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Failed, file.State);
        Assert.StartsWith("Ảnh quá lớn: 1250×1000 điểm ảnh", file.Error);
        Assert.Null(file.DisplayKey);
        var job = await site.JobAsync(id);
        Assert.Equal(MediaState.Failed, job.State);
        Assert.Equal(file.Error, job.Error);
        Assert.DoesNotContain(site.Store.Writes, k => k.StartsWith(DerivedKeys.Root, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_truncated_JPEG_fails_with_a_vietnamese_reason()
    {
        using var site = new MediaTestSite();
        var whole = MediaSamples.Jpeg(800, 600);
        var id = await site.AddMediaAsync(whole[..(whole.Length / 2)], "image/jpeg", MediaKind.Photo);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Failed, file.State);
        Assert.Equal(MediaMessages.ImageUnreadable, file.Error);
    }

    [Fact]
    public async Task An_SVG_posing_as_a_photo_is_refused_without_being_rendered()
    {
        using var site = new MediaTestSite();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray();
        var id = await site.AddMediaAsync(svg, "image/jpeg", MediaKind.Photo);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Failed, file.State);
        // libvips' SVG loader is blocked as unsafe for untrusted input, so the file reads as no image at all.
        Assert.Contains(file.Error, new[] { MediaMessages.ImageUnsupported, MediaMessages.ImageUnreadable });
        Assert.DoesNotContain(site.Store.Writes, k => k.StartsWith(DerivedKeys.Root, StringComparison.Ordinal));
    }
}
