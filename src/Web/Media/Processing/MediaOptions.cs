using System.ComponentModel.DataAnnotations;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>The media pipeline's settings, bound from the <c>Media</c> configuration section.</summary>
public sealed class MediaOptions : IValidatableObject
{
    public const string SectionName = "Media";

    /// <summary>How many jobs run at once in this process (each claims its own job).</summary>
    [Range(1, 16)] public int Workers { get; set; } = 1;

    public MediaWorkerOptions Worker { get; set; } = new();

    /// <summary>How often idle workers look for new jobs; <see cref="MediaJobSignal.Notify"/> wakes them sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed job stays reserved without a heartbeat; renewed every third of it while working.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Claims per job before it is failed: transient storage errors and interrupted runs both count.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 5;

    /// <summary>The first back-off after a transient error; it doubles per attempt, up to 30 minutes.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a video waits before ffmpeg is looked for again when it is missing.</summary>
    public TimeSpan ToolWaitDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Program names (looked up on PATH) or absolute paths of the external tools.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";
    public string FfprobePath { get; set; } = "ffprobe";
    public string PdfinfoPath { get; set; } = "pdfinfo";
    public string PdftoppmPath { get; set; } = "pdftoppm";
    public string PdftocairoPath { get; set; } = "pdftocairo";

    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan PosterTimeout { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan TranscodeTimeout { get; set; } = TimeSpan.FromMinutes(60);
    public TimeSpan DocumentTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Scratch space for originals and outputs while a job runs; <c>work/media</c> in the data directory when empty.</summary>
    public string WorkDirectory { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        (string Name, TimeSpan Value)[] durations =
        [
            (nameof(PollInterval), PollInterval), (nameof(LeaseDuration), LeaseDuration), (nameof(RetryDelay), RetryDelay),
            (nameof(ToolWaitDelay), ToolWaitDelay), (nameof(ProbeTimeout), ProbeTimeout), (nameof(PosterTimeout), PosterTimeout),
            (nameof(TranscodeTimeout), TranscodeTimeout), (nameof(DocumentTimeout), DocumentTimeout),
        ];
        foreach (var (name, value) in durations.Where(d => d.Value <= TimeSpan.Zero))
            yield return new ValidationResult($"{SectionName}:{name} must be positive, not {value}.", [name]);
        if (LeaseDuration < TimeSpan.FromSeconds(30))
            yield return new ValidationResult($"{SectionName}:{nameof(LeaseDuration)} must be at least 30 seconds.", [nameof(LeaseDuration)]);
    }
}

public sealed class MediaWorkerOptions
{
    /// <summary>
    /// Whether the background worker runs. Tests turn it off and call
    /// <see cref="MediaProcessor.ProcessNextAsync(CancellationToken)"/> themselves.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
