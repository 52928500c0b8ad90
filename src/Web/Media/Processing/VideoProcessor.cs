using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>What ffprobe found and the files written.</summary>
/// <param name="Width">Displayed width (after the rotation a phone records).</param>
/// <param name="Height">Displayed height.</param>
/// <param name="Codec">The original's video codec as ffprobe names it (h264, hevc, vp9 …).</param>
/// <param name="Transcoded">Whether the picture was re-encoded (false: the original stream was copied).</param>
public sealed record VideoResult(int Width, int Height, double DurationSeconds, string Codec, bool Transcoded, IReadOnlyList<DerivedFile> Files);

/// <summary>
/// Checks a video with ffprobe (duration, picture stream, resolution), takes a poster frame, and writes a
/// web-playable MP4 without metadata (GPS location, creation time, device): stream-copied when the original
/// is already H.264/yuv420p, otherwise transcoded to H.264/AAC 720p. Every run of ffmpeg has a time limit.
/// </summary>
public sealed class VideoProcessor(IOptions<MediaOptions> options, MediaLimits limits, ILogger<VideoProcessor> logger)
{
    private const int MaxEdge = 8192;
    private const double DurationTolerance = 0.5;
    private int _missingLogged;

    /// <exception cref="MediaToolMissingException">ffmpeg or ffprobe is not installed.</exception>
    /// <exception cref="MediaRejectedException">The video is too long, has no picture or can't be read (Vietnamese message).</exception>
    public async Task<VideoResult> ProcessAsync(string inputPath, string outputDirectory, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (ffmpeg, ffprobe) = LocateTools(settings);
        Directory.CreateDirectory(outputDirectory);

        var probe = await ProbeAsync(ffprobe, inputPath, settings.ProbeTimeout, cancellationToken);
        if (probe.Duration > limits.VideoMaxSeconds + DurationTolerance)
            throw new MediaRejectedException(MediaMessages.VideoTooLong(probe.Duration, limits.VideoMaxSeconds));

        var poster = Path.Combine(outputDirectory, DerivedKeys.Poster);
        await PosterAsync(ffmpeg, inputPath, probe, poster, settings.PosterTimeout, cancellationToken);

        var playback = Path.Combine(outputDirectory, DerivedKeys.PlaybackVideo);
        var transcoded = await PlaybackAsync(ffmpeg, inputPath, probe, playback, settings.TranscodeTimeout, cancellationToken);

        var (width, height) = probe.QuarterTurn ? (probe.Height, probe.Width) : (probe.Width, probe.Height);
        return new VideoResult(width, height, Math.Round(probe.Duration, 3), probe.Codec, transcoded,
        [
            new DerivedFile(DerivedKeys.Poster, "image/jpeg", poster),
            new DerivedFile(DerivedKeys.PlaybackVideo, "video/mp4", playback),
        ]);
    }

    private (string Ffmpeg, string Ffprobe) LocateTools(MediaOptions settings)
    {
        var ffmpeg = ExternalTool.Locate(settings.FfmpegPath);
        var ffprobe = ExternalTool.Locate(settings.FfprobePath);
        if (ffmpeg is null || ffprobe is null)
        {
            if (Interlocked.Exchange(ref _missingLogged, 1) == 0)
                logger.LogWarning("ffmpeg ({Ffmpeg}) or ffprobe ({Ffprobe}) is not installed: videos wait until it is (apt-get install ffmpeg)",
                    settings.FfmpegPath, settings.FfprobePath);
            throw new MediaToolMissingException("ffmpeg", MediaMessages.FfmpegMissing);
        }
        if (Interlocked.Exchange(ref _missingLogged, 0) == 1)
            logger.LogInformation("ffmpeg found at {Ffmpeg}: waiting videos are processed now", ffmpeg);
        return (ffmpeg, ffprobe);
    }

    private async Task<VideoProbe> ProbeAsync(string ffprobe, string input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await RunAsync(ffprobe,
        [
            "-v", "error", "-print_format", "json",
            "-show_entries",
            "format=duration:stream=index,codec_type,codec_name,width,height,pix_fmt,duration:stream_disposition=attached_pic:stream_tags=rotate:stream_side_data=rotation",
            input,
        ], timeout, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogInformation("ffprobe refused the file: {Error}", Tail(result.Error));
            throw new MediaRejectedException(MediaMessages.VideoUnreadable);
        }

        try
        {
            return VideoProbe.Parse(result.Output);
        }
        catch (JsonException ex)
        {
            throw new MediaRejectedException(MediaMessages.VideoUnreadable, ex);
        }
    }

    private async Task PosterAsync(string ffmpeg, string input, VideoProbe probe, string output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A few seconds in avoids the black first frame of many phone videos.
        var at = Math.Min(5, probe.Duration / 2);
        foreach (var seek in at > 0 ? new[] { at, 0 } : [0])
        {
            var result = await RunAsync(ffmpeg,
            [
                "-nostdin", "-hide_banner", "-v", "error", "-y",
                "-ss", seek.ToString("0.###", CultureInfo.InvariantCulture), "-i", input,
                "-map", $"0:{probe.VideoIndex}", "-frames:v", "1",
                "-vf", "scale='min(1280,iw)':-2", "-q:v", "3",
                "-map_metadata", "-1", "-fflags", "+bitexact", "-f", "image2", "-update", "1", output,
            ], timeout, cancellationToken);
            if (result.Succeeded && new FileInfo(output).Length > 0)
                return;
            logger.LogInformation("No poster frame at {Seconds} s: {Error}", seek, Tail(result.Error));
        }
        throw new MediaRejectedException(MediaMessages.VideoUnreadable);
    }

    /// <summary>Writes the playback MP4; returns whether the picture had to be re-encoded.</summary>
    private async Task<bool> PlaybackAsync(string ffmpeg, string input, VideoProbe probe, string output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (probe.PlaysInBrowsers)
        {
            // Same picture, new container: copying the streams drops every tag (location, creation time,
            // device) and puts the index first so the player can start and seek before the end arrives.
            var copy = await RunAsync(ffmpeg, PlaybackArguments(input, probe, output, transcode: false), timeout, cancellationToken);
            if (copy.Succeeded)
                return false;
            logger.LogInformation("Stream copy failed, transcoding instead: {Error}", Tail(copy.Error));
        }

        var encode = await RunAsync(ffmpeg, PlaybackArguments(input, probe, output, transcode: true), timeout, cancellationToken);
        if (!encode.Succeeded)
        {
            logger.LogWarning("ffmpeg could not transcode the video: {Error}", Tail(encode.Error));
            throw new MediaRejectedException(MediaMessages.VideoConversionFailed);
        }
        return true;
    }

    private static List<string> PlaybackArguments(string input, VideoProbe probe, string output, bool transcode)
    {
        List<string> args = ["-nostdin", "-hide_banner", "-v", "error", "-y", "-i", input, "-map", $"0:{probe.VideoIndex}"];
        if (probe.AudioIndex is { } audio)
            args.AddRange(["-map", $"0:{audio}"]);
        args.AddRange(["-map_metadata", "-1", "-map_metadata:s", "-1", "-map_chapters", "-1", "-dn", "-sn"]);
        if (transcode)
            args.AddRange(
            [
                // At most 720 on the short side, even dimensions (yuv420p needs them), never upscaled.
                "-vf", "scale='if(gte(iw,ih),-2,trunc(min(iw,720)/2)*2)':'if(gte(iw,ih),trunc(min(ih,720)/2)*2,-2)'",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p", "-profile:v", "high",
            ]);
        else
            args.AddRange(["-c:v", "copy"]);
        if (probe.AudioIndex is not null)
            args.AddRange(!transcode && probe.AudioCodec == "aac" ? ["-c:a", "copy"] : ["-c:a", "aac", "-b:a", "128k", "-ac", "2"]);
        args.AddRange(["-movflags", "+faststart", "-fflags", "+bitexact", "-max_muxing_queue_size", "1024", "-f", "mp4", output]);
        return args;
    }

    private static async Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ExternalTool.RunAsync(tool, arguments, timeout, cancellationToken);
        }
        catch (Win32Exception)
        {
            throw new MediaToolMissingException("ffmpeg", MediaMessages.FfmpegMissing);
        }
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text[^600..].Trim();

    /// <summary>The facts of one video, from ffprobe's JSON.</summary>
    private sealed record VideoProbe(int VideoIndex, string Codec, string PixelFormat, int Width, int Height, bool QuarterTurn, double Duration, int? AudioIndex, string? AudioCodec)
    {
        public bool PlaysInBrowsers => Codec == "h264" && PixelFormat == "yuv420p";

        public static VideoProbe Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var streams = root.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().ToList() : [];

            // Cover art in a music file is a "video" stream of one picture: not a video.
            var video = streams.FirstOrDefault(x => Text(x, "codec_type") == "video" && !IsAttachedPicture(x));
            if (video.ValueKind != JsonValueKind.Object)
                throw new MediaRejectedException(MediaMessages.VideoNoPicture);
            var audio = streams.FirstOrDefault(x => Text(x, "codec_type") == "audio");

            var width = Number(video, "width");
            var height = Number(video, "height");
            if (width <= 0 || height <= 0)
                throw new MediaRejectedException(MediaMessages.VideoUnreadable);
            if (width > MaxEdge || height > MaxEdge)
                throw new MediaRejectedException(MediaMessages.VideoTooLarge(width, height));

            var duration = Seconds(root.TryGetProperty("format", out var format) ? format : default) ?? Seconds(video)
                ?? throw new MediaRejectedException(MediaMessages.VideoNoDuration);

            return new VideoProbe(
                Number(video, "index"), Text(video, "codec_name") ?? "", Text(video, "pix_fmt") ?? "",
                width, height, Math.Abs(Rotation(video)) % 180 == 90, duration,
                audio.ValueKind == JsonValueKind.Object ? Number(audio, "index") : null,
                audio.ValueKind == JsonValueKind.Object ? Text(audio, "codec_name") : null);
        }

        private static bool IsAttachedPicture(JsonElement stream) =>
            stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1;

        private static int Rotation(JsonElement stream)
        {
            if (stream.TryGetProperty("side_data_list", out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var item in list.EnumerateArray())
                    if (item.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                        return (int)Math.Round(r.GetDouble());
            return stream.TryGetProperty("tags", out var tags) && int.TryParse(Text(tags, "rotate"), out var rotate) ? rotate : 0;
        }

        private static double? Seconds(JsonElement element) =>
            double.TryParse(Text(element, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value > 0 ? value : null;

        private static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString()
                : null;

        private static int Number(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : 0;
    }
}

/// <summary>The upload limits the pipeline enforces again (the upload API checks them first), from the <c>Uploads</c> section.</summary>
public sealed record MediaLimits(long PhotoMaxPixels, double VideoMaxSeconds)
{
    public static MediaLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Uploads:PhotoMaxPixels", 50_000_000L),
        configuration.GetValue("Uploads:VideoMaxSeconds", 600d));
}
