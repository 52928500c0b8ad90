using System.Text.Json;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Processing;
using NetVips;

namespace ContestPlatform.Web.Tests.Media.Processing;

public class VideoProcessingTests
{
    [Fact]
    public async Task A_phone_video_gets_its_facts_a_poster_and_a_playback_copy_without_location_or_dates()
    {
        using var site = new MediaTestSite();
        var original = await MediaSamples.VideoAsync(seconds: 2);
        var id = await site.AddMediaAsync(original, "video/mp4", MediaKind.Video);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Ready, file.State);
        Assert.Equal("h264", file.Codec);
        Assert.Equal((320, 240), (file.Width, file.Height));
        Assert.InRange(file.DurationSeconds!.Value, 1.9, 2.2);
        Assert.Equal($"media/derived/{file.Sha256}/poster.jpg", file.PosterKey);
        Assert.Equal($"media/derived/{file.Sha256}/play.mp4", file.PlaybackKey);

        var poster = await site.BlobAsync(file.PosterKey);
        Assert.True(MediaSamples.IsJpeg(poster));
        using (var image = Image.NewFromBuffer(poster))
            Assert.Equal((320, 240), (image.Width, image.Height));

        using var playback = await site.BlobFileAsync(file.PlaybackKey);
        using var probe = JsonDocument.Parse(await MediaSamples.ProbeAsync(playback.Path));
        var tags = AllTags(probe.RootElement);
        Assert.DoesNotContain(tags, t => t.StartsWith("location", StringComparison.OrdinalIgnoreCase) || t.Contains("creation_time") || t.Contains("ISO6709"));
        var streams = probe.RootElement.GetProperty("streams").EnumerateArray().ToList();
        Assert.Equal(["h264", "aac"], streams.Select(s => s.GetProperty("codec_name").GetString()));
        // Already web-playable: the picture was copied, x264's settings note of the original (crf 23) and all,
        // not re-encoded (crf 26).
        var bytes = await File.ReadAllBytesAsync(playback.Path);
        Assert.True(MediaSamples.Contains(bytes, "crf=23.0"));
        Assert.False(MediaSamples.Contains(bytes, "crf=26.0"));
    }

    [Fact]
    public async Task A_video_in_another_codec_recorded_sideways_is_transcoded_to_upright_H264()
    {
        using var site = new MediaTestSite();
        var original = await MediaSamples.VideoAsync(seconds: 1, size: "320x240", videoCodec: ["-c:v", "mpeg4"], rotate: 90);
        var id = await site.AddMediaAsync(original, "video/mp4", MediaKind.Video);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Ready, file.State);
        Assert.Equal("mpeg4", file.Codec);
        Assert.Equal((240, 320), (file.Width, file.Height));

        using var playback = await site.BlobFileAsync(file.PlaybackKey);
        using var probe = JsonDocument.Parse(await MediaSamples.ProbeAsync(playback.Path));
        var video = probe.RootElement.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal("yuv420p", video.GetProperty("pix_fmt").GetString());
        Assert.Equal((240, 320), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        Assert.DoesNotContain(AllTags(probe.RootElement), t => t.StartsWith("location", StringComparison.OrdinalIgnoreCase) || t.Contains("creation_time"));

        using var poster = Image.NewFromBuffer(await site.BlobAsync(file.PosterKey));
        Assert.Equal((240, 320), (poster.Width, poster.Height));
    }

    [Fact]
    public async Task A_video_longer_than_the_limit_fails_with_a_vietnamese_reason()
    {
        using var site = new MediaTestSite(settings: ("Uploads:VideoMaxSeconds", "1"));
        var id = await site.AddMediaAsync(await MediaSamples.VideoAsync(seconds: 2), "video/mp4", MediaKind.Video);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Failed, file.State);
        Assert.Equal("Video dài 2 giây, vượt giới hạn 1 giây. Vui lòng cắt ngắn video rồi tải lên lại.", file.Error);
        Assert.Null(file.PlaybackKey);
        Assert.Equal(MediaState.Failed, (await site.JobAsync(id)).State);
    }

    [Fact]
    public async Task A_file_with_sound_but_no_picture_fails_with_a_vietnamese_reason()
    {
        using var site = new MediaTestSite();
        var id = await site.AddMediaAsync(await MediaSamples.VideoAsync(seconds: 1, picture: false), "video/mp4", MediaKind.Video);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Failed, file.State);
        Assert.Equal(MediaMessages.VideoNoPicture, file.Error);
    }

    [Fact]
    public async Task Without_ffmpeg_a_video_waits_with_a_reason_and_is_processed_once_ffmpeg_appears()
    {
        var tools = Directory.CreateTempSubdirectory("cp-tools-");
        try
        {
            var ffmpeg = Path.Combine(tools.FullName, "ffmpeg");
            var ffprobe = Path.Combine(tools.FullName, "ffprobe");
            using var site = new MediaTestSite(settings: [("Media:FfmpegPath", ffmpeg), ("Media:FfprobePath", ffprobe)]);
            var id = await site.AddMediaAsync(await MediaSamples.VideoAsync(seconds: 1), "video/mp4", MediaKind.Video);

            Assert.True(await site.Processor.ProcessNextAsync());

            var file = await site.FileAsync(id);
            var job = await site.JobAsync(id);
            Assert.Equal(MediaState.Pending, file.State);
            Assert.Equal("Máy chủ chưa có ffmpeg nên video đang chờ xử lý.", file.Error);
            Assert.Equal((MediaState.Pending, 0, file.Error), (job.State, job.Attempts, job.Error));
            Assert.False(await site.Processor.ProcessNextAsync());

            File.CreateSymbolicLink(ffmpeg, ExternalTool.Locate("ffmpeg")!);
            File.CreateSymbolicLink(ffprobe, ExternalTool.Locate("ffprobe")!);
            site.Time.Advance(TimeSpan.FromMinutes(1));

            Assert.True(await site.Processor.ProcessNextAsync());
            file = await site.FileAsync(id);
            Assert.Equal((MediaState.Ready, ""), (file.State, file.Error));
            Assert.Equal(1, (await site.JobAsync(id)).Attempts);
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }

    private static List<string> AllTags(JsonElement root)
    {
        var tags = new List<string>();
        void Collect(JsonElement element)
        {
            if (element.TryGetProperty("tags", out var t))
                tags.AddRange(t.EnumerateObject().Select(p => p.Name));
        }
        if (root.TryGetProperty("format", out var format))
            Collect(format);
        foreach (var stream in root.GetProperty("streams").EnumerateArray())
            Collect(stream);
        return tags;
    }
}
