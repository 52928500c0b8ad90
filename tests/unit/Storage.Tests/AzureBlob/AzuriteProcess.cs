using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ContestPlatform.Storage.Tests.AzureBlob;

/// <summary>
/// Azurite's blob service (installed by <c>npm ci --prefix tests</c>) running as a child process on a
/// free loopback port, in memory or with its data in a folder so that it survives a restart.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's documented development account (its README); public, and only valid against the emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _executable;
    private readonly string? _dataFolder;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private AzuriteProcess(string executable, string? dataFolder, int port)
    {
        _executable = executable;
        _dataFolder = dataFolder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    /// <param name="dataFolder">Where Azurite keeps its data; in memory (lost on exit) when null.</param>
    public static async Task<AzuriteProcess> StartAsync(string? dataFolder = null)
    {
        var azurite = new AzuriteProcess(FindExecutable(), dataFolder, FreeLoopbackPort());
        await azurite.StartAsync();
        return azurite;
    }

    /// <summary>
    /// Stops the emulator as a service manager would (SIGTERM): open connections drop, and Azurite saves
    /// its metadata on the way out. A SIGKILL would also lose the last seconds of Azurite's own metadata
    /// (it saves every 5 s), which would hide whether our upload left anything behind.
    /// </summary>
    public void Stop()
    {
        if (_process is { HasExited: false } process && SendSignal(process.Id, SigTerm) == 0)
        {
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        Kill();
    }

    /// <summary>Kills the emulator and anything it started, at once, and waits until they are gone.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the emulator again on the same port and with the same data folder.</summary>
    public Task RestartAsync()
    {
        Stop();
        return StartAsync();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--blobHost", "127.0.0.1", "--blobPort", $"{Port}" })
        {
            start.ArgumentList.Add(argument);
        }

        if (_dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_dataFolder);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                Kill();
                throw new InvalidOperationException($"Azurite did not start on port {Port}. Its output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindExecutable()
    {
        // The test project runs from its bin folder; the repository's tests/ folder holds package.json.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var tests = Path.Combine(folder.FullName, "tests");
            if (File.Exists(Path.Combine(tests, "package.json")))
            {
                var executable = Path.Combine(tests, "node_modules", ".bin", "azurite-blob");
                return File.Exists(executable)
                    ? executable
                    : throw new InvalidOperationException(
                        $"Azurite is not installed ({executable} is missing). Run `npm ci --prefix tests` in the repository root, then run the tests again.");
            }
        }

        throw new InvalidOperationException($"No tests/package.json above {AppContext.BaseDirectory}; can't find Azurite.");
    }
}
