using System.ComponentModel.DataAnnotations;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>Limits and settings of entry uploads (section <c>Uploads</c>), checked when the app starts.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";
    private const long MB = 1024 * 1024;

    [Range(1, long.MaxValue)] public long PhotoMaxBytes { get; set; } = 20 * MB;
    [Range(1, long.MaxValue)] public long PhotoMaxPixels { get; set; } = 50_000_000;
    [Range(1, long.MaxValue)] public long VideoMaxBytes { get; set; } = 1024 * MB;
    [Range(1, int.MaxValue)] public int VideoMaxSeconds { get; set; } = 600;
    [Range(1, long.MaxValue)] public long PdfMaxBytes { get; set; } = 30 * MB;
    [Range(1, 1000)] public int MaxFilesPerEntry { get; set; } = 20;

    /// <summary>Bytes per PUT. Also the request body limit of the chunk endpoint (plus a small margin).</summary>
    [Range(64 * 1024, 256 * MB)] public int ChunkBytes { get; set; } = (int)(8 * MB);

    /// <summary>How long an unfinished upload can be resumed before the sweeper removes it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")] public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Where chunks are staged until completion; <c>&lt;data dir&gt;/uploads</c> when empty.</summary>
    public string StagingDirectory { get; set; } = "";

    /// <summary>
    /// Check videos with <c>ffprobe</c> at completion when it is on PATH. Turned off only for load tests
    /// with synthetic files; the processing worker checks videos again anyway.
    /// </summary>
    public bool ProbeVideos { get; set; } = true;

    /// <summary>The largest declared size accepted for a kind before its content is known.</summary>
    public long MaxBytesFor(MediaKind kind) => kind switch
    {
        MediaKind.Photo => PhotoMaxBytes,
        MediaKind.Video => VideoMaxBytes,
        MediaKind.Document => PdfMaxBytes,
        MediaKind.Evidence => Math.Max(PdfMaxBytes, PhotoMaxBytes),
        _ => 0,
    };
}
