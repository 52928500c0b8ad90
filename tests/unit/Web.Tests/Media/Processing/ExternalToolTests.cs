using System.Diagnostics;
using ContestPlatform.Web.Media.Processing;

namespace ContestPlatform.Web.Tests.Media.Processing;

public class ExternalToolTests
{
    [Fact]
    public async Task A_program_that_hangs_is_killed_with_its_children_when_its_time_is_up()
    {
        using var pidFile = new TempFile();
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<ToolTimeoutException>(() => ExternalTool.RunAsync(
            "/bin/sh", ["-c", $"sleep 300 & echo $! > {pidFile.Path}; wait"], TimeSpan.FromMilliseconds(500), CancellationToken.None));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var child = int.Parse((await File.ReadAllTextAsync(pidFile.Path)).Trim());
        Assert.False(IsRunning(child), $"The child process {child} still runs.");
    }

    [Fact]
    public async Task Arguments_are_passed_as_they_are_without_a_shell()
    {
        var result = await ExternalTool.RunAsync("/bin/echo", ["a b", "$(id)", "; rm -rf /"], TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("a b $(id) ; rm -rf /\n", result.Output);
    }

    [Fact]
    public void A_program_is_found_on_PATH_or_by_path_and_a_missing_one_is_null()
    {
        Assert.Equal("/bin/sh", ExternalTool.Locate("/bin/sh"));
        Assert.NotNull(ExternalTool.Locate("sh"));
        Assert.Null(ExternalTool.Locate("no-such-program-here"));
        Assert.Null(ExternalTool.Locate("/nonexistent/ffmpeg"));
    }

    private static bool IsRunning(int pid)
    {
        // A killed child may linger as a zombie until its parent is reaped; that is not running.
        var status = $"/proc/{pid}/status";
        for (var i = 0; i < 50; i++)
        {
            if (!File.Exists(status))
                return false;
            try
            {
                if (File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z')))
                    return false;
            }
            catch (IOException)
            {
                return false;
            }
            Thread.Sleep(100);
        }
        return true;
    }
}
