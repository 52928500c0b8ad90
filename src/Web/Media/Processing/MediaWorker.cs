using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>
/// Runs <see cref="MediaOptions.Workers"/> loops that process media jobs until none is left, then wait for
/// <see cref="MediaJobSignal.Notify"/> or the poll interval. Off when <c>Media:Worker:Enabled</c> is false.
/// </summary>
public sealed class MediaWorker(
    MediaProcessor processor,
    MediaJobSignal signal,
    IOptions<MediaOptions> options,
    ILogger<MediaWorker> logger) : BackgroundService
{
    private static readonly TimeSpan StaleWorkAge = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Worker.Enabled)
        {
            logger.LogInformation("Media worker is disabled (Media:Worker:Enabled = false)");
            return;
        }

        await Task.Yield();
        DeleteStaleWork(settings.WorkDirectory);
        logger.LogInformation("Media worker started with {Workers} loop(s)", settings.Workers);
        await Task.WhenAll(Enumerable.Range(1, settings.Workers).Select(n => LoopAsync(MediaProcessor.NewWorkerId($"worker{n}"), stoppingToken)));
    }

    private async Task LoopAsync(string workerId, CancellationToken stoppingToken)
    {
        var pollInterval = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await processor.ProcessNextAsync(workerId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the job's lease expires and it is taken again.
                logger.LogError(ex, "Media worker {WorkerId} failed to process a job", workerId);
                worked = false;
            }

            if (!worked)
                await signal.WaitAsync(pollInterval, stoppingToken);
        }
    }

    /// <summary>Work folders left by a process that died; a day old, so a live job of another process is never touched.</summary>
    private void DeleteStaleWork(string workDirectory)
    {
        if (!Directory.Exists(workDirectory))
            return;
        var cutoff = TimeProvider.System.GetUtcNow().UtcDateTime - StaleWorkAge;
        foreach (var directory in new DirectoryInfo(workDirectory).EnumerateDirectories().Where(d => d.LastWriteTimeUtc < cutoff))
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Could not delete the stale work folder {Directory}", directory.FullName);
            }
        }
    }
}
