using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>What pages may do with media jobs. Scoped: it uses the request's <see cref="AppDbContext"/>.</summary>
public sealed class MediaJobs(AppDbContext db, TimeProvider time, MediaJobSignal signal)
{
    /// <summary>
    /// Queues a file again after it failed (or while it waits, e.g. for ffmpeg or after a storage outage):
    /// the job becomes Pending with its attempts, lease and error cleared, the file Pending without error,
    /// and a worker is woken. The caller checks who may ask.
    /// </summary>
    /// <returns>
    /// True when the file is queued; false when there is no such file or it is Ready or being processed.
    /// </returns>
    public async Task<bool> RetryAsync(int mediaFileId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var files = await db.MediaFiles
            .Where(f => f.Id == mediaFileId && (f.State == MediaState.Failed || f.State == MediaState.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.State, MediaState.Pending).SetProperty(f => f.Error, ""), cancellationToken);
        if (files == 0)
            return false;

        // A job being worked on is left alone: its worker decides how it ends.
        var jobs = await db.MediaJobs
            .Where(j => j.MediaFileId == mediaFileId && j.State != MediaState.Processing)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, MediaState.Pending)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.LeaseUntil, (DateTime?)null)
                .SetProperty(j => j.LeasedBy, (string?)null)
                .SetProperty(j => j.Error, "")
                .SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (jobs == 0)
        {
            if (await db.MediaJobs.AnyAsync(j => j.MediaFileId == mediaFileId, cancellationToken))
                return false;
            db.MediaJobs.Add(new MediaJob { MediaFileId = mediaFileId, State = MediaState.Pending, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return true;
    }
}
