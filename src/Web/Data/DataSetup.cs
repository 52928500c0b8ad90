using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Data;

public static class DataSetup
{
    /// <summary>The folder of the data directory holding the data-protection key ring.</summary>
    public const string KeysFolder = "keys";

    /// <summary>The data directory as an absolute path, created if missing.</summary>
    public static string DataDirectory(this IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Data:Directory"];
        var path = string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured;
        var full = Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
        Directory.CreateDirectory(full);
        return full;
    }

    public static string SqliteConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "contest.db"),
        // Writers wait for each other instead of failing with "database is locked".
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    public static IHostApplicationBuilder AddContestData(this IHostApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration.DataDirectory(builder.Environment);
        builder.Services.AddDbContext<AppDbContext>(options => options
            .UseSqlite(SqliteConnectionString(dataDirectory))
            // SQLite adds a foreign key or drops a column by rebuilding the table, which starts with
            // "PRAGMA foreign_keys = 0" outside the migration's transaction; the copy and swap run in transactions of their own.
            // Without this every new data directory would log a warning that asks for nothing to be done.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning)));
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        // The keys that protect sign-in cookies, antiforgery tokens, vote forms and judges' media links live with
        // the data: a restart keeps people signed in and their open forms valid, also where the process has no
        // home directory (the default store), and a data directory moved to another server keeps working.
        builder.Services.AddDataProtection()
            .SetApplicationName("ContestPlatform")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, KeysFolder)));
        return builder;
    }

    /// <summary>Applies migrations and switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
