using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>What ffprobe says about a video: whether it has a picture, and how long it lasts.</summary>
public sealed record VideoFacts(bool HasVideoStream, double? DurationSeconds);

/// <summary>
/// Runs <c>ffprobe</c> (when it is on PATH) on an uploaded video, so a file that is not really a
/// playable video, or too long, is refused while the entrant is still on the page.
/// </summary>
public sealed class VideoProbe(ILogger<VideoProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<string?> Executable = new(() => FindOnPath("ffprobe"));

    public bool IsAvailable => Executable.Value is not null;

    /// <summary>The facts, or null when ffprobe cannot read the file as media.</summary>
    public async Task<VideoFacts?> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable.Value ?? throw new InvalidOperationException("ffprobe is not installed."))
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

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text.Trim();
}
