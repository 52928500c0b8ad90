namespace ContestPlatform.Storage;

/// <summary>Settings of the file system provider (<c>Storage:FileSystem</c>).</summary>
public sealed class FileSystemStorageOptions
{
    /// <summary>
    /// The directory blobs are kept in; when empty, the directory the host passes to
    /// <see cref="BlobStoreFactory.Create"/> (a <c>blobs</c> folder in its data directory). A relative path
    /// resolves against the working directory.
    /// </summary>
    public string? Root { get; set; }
}
