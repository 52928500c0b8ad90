using System.Threading.Channels;
using ContestPlatform.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Votes;

/// <summary>A vote to store, with the daily cap in force when it was cast.</summary>
public sealed record VoteWrite(Vote Vote, int? DailyCap, DateTime DayStartsAt);

public enum VoteWriteOutcome
{
    Recorded,
    AlreadyVoted,
    DailyCapReached,
}

/// <summary>
/// The one place votes are written: it takes the votes that arrive while a commit is in flight and stores
/// them together, in one transaction (group commit). Each SQLite commit waits for the disk (an fsync of the
/// write-ahead log, several milliseconds on a virtual disk) and commits are serial, so one transaction per
/// vote tops out near a hundred votes per second; a batch costs one fsync whatever its size, so durability
/// stays full (an accepted vote is on disk) at hundreds of votes per second.
/// Because every vote passes through here in turn, "once per entry" and the daily cap are decided exactly,
/// even for a script firing many requests at once; the unique (UserId, EntryId) index stays the last guard.
/// </summary>
public sealed class VoteWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Largest batch: bounds the time the write lock is held (about a millisecond per hundred votes).</summary>
    private const int MaxBatch = 256;

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<VoteWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lazy<Task> _loop;

    public VoteWriter(IServiceScopeFactory scopes, ILogger<VoteWriter> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _loop = new(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Queues the vote and completes once it is committed (or refused).</summary>
    public async Task<VoteWriteOutcome> WriteAsync(VoteWrite write, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(write);
        _ = _loop.Value;
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        // Once queued the vote is decided whatever happens to the request, so the wait is not cancelled:
        // a person who closes the tab after clicking has still voted.
        return await pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Could not store a batch of {Count} votes", batch.Count);
                foreach (var pending in batch)
                    pending.Done.TrySetException(ex);
            }
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            var outcomes = await StoreAsync(batch);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Done.TrySetResult(outcomes[i]);
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            // One row of the batch clashed with something written outside this writer (another process, a
            // repair by hand, an entry deleted meanwhile): the transaction rolled back, so store the votes
            // one at a time and let only the bad one fail.
            foreach (var pending in batch)
            {
                try
                {
                    await CommitAsync([pending]);
                }
                catch (Exception ex)
                {
                    pending.Done.TrySetException(ex);
                }
            }
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            batch[0].Done.TrySetResult(VoteWriteOutcome.AlreadyVoted);
        }
    }

    private async Task<VoteWriteOutcome[]> StoreAsync(List<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is taken before the reads
        // below, so nothing can slip in between the decision and the insert.
        await using var transaction = await db.Database.BeginTransactionAsync();

        var userIds = batch.Select(p => p.Write.Vote.UserId).Distinct().ToList();
        var earlier = await db.Votes.AsNoTracking()
            .Where(v => userIds.Contains(v.UserId))
            .Select(v => new { v.UserId, v.EntryId, v.CastAt })
            .ToListAsync();
        var voted = earlier.Select(v => (v.UserId, v.EntryId)).ToHashSet();
        var castTimes = earlier.ToLookup(v => v.UserId, v => v.CastAt).ToDictionary(g => g.Key, g => g.ToList());

        var outcomes = new VoteWriteOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (vote, cap, dayStartsAt) = batch[i].Write;
            if (voted.Contains((vote.UserId, vote.EntryId)))
            {
                outcomes[i] = VoteWriteOutcome.AlreadyVoted;
                continue;
            }
            if (!castTimes.TryGetValue(vote.UserId, out var times))
                castTimes[vote.UserId] = times = [];
            // The cap counts every vote cast today, voided ones too: voiding must not hand out new votes.
            if (cap is int limit && times.Count(t => t >= dayStartsAt) >= limit)
            {
                outcomes[i] = VoteWriteOutcome.DailyCapReached;
                continue;
            }
            voted.Add((vote.UserId, vote.EntryId));
            times.Add(vote.CastAt);
            db.Votes.Add(vote);
            outcomes[i] = VoteWriteOutcome.Recorded;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcomes;
    }

    /// <summary>
    /// The (account, entry) unique index refused the row: SQLITE_CONSTRAINT_UNIQUE (2067). Only that: any other
    /// constraint error (NOT NULL, foreign key, CHECK: all code 19) is a fault, not "already voted".
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique };

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Stops taking votes and stores those already queued (the host disposes this at shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
            await _loop.Value;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
            _loop.Value.Wait(TimeSpan.FromSeconds(30));
    }

    private sealed class Pending(VoteWrite write)
    {
        public VoteWrite Write { get; } = write;
        public TaskCompletionSource<VoteWriteOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
