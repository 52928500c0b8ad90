using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ContestPlatform.Storage.AzureBlob;

/// <summary>Stores blobs as block blobs in one Azure Blob Storage container, created on the first write.</summary>
/// <remarks>
/// Content is uploaded one block at a time (only one block is held in memory) and becomes visible only
/// when the block list is committed, so an upload that dies leaves no blob and keeps the previous one;
/// the service discards uncommitted blocks by itself. Content that fits in one block is sent in a single
/// request, which is just as atomic.
/// </remarks>
public sealed class AzureBlobStore : IBlobStore
{
    /// <summary>The default size of an uploaded block: large enough for throughput, small enough to buffer.</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    private readonly BlobContainerClient _container;
    private readonly int _blockSize;
    private volatile bool _containerExists;

    /// <summary>Creates a store over <paramref name="container"/>.</summary>
    /// <param name="container">
    /// The container; build it with <see cref="CreateContainerClient"/> so that the SDK doesn't retry on its own.
    /// </param>
    /// <param name="blockSize">Bytes per uploaded block, from 64 KiB to 100 MiB.</param>
    public AzureBlobStore(BlobContainerClient container, int blockSize = DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 64 * 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockSize, 100 * 1024 * 1024);
        _container = container;
        _blockSize = blockSize;
    }

    /// <summary>
    /// Builds a container client whose SDK pipeline does not retry (the resilience pipeline of
    /// <see cref="Resilience.ResilientBlobStore"/> does; both would multiply attempts) and gives up on
    /// a silent connection after <paramref name="networkTimeout"/>.
    /// </summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public static BlobContainerClient CreateContainerClient(string connectionString, string containerName, TimeSpan networkTimeout)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = networkTimeout;
        return new BlobContainerClient(connectionString, containerName, options);
    }

    /// <inheritdoc />
    public async Task<BlobInfo> WriteAsync(
        string key,
        Stream content,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        var type = BlobWriteRules.ContentType(contentType);
        var validMetadata = BlobWriteRules.Metadata(metadata);
        var headers = new BlobHttpHeaders { ContentType = type };
        var sdkMetadata = new Dictionary<string, string>(validMetadata);

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlockBlobClient(key);
        var buffer = ArrayPool<byte>.Shared.Rent(_blockSize);
        try
        {
            // Reads of the caller's stream stay outside Call: their exceptions are not provider errors.
            var filled = await FillAsync(content, buffer, _blockSize, cancellationToken).ConfigureAwait(false);
            Response<BlobContentInfo> committed;
            long size;
            if (filled < _blockSize)
            {
                committed = await Call("write", key, t => blob.UploadAsync(
                    new MemoryStream(buffer, 0, filled, writable: false),
                    new BlobUploadOptions { HttpHeaders = headers, Metadata = sdkMetadata },
                    t), cancellationToken).ConfigureAwait(false);
                size = filled;
            }
            else
            {
                // Block ids are unique to this upload, so concurrent writers of one key can't mix blocks.
                var uploadId = Guid.NewGuid().ToString("N");
                var blockIds = new List<string>();
                size = 0;
                while (filled > 0)
                {
                    var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{uploadId}-{blockIds.Count:D6}"));
                    await Call("write", key, t => blob.StageBlockAsync(
                        blockId, new MemoryStream(buffer, 0, filled, writable: false), options: null, t), cancellationToken).ConfigureAwait(false);
                    blockIds.Add(blockId);
                    size += filled;
                    filled = await FillAsync(content, buffer, _blockSize, cancellationToken).ConfigureAwait(false);
                }

                committed = await Call("write", key, t => blob.CommitBlockListAsync(
                    blockIds, new CommitBlockListOptions { HttpHeaders = headers, Metadata = sdkMetadata }, t), cancellationToken).ConfigureAwait(false);
            }

            return new BlobInfo(key, size, type, validMetadata, committed.Value.LastModified);
        }
        catch (StorageException ex) when (ex.InnerException is { } inner && AzureErrors.IsContainerNotFound(inner))
        {
            // Someone deleted the container since we created it: create it again on the next write.
            _containerExists = false;
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        if (range is { Length: 0 })
        {
            // "bytes=n-(n-1)" is not a valid HTTP range; an empty read only needs to know the blob is there.
            return await ExistsAsync(key, cancellationToken).ConfigureAwait(false) ? new MemoryStream([], writable: false) : null;
        }

        // Without a range header an empty blob reads as empty; "bytes=0-" would be refused with 416.
        var options = new BlobDownloadOptions();
        if (range is { } r && (r.Offset > 0 || r.Length is not null))
        {
            options.Range = new HttpRange(r.Offset, r.Length);
        }

        var blob = _container.GetBlobClient(key);
        try
        {
            var download = await Call("read", key, t => blob.DownloadStreamingAsync(options, t), cancellationToken).ConfigureAwait(false);
            return new BlobReadStream(download.Value.Content, null, (ex, t) => AzureErrors.Translate(ex, "read", key, t));
        }
        catch (StorageException ex) when (ex.InnerException is RequestFailedException { Status: 404 })
        {
            return null;
        }
        catch (StorageException ex) when (ex.InnerException is RequestFailedException { Status: 416 })
        {
            // The range starts at or after the end of the blob.
            return await ExistsAsync(key, cancellationToken).ConfigureAwait(false) ? new MemoryStream([], writable: false) : null;
        }
    }

    /// <inheritdoc />
    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var blob = _container.GetBlobClient(key);
        try
        {
            var properties = (await Call("read of the properties", key, t => blob.GetPropertiesAsync(cancellationToken: t), cancellationToken)
                .ConfigureAwait(false)).Value;
            return new BlobInfo(
                key,
                properties.ContentLength,
                properties.ContentType ?? BlobWriteRules.DefaultContentType,
                new Dictionary<string, string>(properties.Metadata, StringComparer.Ordinal),
                properties.LastModified);
        }
        catch (StorageException ex) when (ex.InnerException is RequestFailedException { Status: 404 })
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var blob = _container.GetBlobClient(key);
        return (await Call("existence check", key, t => blob.ExistsAsync(t), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        var blob = _container.GetBlobClient(key);
        var response = await Call(
            "delete", key, t => blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: t), cancellationToken)
            .ConfigureAwait(false);
        return response.Value;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobListItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);
        var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
        await using var blobs = _container.GetBlobsAsync(options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool found;
            try
            {
                found = await blobs.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (AzureErrors.IsContainerNotFound(ex))
            {
                // Nothing was ever written.
                found = false;
            }
            catch (Exception ex) when (AzureErrors.Translate(ex, "list", prefix, cancellationToken) is { } failure)
            {
                throw failure;
            }

            if (!found)
            {
                yield break;
            }

            // Blobs put there by other tools may have names no key can have; the contract only lists valid keys.
            var blob = blobs.Current;
            if (BlobKey.IsValid(blob.Name))
            {
                yield return new BlobListItem(blob.Name, blob.Properties.ContentLength ?? 0);
            }
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerExists)
        {
            return;
        }

        await Call("creation of the container", _container.Name, t => _container.CreateIfNotExistsAsync(cancellationToken: t), cancellationToken)
            .ConfigureAwait(false);
        _containerExists = true;
    }

    private static async Task<T> Call<T>(string operation, string key, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AzureErrors.Translate(ex, operation, key, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled, count - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
