using ContestPlatform.Storage;
using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>
/// Processes media jobs one at a time per call: claims the next job, makes the file's derivatives, stores
/// them under <see cref="DerivedKeys"/>, and records the outcome on the <see cref="MediaFile"/> and its
/// <see cref="MediaJob"/>. <see cref="MediaWorker"/> calls it in a loop; tests call it directly.
/// </summary>
/// <remarks>
/// Outcomes: Ready; Failed with a Vietnamese reason (a bad file, a permanent storage error, too many
/// interrupted runs); or back to Pending with a delay (a transient storage error, up to
/// <see cref="MediaOptions.MaxAttempts"/>; ffmpeg missing, without limit). A process that dies mid-job leaves
/// its lease to expire, and the job is claimed again. Each job runs in its own DI scope.
/// </remarks>
public sealed class MediaProcessor(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<MediaOptions> options,
    PhotoProcessor photos,
    VideoProcessor videos,
    DocumentProcessor documents,
    ILogger<MediaProcessor> logger)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);
    private readonly string _workerId = NewWorkerId("direct");

    /// <summary>Claims and processes the next available job.</summary>
    /// <returns>True when a job was claimed (whatever its outcome); false when none is available now.</returns>
    public Task<bool> ProcessNextAsync(CancellationToken cancellationToken = default) =>
        ProcessNextAsync(_workerId, cancellationToken);

    internal async Task<bool> ProcessNextAsync(string workerId, CancellationToken cancellationToken)
    {
        ClaimedJob? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            job = await MediaJobQueue.ClaimAsync(db, workerId, Now, options.Value.LeaseDuration, cancellationToken);
        }
        if (job is null)
            return false;

        using (logger.BeginScope(new Dictionary<string, object> { ["MediaJobId"] = job.Id, ["MediaFileId"] = job.MediaFileId }))
            await RunAsync(job, workerId, cancellationToken);
        return true;
    }

    internal static string NewWorkerId(string name) =>
        $"{Environment.MachineName}/{Environment.ProcessId}/{name}/{Guid.NewGuid().ToString("N")[..8]}";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task RunAsync(ClaimedJob job, string workerId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IBlobStore>();

        var file = await db.MediaFiles.FirstOrDefaultAsync(f => f.Id == job.MediaFileId, cancellationToken);
        if (file is null)
        {
            await db.MediaJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(cancellationToken);
            return;
        }
        if (job.Attempts > settings.MaxAttempts)
        {
            // Claimed this often without an outcome: each run died (crash, kill). Stop trying by ourselves.
            logger.LogWarning("Media job {JobId} was interrupted {Attempts} times; marking it failed", job.Id, job.Attempts - 1);
            await FailAsync(db, file, job, workerId, MediaMessages.Interrupted);
            return;
        }

        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = KeepLeaseAsync(job, workerId, heartbeatStop.Token);
        var work = Path.Combine(settings.WorkDirectory, $"{job.Id}-{Guid.NewGuid():N}");
        try
        {
            await db.MediaFiles.Where(f => f.Id == file.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.State, MediaState.Processing).SetProperty(f => f.Error, ""), cancellationToken);
            var derivation = await ReuseAsync(db, store, file, cancellationToken)
                ?? await DeriveAsync(store, file, work, cancellationToken);
            await CompleteAsync(db, file, job, workerId, derivation, cancellationToken);
        }
        catch (MediaRejectedException ex)
        {
            logger.LogInformation(ex.InnerException, "Media file {MediaFileId} refused: {Reason}", file.Id, ex.Message);
            await FailAsync(db, file, job, workerId, ex.Message);
        }
        catch (MediaToolMissingException ex)
        {
            await PostponeAsync(db, file, job, workerId, Now + settings.ToolWaitDelay, ex.Message, countAttempt: false);
        }
        catch (StorageException ex) when (ex.IsTransient && job.Attempts < settings.MaxAttempts)
        {
            var delay = RetryDelay(job.Attempts);
            logger.LogWarning(ex, "Transient storage error on media job {JobId} (attempt {Attempt}); retrying in {Delay}", job.Id, job.Attempts, delay);
            await PostponeAsync(db, file, job, workerId, Now + delay, MediaMessages.StorageWaiting, countAttempt: true);
        }
        catch (StorageException ex)
        {
            logger.LogError(ex, "Storage error on media job {JobId}; marking it failed", job.Id);
            await FailAsync(db, file, job, workerId, ex.IsTransient ? MediaMessages.StorageGaveUp : MediaMessages.StorageFailed);
        }
        catch (ToolTimeoutException ex)
        {
            logger.LogWarning("Media job {JobId} timed out: {Message}", job.Id, ex.Message);
            await FailAsync(db, file, job, workerId, MediaMessages.TimedOut);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the job back at once, and don't count this run.
            logger.LogInformation("Media job {JobId} released at shutdown", job.Id);
            await PostponeAsync(db, file, job, workerId, null, "", countAttempt: false);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Media job {JobId} failed unexpectedly", job.Id);
            await FailAsync(db, file, job, workerId, MediaMessages.Unexpected);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            DeleteQuietly(work);
        }
    }

    /// <summary>Facts and derivatives of one file, ready to be recorded.</summary>
    private sealed record Derivation(int? Width, int? Height, double? DurationSeconds, string Codec, int? PageCount, IReadOnlyList<DerivedFile> Files, IReadOnlyDictionary<string, string>? ReusedKeys = null);

    /// <summary>
    /// Identical content already processed (another Ready file with the same hash and type): take its facts
    /// and derivatives, provided they are still stored.
    /// </summary>
    private async Task<Derivation?> ReuseAsync(AppDbContext db, IBlobStore store, MediaFile file, CancellationToken cancellationToken)
    {
        var twin = await db.MediaFiles.AsNoTracking()
            .Where(f => f.Sha256 == file.Sha256 && f.Id != file.Id && f.State == MediaState.Ready && f.ContentType == file.ContentType)
            .OrderBy(f => f.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (twin is null)
            return null;

        var keys = new Dictionary<string, string?>
        {
            [nameof(MediaFile.DisplayKey)] = twin.DisplayKey,
            [nameof(MediaFile.DisplayJpegKey)] = twin.DisplayJpegKey,
            [nameof(MediaFile.ThumbKey)] = twin.ThumbKey,
            [nameof(MediaFile.ThumbJpegKey)] = twin.ThumbJpegKey,
            [nameof(MediaFile.PosterKey)] = twin.PosterKey,
            [nameof(MediaFile.PlaybackKey)] = twin.PlaybackKey,
        };
        foreach (var key in keys.Values.OfType<string>())
            if (!await store.ExistsAsync(key, cancellationToken))
                return null;

        logger.LogInformation("Media file {MediaFileId} has the content of file {TwinId}; reusing its derivatives", file.Id, twin.Id);
        return new Derivation(twin.Width, twin.Height, twin.DurationSeconds, twin.Codec, twin.PageCount, [],
            keys.Where(k => k.Value is not null).ToDictionary(k => k.Key, k => k.Value!));
    }

    private async Task<Derivation> DeriveAsync(IBlobStore store, MediaFile file, string work, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(work);
        var original = Path.Combine(work, "original");
        await using (var source = await store.OpenReadAsync(file.OriginalKey, null, cancellationToken))
        {
            if (source is null)
                throw new MediaRejectedException(MediaMessages.OriginalMissing);
            await using var target = new FileStream(original, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await source.CopyToAsync(target, cancellationToken);
        }

        var output = Path.Combine(work, "out");
        Derivation derivation;
        switch (PipelineFor(file))
        {
            case Pipeline.Photo:
                var photo = photos.Process(original, output);
                derivation = new Derivation(photo.Width, photo.Height, null, "", null, photo.Files);
                break;
            case Pipeline.Video:
                var video = await videos.ProcessAsync(original, output, cancellationToken);
                derivation = new Derivation(video.Width, video.Height, video.DurationSeconds, video.Codec, null, video.Files);
                break;
            case Pipeline.Document:
                var document = await documents.ProcessAsync(original, output, cancellationToken);
                derivation = new Derivation(document.PreviewWidth, document.PreviewHeight, null, "", document.PageCount, document.Files);
                break;
            default:
                throw new MediaRejectedException(MediaMessages.Unsupported);
        }

        foreach (var derived in derivation.Files)
        {
            await using var content = new FileStream(derived.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await store.WriteAsync(DerivedKeys.For(file.Sha256, derived.Name), content, derived.ContentType, null, cancellationToken);
        }
        return derivation;
    }

    private enum Pipeline { Unsupported, Photo, Video, Document }

    /// <summary>The content type (decided from magic bytes at upload) picks the pipeline; evidence may be a photo or a PDF.</summary>
    private static Pipeline PipelineFor(MediaFile file) => file.ContentType switch
    {
        var t when t.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => Pipeline.Photo,
        var t when t.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => Pipeline.Video,
        var t when t.Equals("application/pdf", StringComparison.OrdinalIgnoreCase) => Pipeline.Document,
        _ => file.Kind switch
        {
            MediaKind.Photo => Pipeline.Photo,
            MediaKind.Video => Pipeline.Video,
            MediaKind.Document => Pipeline.Document,
            _ => Pipeline.Unsupported,
        },
    };

    private async Task CompleteAsync(AppDbContext db, MediaFile file, ClaimedJob job, string workerId, Derivation derivation, CancellationToken cancellationToken)
    {
        var keys = derivation.ReusedKeys ?? derivation.Files.ToDictionary(f => PropertyFor(f.Name), f => DerivedKeys.For(file.Sha256, f.Name));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await MediaJobQueue.FinishAsync(db, job, workerId, MediaState.Ready, "", Now, cancellationToken) == 0)
        {
            logger.LogWarning("Media job {JobId} finished after its lease passed to another worker; its result is dropped", job.Id);
            return;
        }

        file.State = MediaState.Ready;
        file.Error = "";
        file.Width = derivation.Width;
        file.Height = derivation.Height;
        file.DurationSeconds = derivation.DurationSeconds;
        file.Codec = derivation.Codec;
        file.PageCount = derivation.PageCount;
        file.DisplayKey = keys.GetValueOrDefault(nameof(MediaFile.DisplayKey));
        file.DisplayJpegKey = keys.GetValueOrDefault(nameof(MediaFile.DisplayJpegKey));
        file.ThumbKey = keys.GetValueOrDefault(nameof(MediaFile.ThumbKey));
        file.ThumbJpegKey = keys.GetValueOrDefault(nameof(MediaFile.ThumbJpegKey));
        file.PosterKey = keys.GetValueOrDefault(nameof(MediaFile.PosterKey));
        file.PlaybackKey = keys.GetValueOrDefault(nameof(MediaFile.PlaybackKey));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Media file {MediaFileId} is ready", file.Id);
    }

    private static string PropertyFor(string derivedName) => derivedName switch
    {
        PhotoProcessor.DisplayWebp => nameof(MediaFile.DisplayKey),
        PhotoProcessor.DisplayJpeg => nameof(MediaFile.DisplayJpegKey),
        PhotoProcessor.ThumbWebp => nameof(MediaFile.ThumbKey),
        PhotoProcessor.ThumbJpeg => nameof(MediaFile.ThumbJpegKey),
        DerivedKeys.Poster => nameof(MediaFile.PosterKey),
        DerivedKeys.PlaybackVideo or DerivedKeys.PlaybackDocument => nameof(MediaFile.PlaybackKey),
        _ => throw new InvalidOperationException($"No MediaFile property for derivative {derivedName}."),
    };

    // Outcomes are recorded even when the caller is being cancelled: the job must not stay leased for nothing.
    private async Task FailAsync(AppDbContext db, MediaFile file, ClaimedJob job, string workerId, string reason)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await MediaJobQueue.FinishAsync(db, job, workerId, MediaState.Failed, reason, Now, CancellationToken.None) == 0)
            return;
        await db.MediaFiles.Where(f => f.Id == file.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.State, MediaState.Failed).SetProperty(f => f.Error, reason), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task PostponeAsync(AppDbContext db, MediaFile file, ClaimedJob job, string workerId, DateTime? notBefore, string reason, bool countAttempt)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await MediaJobQueue.PostponeAsync(db, job, workerId, notBefore, reason, countAttempt, Now, CancellationToken.None) == 0)
            return;
        await db.MediaFiles.Where(f => f.Id == file.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.State, MediaState.Pending).SetProperty(f => f.Error, reason), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var delay = options.Value.RetryDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>Renews the lease every third of its length (wall-clock), so long transcodes keep their job.</summary>
    private async Task KeepLeaseAsync(ClaimedJob job, string workerId, CancellationToken cancellationToken)
    {
        var lease = options.Value.LeaseDuration;
        using var timer = new PeriodicTimer(lease / 3, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    if (await MediaJobQueue.RenewAsync(db, job, workerId, Now + lease, Now, cancellationToken) == 0)
                        logger.LogWarning("Media job {JobId} lost its lease", job.Id);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not renew the lease of media job {JobId}", job.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }

    private void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not delete the work folder {Directory}", directory);
        }
    }
}
