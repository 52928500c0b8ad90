using System.Diagnostics;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Audit;

public class AuditLogTests
{
    private static readonly Actor Organizer = new("u-1", "thuky@sokhcn.vn");

    private static async Task AppendAsync(TestSite site, params AuditRecord[] records)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().SaveWithAuditAsync(db, Organizer, records);
    }

    private static Task<AuditVerification> VerifyAsync(TestSite site) =>
        site.QueryAsync(db => AuditVerifier.VerifyAsync(db));

    private static void Sql(TestSite site, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(site.DataDirectory, "contest.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static async Task<TestSite> SiteWithFiveEntriesAsync()
    {
        var site = new TestSite();
        await AppendAsync(site, new AuditRecord("vote.void", "vote:1", new { reason = "Bỏ phiếu hàng loạt" }), new AuditRecord("vote.void", "vote:2"));
        await AppendAsync(site, new AuditRecord("scorecard.submit", "scorecard:9", new { DMST = 15.5m, HQ = 20m }));
        await AppendAsync(site, new AuditRecord("assignment.add", "entry:3", new { judge = "gk-1" }), new AuditRecord("assignment.add", "entry:4"));
        return site;
    }

    [Fact]
    public async Task Entries_are_numbered_and_each_links_to_the_hash_of_the_one_before()
    {
        using var site = await SiteWithFiveEntriesAsync();
        var entries = await site.QueryAsync(db => db.AuditLog.OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal("", entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        Assert.Contains("15.5", entries[2].Data);
        Assert.True((await VerifyAsync(site)).IsIntact);
    }

    [Fact]
    public async Task Editing_a_row_directly_in_sqlite_is_named_by_verify()
    {
        using var site = await SiteWithFiveEntriesAsync();
        Sql(site, """UPDATE AuditLog SET Data = '{"DMST":20,"HQ":30}' WHERE Sequence = 3""");
        var result = await VerifyAsync(site);
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("bị sửa", result.Problem);
    }

    [Fact]
    public async Task Rewriting_a_row_and_its_hash_still_breaks_the_link_of_the_next_row()
    {
        using var site = await SiteWithFiveEntriesAsync();
        var forged = await site.QueryAsync(async db =>
        {
            var row = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Sequence == 2);
            row.ActorName = "nguoi-khac@example.vn";
            return AuditLog.ComputeHash(row);
        });
        Sql(site, $"UPDATE AuditLog SET ActorName = 'nguoi-khac@example.vn', Hash = '{forged}' WHERE Sequence = 2");
        var result = await VerifyAsync(site);
        Assert.Equal(3, result.FirstBadSequence);
    }

    [Fact]
    public async Task Deleting_a_row_is_found()
    {
        using var site = await SiteWithFiveEntriesAsync();
        Sql(site, "DELETE FROM AuditLog WHERE Sequence = 4");
        var result = await VerifyAsync(site);
        Assert.Equal(4, result.FirstBadSequence);
        Assert.Contains("bị xóa", result.Problem);
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_linear_chain()
    {
        using var site = new TestSite();
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => AppendAsync(site, new AuditRecord("vote.void", $"vote:{i}"))));
        var result = await VerifyAsync(site);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(20, result.Checked);
    }

    [Fact]
    public async Task The_audit_verify_command_reports_the_first_tampered_entry()
    {
        using var site = await SiteWithFiveEntriesAsync();
        Assert.Equal(0, (await RunCliAsync(site.DataDirectory, "audit", "verify")).ExitCode);

        Sql(site, "UPDATE AuditLog SET Subject = 'vote:999' WHERE Sequence = 2");
        var (code, output) = await RunCliAsync(site.DataDirectory, "audit", "verify");
        Assert.Equal(1, code);
        Assert.Contains("mục số 2", output);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContestPlatform.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Data__Directory"] = dataDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await output + await error);
    }
}
