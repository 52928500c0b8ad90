using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Audit;

/// <summary>What to record: an action on a subject, with details serialised to JSON.</summary>
public sealed record AuditRecord(string Action, string Subject, object? Data = null);

/// <summary>
/// Appends to the hash-chained audit log together with the change it describes: one SaveChanges commits
/// both or neither. Appends are serialised in-process (SQLite has one writer anyway); the unique
/// <see cref="AuditEntry.Sequence"/> is the guard that keeps the chain linear across processes.
/// </summary>
public sealed class AuditLog(TimeProvider time)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Saves the context's pending changes and the audit lines for them in one transaction.</summary>
    public async Task SaveWithAuditAsync(AppDbContext db, Actor actor, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await AppendAsync(db, actor, records, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// For a change that takes several saves (an account made through Identity, then rows of our own): runs
    /// <paramref name="work"/> and then the audit lines it returns in one database transaction, so a failure
    /// anywhere leaves nothing. The audit's turn is taken before the transaction, in the order
    /// <see cref="SaveWithAuditAsync(AppDbContext, Actor, IReadOnlyList{AuditRecord}, CancellationToken)"/>
    /// takes them: holding SQLite's write lock while waiting for the turn could stall another writer.
    /// </summary>
    public async Task<T> InTransactionWithAuditAsync<T>(
        AppDbContext db, Actor actor, Func<Task<(T Result, IReadOnlyList<AuditRecord> Records)>> work, CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (result, records) = await work();
            await AppendAsync(db, actor, records, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task AppendAsync(AppDbContext db, Actor actor, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var last = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        var (sequence, previous) = (last?.Sequence ?? 0, last?.Hash ?? "");
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var record in records)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = now,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Action = record.Action,
                Subject = record.Subject,
                Data = record.Data is null ? "" : JsonSerializer.Serialize(record.Data),
                PreviousHash = previous,
            };
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
            db.AuditLog.Add(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task SaveWithAuditAsync(AppDbContext db, Actor actor, AuditRecord record, CancellationToken cancellationToken = default) =>
        SaveWithAuditAsync(db, actor, [record], cancellationToken);

    /// <summary>SHA-256 over every field in a fixed, unambiguous layout (length-prefixed).</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        var builder = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.Sequence.ToString(CultureInfo.InvariantCulture),
                     entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                     entry.ActorId, entry.ActorName, entry.Action, entry.Subject, entry.Data, entry.PreviousHash,
                 })
            builder.Append(field.Length).Append(':').Append(field).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
