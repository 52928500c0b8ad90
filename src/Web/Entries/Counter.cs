using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Entries;

/// <summary>A named sequence (entry codes). Incremented by one atomic UPDATE … RETURNING.</summary>
public sealed class Counter
{
    [Key, MaxLength(100)] public string Name { get; set; } = "";
    public int Value { get; set; }
}

public static class Counters
{
    /// <summary>
    /// The next value of a sequence. A single UPDATE … RETURNING statement: SQLite serialises writers, so
    /// concurrent submits can never get the same number. Run inside the caller's transaction so a failed
    /// submit gives the number back.
    /// </summary>
    public static async Task<int> NextAsync(AppDbContext db, string name, CancellationToken cancellationToken = default)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO Counters (Name, Value) VALUES ({name}, 0) ON CONFLICT(Name) DO NOTHING", cancellationToken);
        var values = await db.Database
            .SqlQuery<int>($"UPDATE Counters SET Value = Value + 1 WHERE Name = {name} RETURNING Value AS \"Value\"")
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}
