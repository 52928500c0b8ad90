using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>What an external program printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>An external program (ffmpeg, ffprobe, pdftoppm …) did not finish within its time limit and was killed.</summary>
public sealed class ToolTimeoutException(string tool, TimeSpan timeout)
    : TimeoutException($"{tool} did not finish within {timeout} and was killed.");

/// <summary>
/// Runs external programs safely: arguments as a list (never through a shell), output read concurrently and
/// capped, a time limit on every run, and the whole process tree killed on timeout or cancellation.
/// </summary>
public static class ExternalTool
{
    private const int MaxCapturedChars = 1 << 20;

    /// <summary>
    /// Finds <paramref name="configured"/>: an absolute or relative path if it contains a slash, otherwise
    /// a program name looked up on PATH. Checked on every call, so a tool installed later is picked up.
    /// </summary>
    /// <returns>The full path, or null when there is no such executable.</returns>
    public static string? Locate(string configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return null;
        if (configured.Contains('/'))
            return IsExecutable(configured) ? Path.GetFullPath(configured) : null;
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, configured);
            if (IsExecutable(candidate))
                return candidate;
        }
        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }

    /// <exception cref="ToolTimeoutException">The program ran longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the program was killed.</exception>
    /// <exception cref="Win32Exception">The program could not be started.</exception>
    public static async Task<ToolResult> RunAsync(string path, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        process.Start();
        process.StandardInput.Close();
        var output = ReadCappedAsync(process.StandardOutput);
        var error = ReadCappedAsync(process.StandardError);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await DrainAsync(output, error);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ToolTimeoutException(Path.GetFileName(path), timeout);
        }

        return new ToolResult(process.ExitCode, await output, await error);
    }

    private static async Task DrainAsync(params Task[] readers)
    {
        try
        {
            await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The pipes of a killed process may fail or hang; nothing more is needed from them.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It ended by itself in the meantime.
        }
        catch (Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>Reads a stream to its end, keeping at most 1 Mi characters (the head), so a chatty program can't fill memory.</summary>
    private static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            var room = MaxCapturedChars - kept.Length;
            if (room > 0)
                kept.Append(buffer, 0, Math.Min(room, read));
        }
        return kept.ToString();
    }
}
