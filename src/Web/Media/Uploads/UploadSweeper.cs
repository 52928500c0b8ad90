using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>
/// Removes expired upload sessions with their staging files, and staging files whose session is gone
/// (left by a crash), at start and every 15 minutes.
/// </summary>
public sealed class UploadSweeper(
    IServiceScopeFactory scopes, StagingArea staging, UploadLocks locks, TimeProvider time, ILogger<UploadSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    /// <summary>A file without a session is left alone this long: its session may be being created or completed.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The period is wall-clock time; expiry is contest time (TimeProvider), which tests move.
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sweeping unfinished uploads failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep; returns how many sessions and orphan files were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var removed = 0;

        var expired = await db.UploadSessions.Where(s => s.ExpiresAt <= now).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            using var held = locks.TryEnterSession(id);
            if (held is null)
                continue; // a request is writing to it right now; next sweep
            await db.UploadSessions.Where(s => s.Id == id && s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            staging.Delete(id);
            removed++;
        }

        var files = staging.Files().ToList();
        var ids = files.Select(f => f.SessionId).ToList();
        var live = (await db.UploadSessions.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        // File times are wall-clock times, so the grace period is measured against the real clock.
        foreach (var (id, file) in files)
        {
            if (live.Contains(id) || TimeProvider.System.GetUtcNow().UtcDateTime - file.LastWriteTimeUtc < OrphanGrace)
                continue;
            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not delete orphan staging file {File}", file.Name);
            }
        }

        if (removed > 0)
            logger.LogInformation("Removed {Count} expired or orphan uploads", removed);
        return removed;
    }
}
