using System.CommandLine;
using ContestPlatform.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Cli;

/// <summary><c>db backup FILE</c>: a consistent copy of the live SQLite database.</summary>
public static class DbCommand
{
    public static Command Build(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Tệp sao lưu sẽ tạo (không được trùng tệp đang có)" };
        var backup = new Command("backup", "Sao lưu trực tuyến cơ sở dữ liệu SQLite") { file };
        backup.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await BackupAsync(db.Database.GetConnectionString()!, parse.GetValue(file)!.FullName, Console.Out, Console.Error);
        });
        return new Command("db", "Cơ sở dữ liệu") { backup };
    }

    /// <summary>
    /// Uses SQLite's online backup API: it copies a single consistent snapshot even while the site
    /// keeps writing. The copy is written beside the target and renamed, so a half-written backup never
    /// carries the final name.
    /// </summary>
    public static async Task<int> BackupAsync(string connectionString, string target, TextWriter output, TextWriter error)
    {
        if (File.Exists(target))
        {
            await error.WriteLineAsync($"Tệp {target} đã tồn tại; hãy chọn tên khác.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".partial";
        try
        {
            await using (var source = new SqliteConnection(connectionString))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
            {
                await source.OpenAsync();
                await destination.OpenAsync();
                source.BackupDatabase(destination);
            }
            File.Move(temp, target);
        }
        catch (Exception ex) when (ex is SqliteException or IOException)
        {
            File.Delete(temp);
            await error.WriteLineAsync($"Sao lưu thất bại: {ex.Message}");
            return 1;
        }
        await output.WriteLineAsync($"Đã sao lưu cơ sở dữ liệu vào {target} ({new FileInfo(target).Length:N0} byte).");
        return 0;
    }
}
