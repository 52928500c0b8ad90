using System.Diagnostics;
using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContestPlatform.Web.Tests.Cli;

/// <summary>The operator commands, run as a real process of the built program against a data directory.</summary>
public class CommandLineTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cp-cli", Guid.NewGuid().ToString("N"));

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContestPlatform.Web.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Data__Directory"] = _dataDirectory;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Users_add_creates_an_organizer_who_can_log_in_and_open_the_admin()
    {
        var (code, output, error) = await RunAsync("users", "add", "--email", "thuky@sokhcn.vn", "--password", "MatKhau123", "--role", "Organizer", "--name", "Nguyễn Văn Thư Ký");
        Assert.True(code == 0, error);
        Assert.Contains("Đã tạo tài khoản thuky@sokhcn.vn", output);

        using var site = TestSite.Over(_dataDirectory);
        var browser = site.NewBrowser();
        var login = await browser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = "thuky@sokhcn.vn", ["Input.Password"] = "MatKhau123" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var (admin, _) = await browser.GetAsync("/quan-tri");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Users_add_refuses_an_unknown_role_and_creates_nothing()
    {
        var (code, _, error) = await RunAsync("users", "add", "--email", "a@b.vn", "--password", "MatKhau123", "--role", "Admin");
        Assert.Equal(2, code);
        Assert.Contains("Vai trò không hợp lệ: Admin", error);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Users_add_refuses_a_weak_password_with_a_vietnamese_message_and_creates_nothing()
    {
        var (code, _, error) = await RunAsync("users", "add", "--email", "a@b.vn", "--password", "abc", "--role", "Judge");
        Assert.Equal(1, code);
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự", error);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Users_add_gives_several_roles_and_refuses_a_second_account_for_the_same_email()
    {
        Assert.Equal(0, (await RunAsync("users", "add", "--email", "gk@b.vn", "--password", "MatKhau123", "--role", "Judge", "--role", "committee")).ExitCode);
        Assert.Equal(2L, Scalar("SELECT COUNT(*) FROM AspNetUserRoles"));
        var again = await RunAsync("users", "add", "--email", "gk@b.vn", "--password", "MatKhau123", "--role", "Judge");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Db_backup_writes_a_consistent_copy_and_never_overwrites()
    {
        Assert.Equal(0, (await RunAsync("users", "add", "--email", "a@b.vn", "--password", "MatKhau123", "--role", "Entrant")).ExitCode);
        var target = Path.Combine(_dataDirectory, "backups", "sao-luu.db");

        var (code, output, error) = await RunAsync("db", "backup", target);
        Assert.True(code == 0, error);
        Assert.Contains("Đã sao lưu", output);
        Assert.Equal("ok", Scalar("PRAGMA integrity_check", target));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM AspNetUsers", target));
        Assert.Equal(8L, Scalar("SELECT COUNT(*) FROM Categories", target));

        var again = await RunAsync("db", "backup", target);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("đã tồn tại", again.Error);
    }

    private object? Scalar(string sql, string? file = null)
    {
        using var connection = new SqliteConnection($"Data Source={file ?? Path.Combine(_dataDirectory, "contest.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
