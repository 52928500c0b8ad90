using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Awards;

/// <summary>
/// The publication moment of the results, held in memory so the output cache of the public results pages can
/// tell "before" from "after" without a query per request: the cached copy is keyed by that state, so the
/// moment the embargo ends (by the contest clock) readers get a fresh render, and before it nobody can get a
/// copy rendered after it. The page itself always reads the database, so a stale moment here can only delay a
/// change, never reveal anything. The award workflow calls <see cref="Invalidate"/> on every change; the value
/// is also re-read every 30 seconds, for changes made by another process.
/// </summary>
public sealed class PublicationSchedule(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Snapshot? snapshot;

    private sealed record Snapshot(DateTime? PublishAt, DateTimeOffset ReadAt);

    public void Invalidate() => snapshot = null;

    /// <summary>Whether the results are public now, by the contest clock.</summary>
    public async ValueTask<bool> IsPublishedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var current = snapshot;
        if (current is null || now - current.ReadAt > Refresh || now < current.ReadAt)
            current = await ReadAsync(now, cancellationToken);
        return current.PublishAt is { } at && at <= now.UtcDateTime;
    }

    private async Task<Snapshot> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is { } fresh && now - fresh.ReadAt <= Refresh && now >= fresh.ReadAt)
                return fresh;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var at = await db.AwardProposals.AsNoTracking()
                .Where(p => p.State == ProposalState.Sent && p.PublishAt != null)
                .OrderByDescending(p => p.Id).Select(p => p.PublishAt).FirstOrDefaultAsync(cancellationToken);
            var read = new Snapshot(at, now);
            snapshot = read;
            return read;
        }
        finally
        {
            gate.Release();
        }
    }
}
