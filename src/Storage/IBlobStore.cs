namespace ContestPlatform.Storage;

/// <summary>
/// Stores binary objects (media, exports, attachments) under keys the platform generates.
/// Every implementation behaves the same and passes the same contract test suite.
/// </summary>
/// <remarks>
/// <para>
/// <b>Keys</b> are relative paths with forward slashes, such as <c>contests/12/entries/34/original.jpg</c>.
/// They are checked by <see cref="BlobKey.Validate"/>: empty or absolute keys, <c>..</c> and empty
/// segments, backslashes, colons, control characters, keys longer than <see cref="BlobKey.MaxLength"/>
/// and segments starting with <c>.</c> (reserved for the stores' own files) are refused with an
/// <see cref="ArgumentException"/> before any I/O. Keys are case-sensitive. A key should not also be the
/// folder of another key (<c>a</c> and <c>a/b</c>): a file system can't hold both.
/// </para>
/// <para>
/// <b>Missing blobs</b> are not errors: reads return <see langword="null"/>, <see cref="ExistsAsync"/>
/// and <see cref="DeleteAsync"/> return <see langword="false"/>.
/// </para>
/// <para>
/// <b>Failures</b> of the storage provider (disk, network, service) are thrown as
/// <see cref="StorageException"/>; <see cref="StorageException.IsTransient"/> tells whether trying again
/// later may succeed. Invalid arguments throw <see cref="ArgumentException"/>, cancellation throws
/// <see cref="OperationCanceledException"/>, and exceptions thrown by a caller's content stream pass
/// through unchanged.
/// </para>
/// </remarks>
public interface IBlobStore
{
    /// <summary>
    /// Writes <paramref name="content"/> from its current position to its end as the blob
    /// <paramref name="key"/>, replacing any blob with that key.
    /// </summary>
    /// <remarks>
    /// The content is streamed: at most one block of it is held in memory, whatever its size.
    /// The write is atomic: until it completes, readers see the previous blob (or none); if it fails
    /// or is cancelled — including when <paramref name="content"/> itself throws — no partial blob is
    /// ever visible and the previous blob, if any, is kept.
    /// </remarks>
    /// <param name="key">The blob's key; see <see cref="BlobKey"/>.</param>
    /// <param name="content">The bytes to store; read once, forward only, and not disposed.</param>
    /// <param name="contentType">The MIME type to store with the blob; <c>application/octet-stream</c> when omitted.</param>
    /// <param name="metadata">
    /// Name/value pairs stored with the blob. Names are lower-case ASCII letters, digits and
    /// underscores, starting with a letter; values are printable ASCII (encode anything else, for example
    /// with <see cref="Uri.EscapeDataString(string)"/>). At most 8 KiB in all.
    /// </param>
    /// <param name="cancellationToken">Cancels the write; the blob is then left as it was.</param>
    /// <returns>The stored blob's properties, including its size in bytes.</returns>
    /// <exception cref="ArgumentException">The key, content type or metadata is invalid.</exception>
    /// <exception cref="StorageException">The provider failed.</exception>
    Task<BlobInfo> WriteAsync(
        string key,
        Stream content,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the blob <paramref name="key"/> for reading, whole or only the bytes in <paramref name="range"/>.
    /// </summary>
    /// <remarks>
    /// A range that runs past the end of the blob is cut at the end; one that starts at or after the end
    /// (or has length 0) reads as an empty stream. The stream may not be seekable; dispose it when done.
    /// Failures while reading from it are thrown as <see cref="StorageException"/>.
    /// </remarks>
    /// <param name="key">The blob's key.</param>
    /// <param name="range">The bytes to read; <see langword="null"/> reads the whole blob.</param>
    /// <param name="cancellationToken">Cancels opening the stream.</param>
    /// <returns>The content, or <see langword="null"/> when there is no such blob.</returns>
    /// <exception cref="ArgumentException">The key is invalid.</exception>
    /// <exception cref="StorageException">The provider failed.</exception>
    Task<Stream?> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the size, content type, metadata and last-modified time of the blob <paramref name="key"/>.</summary>
    /// <returns>The properties, or <see langword="null"/> when there is no such blob.</returns>
    /// <exception cref="ArgumentException">The key is invalid.</exception>
    /// <exception cref="StorageException">The provider failed.</exception>
    Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Tells whether the blob <paramref name="key"/> exists.</summary>
    /// <exception cref="ArgumentException">The key is invalid.</exception>
    /// <exception cref="StorageException">The provider failed.</exception>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the blob <paramref name="key"/> if it exists; deleting a missing blob is not an error.</summary>
    /// <returns>
    /// <see langword="true"/> when a blob was deleted, <see langword="false"/> when there was none.
    /// After a retried call this can be <see langword="false"/> although the first attempt deleted it.
    /// </returns>
    /// <exception cref="ArgumentException">The key is invalid.</exception>
    /// <exception cref="StorageException">The provider failed.</exception>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the blobs whose keys start with <paramref name="prefix"/>, in no particular order,
    /// including blobs in nested "folders".
    /// </summary>
    /// <remarks>
    /// The prefix is a plain string prefix: <c>contests/1</c> matches <c>contests/1/a</c> and
    /// <c>contests/10/a</c>; end it with <c>/</c> to list one folder. An empty prefix lists everything.
    /// The stores' own files (temporary files, sidecars) are never listed.
    /// </remarks>
    /// <exception cref="ArgumentException">The prefix could never match a valid key.</exception>
    /// <exception cref="StorageException">The provider failed.</exception>
    IAsyncEnumerable<BlobListItem> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
