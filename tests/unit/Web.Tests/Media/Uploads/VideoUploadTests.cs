using System.Net;
using ContestPlatform.Web.Media.Processing;
using ContestPlatform.Web.Media.Uploads;
using static ContestPlatform.Web.Tests.Media.Uploads.UploadSteps;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>
/// Videos are checked with ffprobe at upload: too long is refused there, and without ffprobe (missing, or
/// turned off) video upload is off with the reason said, instead of storing videos that fail later.
/// </summary>
public sealed class VideoUploadTests
{
    /// <summary>A black 64×64 video at one frame per second: ten minutes and one second in about 20 KB.</summary>
    private static readonly Lazy<byte[]> TenMinutesAndOneSecond = new(() =>
        SampleFiles.Ffmpeg("-f", "lavfi", "-i", "color=c=black:s=64x64:r=1", "-t", "601", "-pix_fmt", "yuv420p"));

    [Fact]
    public async Task A_video_over_ten_minutes_is_refused_at_upload_and_nothing_is_stored()
    {
        using var site = new UploadSite();
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var video = TenMinutesAndOneSecond.Value;

        var outcome = await UploadAsync(who, entryId, "Video", "phim-gioi-thieu.mp4", video);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, outcome.Status);
        Assert.Equal("Video dài 10 phút 1 giây, tối đa 10 phút. Vui lòng cắt ngắn video rồi gửi lại.", outcome.Error);
        await AssertNothingStoredAsync(site, entryId, video, outcome.SessionId);
    }

    [Fact]
    public async Task Without_ffprobe_video_upload_is_off_and_the_page_says_why()
    {
        using var site = new UploadSite();
        site.Settings["Media:FfprobePath"] = "/khong-co/ffprobe";
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);

        var start = await StartAsync(who, entryId, "Video", "gioi-thieu.mp4", SampleFiles.Mp4().Length);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, start.StatusCode);
        var expected = UploadMessages.VideoOff(UploadMessages.VideoCheckMissing);
        Assert.Equal(expected, await ErrorAsync(start));
        Assert.Contains("Tải video lên đang tạm tắt vì máy chủ chưa có công cụ kiểm tra video (ffprobe)", expected);
        var area = (await who.Browser.GetPageAsync($"/thi-sinh/cong-trinh/{entryId}")).QuerySelector(".uploader-area[data-kind=Video]")!;
        Assert.Equal(expected, area.QuerySelector(".uploader-off")!.TextContent.Trim());
        Assert.Null(area.QuerySelector("input[type=file]"));
        // Photos are not affected.
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(who, entryId, "Photo", "anh.jpg", SampleFiles.Jpeg(90, 60))).Status);
    }

    [Fact]
    public async Task With_video_checks_turned_off_video_upload_is_off_too()
    {
        using var site = new UploadSite();
        site.Settings["Uploads:ProbeVideos"] = "false";
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);

        var start = await StartAsync(who, entryId, "Video", "gioi-thieu.mp4", 1000);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, start.StatusCode);
        Assert.Equal(UploadMessages.VideoOff(UploadMessages.VideoCheckDisabled), await ErrorAsync(start));
    }

    [Fact]
    public async Task A_video_whose_check_disappeared_during_the_upload_is_refused_at_completion()
    {
        var tools = Directory.CreateTempSubdirectory("cp-ffprobe-");
        try
        {
            var ffprobe = Path.Combine(tools.FullName, "ffprobe");
            File.CreateSymbolicLink(ffprobe, ExternalTool.Locate("ffprobe")!);
            using var site = new UploadSite();
            site.Settings["Media:FfprobePath"] = ffprobe;
            var who = await EntrantAsync(site);
            var entryId = await EntryAsync(site, who);
            var mp4 = SampleFiles.Mp4();
            var id = (await JsonAsync(await StartAsync(who, entryId, "Video", "gioi-thieu.mp4", mp4.Length))).GetProperty("id").GetString()!;
            for (var offset = 0; offset < mp4.Length; offset += UploadSite.ChunkBytes)
                await PutAsync(who, id, offset, mp4.AsMemory(offset, Math.Min(UploadSite.ChunkBytes, mp4.Length - offset)));

            File.Delete(ffprobe);
            var done = await CompleteAsync(who, id);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, done.StatusCode);
            Assert.Equal(UploadMessages.VideoOff(UploadMessages.VideoCheckMissing), await ErrorAsync(done));
            await AssertNothingStoredAsync(site, entryId, mp4, id);
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }
}
