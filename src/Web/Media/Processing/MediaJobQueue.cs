using System.Data.Common;
using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>A job a worker has leased: processing it is this worker's until the lease runs out.</summary>
internal sealed record ClaimedJob(int Id, int MediaFileId, int Attempts);

/// <summary>
/// The job table as a durable queue. A worker claims the oldest available job with one UPDATE … RETURNING,
/// so two workers (threads or processes) can never take the same job: the database runs writers one at a time.
/// Available means Pending and not deferred, or Processing with an expired lease (its worker died).
/// </summary>
/// <remarks>
/// A Pending job's <see cref="MediaJob.LeaseUntil"/> is "not before": transient failures and a missing
/// ffmpeg put the job back with a future time, which serves as the back-off without another column.
/// Every later write names the worker, so a worker whose lease was taken over can't overwrite the result.
/// </remarks>
internal static class MediaJobQueue
{
    // Quoted names and LIMIT read the same in SQLite and PostgreSQL; on PostgreSQL add FOR UPDATE SKIP LOCKED
    // to the inner SELECT.
    private const string ClaimSql = """
        UPDATE "MediaJobs"
        SET "State" = 1, "LeaseUntil" = @until, "LeasedBy" = @worker, "Attempts" = "Attempts" + 1, "UpdatedAt" = @now
        WHERE "Id" = (
            SELECT "Id" FROM "MediaJobs"
            WHERE ("State" = 0 AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= @now))
               OR ("State" = 1 AND ("LeaseUntil" IS NULL OR "LeaseUntil" < @now))
            ORDER BY "Id"
            LIMIT 1)
        RETURNING "Id", "MediaFileId", "Attempts"
        """;

    public static async Task<ClaimedJob?> ClaimAsync(AppDbContext db, string workerId, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ClaimSql;
            Add(command, "@until", now + lease);
            Add(command, "@worker", workerId);
            Add(command, "@now", now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new ClaimedJob(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2))
                : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>This worker's job, still leased to it.</summary>
    public static IQueryable<MediaJob> Held(AppDbContext db, ClaimedJob job, string workerId) =>
        db.MediaJobs.Where(j => j.Id == job.Id && j.LeasedBy == workerId && j.State == MediaState.Processing);

    public static Task<int> RenewAsync(AppDbContext db, ClaimedJob job, string workerId, DateTime until, DateTime now, CancellationToken cancellationToken) =>
        Held(db, job, workerId).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.UpdatedAt, now), cancellationToken);

    /// <summary>Ends the job (Ready or Failed) and releases the lease.</summary>
    public static Task<int> FinishAsync(AppDbContext db, ClaimedJob job, string workerId, MediaState state, string error, DateTime now, CancellationToken cancellationToken) =>
        Held(db, job, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state)
            .SetProperty(j => j.LeaseUntil, (DateTime?)null)
            .SetProperty(j => j.LeasedBy, (string?)null)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken);

    /// <summary>
    /// Puts the job back as Pending, available again from <paramref name="notBefore"/>; when
    /// <paramref name="countAttempt"/> is false the claim is not counted (shutdown, a missing tool).
    /// </summary>
    public static Task<int> PostponeAsync(AppDbContext db, ClaimedJob job, string workerId, DateTime? notBefore, string error, bool countAttempt, DateTime now, CancellationToken cancellationToken) =>
        Held(db, job, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, MediaState.Pending)
            .SetProperty(j => j.LeaseUntil, notBefore)
            .SetProperty(j => j.LeasedBy, (string?)null)
            .SetProperty(j => j.Attempts, j => countAttempt ? j.Attempts : j.Attempts - 1)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken);
}
