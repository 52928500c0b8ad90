using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContestPlatform.Web.Media.Processing;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>What ffprobe says about a video: whether it has a picture, and how long it lasts.</summary>
public sealed record VideoFacts(bool HasVideoStream, double? DurationSeconds);

/// <summary>
/// Runs <c>ffprobe</c> (<c>Media:FfprobePath</c>, the same tool the worker uses) on an uploaded video, so a
/// file that is not really a playable video, or too long, is refused while the entrant is still on the page.
/// Without it the limits could not be checked, so video upload is off (<see cref="OffReason"/>) rather
/// than taking videos that would only fail later.
/// </summary>
public sealed class VideoProbe(IOptions<UploadOptions> uploads, IOptions<MediaOptions> media, ILogger<VideoProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // Looked up on every use, like the worker's tools: installing ffmpeg needs no restart.
    private string? Executable => ExternalTool.Locate(media.Value.FfprobePath);

    /// <summary>Why videos cannot be checked (so are not accepted) now, in Vietnamese; null when they can.</summary>
    public string? OffReason =>
        !uploads.Value.ProbeVideos ? UploadMessages.VideoCheckDisabled
        : Executable is null ? UploadMessages.VideoCheckMissing
        : null;

    /// <summary>The facts, or null when ffprobe cannot read the file as media.</summary>
    public async Task<VideoFacts?> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("ffprobe is not installed."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-v", "error", "-show_entries", "format=duration:stream=codec_type,codec_name,width,height",
                     "-of", "json", "file:" + path,
                 })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                logger.LogInformation("ffprobe refused an upload: {Errors}", Shorten(await errors));
                return null;
            }
            return Parse(await output);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
            if (cancellationToken.IsCancellationRequested)
                throw;
            logger.LogWarning("ffprobe took longer than {Timeout} on an upload", Timeout);
            return null;
        }
    }

    internal static VideoFacts? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var hasVideo = root.TryGetProperty("streams", out var streams)
                           && streams.EnumerateArray().Any(s =>
                               s.TryGetProperty("codec_type", out var type) && type.GetString() == "video"
                               && s.TryGetProperty("width", out var width) && width.GetInt32() > 0);
            double? duration = root.TryGetProperty("format", out var format)
                               && format.TryGetProperty("duration", out var value)
                               && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? seconds
                : null;
            return new VideoFacts(hasVideo, duration);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text.Trim();
}
