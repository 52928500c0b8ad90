using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>
/// The local folder where chunks of unfinished uploads are appended, one <c>&lt;id&gt;.part</c> file per
/// upload session. The file's length is the truth about how much has arrived: a connection dropped
/// mid-chunk leaves exactly the bytes that were written, and the next request carries on from there.
/// </summary>
public sealed class StagingArea
{
    public const string Extension = ".part";

    public StagingArea(IOptions<UploadOptions> options)
    {
        Directory = options.Value.StagingDirectory;
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>The staging file of a session; the id is a server-made hex string, never user text.</summary>
    public string PathFor(string sessionId) =>
        SessionIds.IsValid(sessionId)
            ? Path.Combine(Directory, sessionId + Extension)
            : throw new ArgumentException("Not an upload session id.", nameof(sessionId));

    /// <summary>Bytes received so far (0 when the file does not exist).</summary>
    public long Length(string sessionId)
    {
        var file = new FileInfo(PathFor(sessionId));
        return file.Exists ? file.Length : 0;
    }

    public void Create(string sessionId) => File.Create(PathFor(sessionId)).Dispose();

    public void Delete(string sessionId)
    {
        try
        {
            File.Delete(PathFor(sessionId));
        }
        catch (IOException)
        {
            // Still open by a request being torn down; the sweeper removes it as an orphan later.
        }
    }

    /// <summary>Staging files with their session id, for the sweeper.</summary>
    public IEnumerable<(string SessionId, FileInfo File)> Files() =>
        new DirectoryInfo(Directory).EnumerateFiles("*" + Extension)
            .Select(f => (Path.GetFileNameWithoutExtension(f.Name), f));
}

/// <summary>Upload session ids: 32 lower-case hex digits from a random GUID, safe as a file name.</summary>
public static class SessionIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}

/// <summary>
/// In-process locks. One per upload session, so a retried chunk never interleaves with one still being
/// received, and completion never reads a file that is still growing. One per content hash, so storing a
/// new copy and removing the last reference to the same content never race (the site runs as one process
/// over SQLite; a scaled-out deployment would need a distributed lock here).
/// </summary>
public sealed class UploadLocks
{
    private readonly ConcurrentDictionary<string, byte> _sessions = new();
    // Striped by the first byte of the hash: bounded memory, and unrelated contents rarely wait on each other.
    private readonly SemaphoreSlim[] _contents = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    // Striped by entry id, for the file limit: counting an entry's files and adding one must be one step.
    private readonly SemaphoreSlim[] _entries = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Takes the session's lock, or returns null at once when another request holds it.</summary>
    public IDisposable? TryEnterSession(string sessionId) =>
        _sessions.TryAdd(sessionId, 0) ? new Releaser(() => _sessions.TryRemove(sessionId, out _)) : null;

    /// <summary>Waits for the lock of one content hash.</summary>
    public async Task<IDisposable> EnterContentAsync(string sha256, CancellationToken cancellationToken)
    {
        var gate = _contents[Convert.ToInt32(sha256[..2], 16) % _contents.Length];
        await gate.WaitAsync(cancellationToken);
        return new Releaser(() => gate.Release());
    }

    /// <summary>
    /// Waits for the lock of one entry's file list. Taken inside a content lock, never the other way round,
    /// so the two cannot deadlock.
    /// </summary>
    public async Task<IDisposable> EnterEntryAsync(int entryId, CancellationToken cancellationToken)
    {
        var gate = _entries[(int)((uint)entryId % _entries.Length)];
        await gate.WaitAsync(cancellationToken);
        return new Releaser(() => gate.Release());
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                release();
        }
    }
}
