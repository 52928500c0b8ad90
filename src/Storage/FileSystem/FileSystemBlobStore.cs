using System.Buffers;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ContestPlatform.Storage.FileSystem;

/// <summary>
/// Stores each blob as a plain file at <c>&lt;root&gt;/&lt;key&gt;</c>, its content type and metadata in a
/// hidden sidecar file beside it, and writes in progress in <c>&lt;root&gt;/.tmp</c>.
/// </summary>
/// <remarks>
/// A write goes to temporary files first, is flushed to disk, then renamed into place (sidecar first,
/// then the blob): readers see the old blob or the new one, never part of one. A crash between the two
/// renames can leave the new sidecar beside the old content; the platform writes each key once, so that
/// window only matters for rewrites. Temporary files older than an hour are removed when a store is
/// created, which clears what a killed process left behind.
/// </remarks>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int CopyBufferSize = 81_920;
    private static readonly TimeSpan StaleTempFileAge = TimeSpan.FromHours(1);

    // Case-insensitive file systems would otherwise let "C:\Root" and "c:\root" disagree in the root check.
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string _root;
    private readonly string _tempDirectory;

    /// <summary>Creates a store in <paramref name="rootDirectory"/>, creating the directory if needed.</summary>
    /// <param name="rootDirectory">Where blobs are kept; relative paths resolve against the working directory.</param>
    /// <param name="timeProvider">The clock that decides which temporary files are stale.</param>
    /// <exception cref="StorageException">The directory can't be created.</exception>
    public FileSystemBlobStore(string rootDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        var fullRoot = Path.GetFullPath(rootDirectory);
        _root = Path.EndsInDirectorySeparator(fullRoot) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        _tempDirectory = Path.Combine(_root, ".tmp");
        try
        {
            Directory.CreateDirectory(_tempDirectory);
            DeleteStaleTempFiles((timeProvider ?? TimeProvider.System).GetUtcNow());
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw new StorageException($"Can't prepare the blob directory {_root}: {ex.Message}", false, ex);
        }
    }

    /// <summary>The full path of the root directory, ending with a directory separator.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc />
    public async Task<BlobInfo> WriteAsync(
        string key,
        Stream content,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var path = ResolvePath(key);
        ArgumentNullException.ThrowIfNull(content);
        var sidecar = new Sidecar(BlobWriteRules.ContentType(contentType), new(BlobWriteRules.Metadata(metadata)));

        var id = Guid.NewGuid().ToString("N");
        var tempBlob = Path.Combine(_tempDirectory, id + ".blob");
        var tempSidecar = Path.Combine(_tempDirectory, id + ".meta.json");

        // Failures of the caller's stream are theirs to see as they are; only our own I/O is wrapped.
        var readingSource = false;
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            long size;
            await using (var file = new FileStream(tempBlob, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                while (true)
                {
                    readingSource = true;
                    var read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                    readingSource = false;
                    if (read == 0)
                    {
                        break;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                // On disk before it becomes visible, so a power cut can't leave a renamed but empty file.
                file.Flush(flushToDisk: true);
                size = file.Length;
            }

            await sidecar.WriteAsync(tempSidecar, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(tempSidecar, Sidecar.PathFor(path), overwrite: true);
            File.Move(tempBlob, path, overwrite: true);
            return new BlobInfo(key, size, sidecar.ContentType, sidecar.Metadata, File.GetLastWriteTimeUtc(path));
        }
        catch (Exception ex) when (!readingSource && IsIoFailure(ex))
        {
            throw Failure("write", key, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);

            // No-ops after the renames; after a failure they remove everything the write left.
            TryDelete(tempBlob);
            TryDelete(tempSidecar);
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        var path = ResolvePath(key);
        cancellationToken.ThrowIfCancellationRequested();
        FileStream file;
        try
        {
            if (Directory.Exists(path))
            {
                return Task.FromResult<Stream?>(null);
            }

            // FileShare.Delete lets writers replace and delete the blob while it is being read (on Windows).
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw Failure("read", key, ex);
        }

        try
        {
            long? limit = null;
            if (range is { } r)
            {
                limit = r.LengthWithin(file.Length);
                if (limit > 0)
                {
                    file.Seek(r.Offset, SeekOrigin.Begin);
                }
            }

            return Task.FromResult<Stream?>(new BlobReadStream(file, limit, (ex, _) => IsIoFailure(ex) ? Failure("read", key, ex) : null));
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            file.Dispose();
            throw Failure("read", key, ex);
        }
    }

    /// <inheritdoc />
    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = ResolvePath(key);
        try
        {
            // FileInfo reads the file's attributes once, so size and time agree even if it changes meanwhile.
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return null;
            }

            var sidecar = await Sidecar.ReadAsync(Sidecar.PathFor(path), cancellationToken).ConfigureAwait(false) ?? Sidecar.Default;
            return new BlobInfo(key, file.Length, sidecar.ContentType, sidecar.Metadata, file.LastWriteTimeUtc);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw Failure("read of the properties", key, ex);
        }
        catch (JsonException ex)
        {
            throw new StorageException($"File system blob \"{key}\" has a corrupt metadata sidecar: {ex.Message}", false, ex, key);
        }
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = ResolvePath(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(path));
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = ResolvePath(key);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var existed = File.Exists(path);
            if (existed)
            {
                File.Delete(path);
            }

            // Also removes a sidecar orphaned by a crash between a write's two renames.
            var sidecar = Sidecar.PathFor(path);
            if (existed || File.Exists(sidecar))
            {
                File.Delete(sidecar);
            }

            return Task.FromResult(existed);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            throw Failure("delete", key, ex);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobListItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);

        // Start in the deepest folder the prefix names in full rather than walking the whole tree.
        var lastSlash = prefix.LastIndexOf('/');
        var folder = lastSlash < 0 ? _root : ResolvePath(prefix[..lastSlash]);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var entries = new FileSystemEnumerable<BlobListItem>(
            folder,
            (ref FileSystemEntry entry) => new BlobListItem(ToKey(entry.ToFullPath()), entry.Length),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            // Names starting with '.' are the store's own files (.tmp, sidecars); no key can have one.
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.'),
        };

        using var enumerator = entries.GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool found;
            try
            {
                found = enumerator.MoveNext();
            }
            catch (Exception ex) when (IsIoFailure(ex))
            {
                throw Failure("list", prefix, ex);
            }

            if (!found)
            {
                yield break;
            }

            // Files put there by hand may have names no key can have; the contract only lists valid keys.
            var item = enumerator.Current;
            if (item.Key.StartsWith(prefix, StringComparison.Ordinal) && BlobKey.IsValid(item.Key))
            {
                yield return item;
            }
        }
    }

    private string ResolvePath(string key)
    {
        BlobKey.Validate(key);

        // BlobKey already refuses "..", rooted paths and backslashes; this is the second line of defence.
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root, PathComparison) || path.Length == _root.Length)
        {
            throw new ArgumentException($"Blob key \"{key}\" resolves outside the blob directory.", nameof(key));
        }

        return path;
    }

    private string ToKey(string fullPath) => fullPath[_root.Length..].Replace(Path.DirectorySeparatorChar, '/');

    private void DeleteStaleTempFiles(DateTimeOffset now)
    {
        foreach (var file in new DirectoryInfo(_tempDirectory).EnumerateFiles())
        {
            if (now - file.LastWriteTimeUtc > StaleTempFileAge)
            {
                TryDelete(file.FullName);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (IsIoFailure(ex))
        {
            // Best effort: a leftover temporary file is invisible and removed by a later store.
        }
    }

    private static bool IsIoFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;

    private static StorageException Failure(string operation, string key, Exception ex) =>
        new($"File system blob {operation} of \"{key}\" failed: {ex.Message}", IsTransient(ex), ex, key);

    // Only sharing and lock violations (Windows error 32/33: another process has the file open) pass by
    // themselves; a full disk or a denied permission needs a person.
    private static bool IsTransient(Exception ex) => ex is IOException { HResult: var h } && (h & 0xFFFF) is 32 or 33;
}
