using System.ComponentModel.DataAnnotations;
using ContestPlatform.Storage.AzureBlob;
using ContestPlatform.Storage.FileSystem;
using ContestPlatform.Storage.Resilience;

namespace ContestPlatform.Storage;

/// <summary>Builds the blob store that <see cref="StorageOptions"/> describe.</summary>
public static class BlobStoreFactory
{
    /// <summary>
    /// Validates <paramref name="options"/> and returns the configured provider's store, wrapped in a
    /// <see cref="ResilientBlobStore"/>. Nothing is contacted yet: an Azure container is created on the first write.
    /// </summary>
    /// <param name="options">The bound <c>Storage</c> section.</param>
    /// <param name="defaultRoot">
    /// The directory of the file system provider when <see cref="FileSystemStorageOptions.Root"/> is empty:
    /// a <c>blobs</c> folder in the host's data directory.
    /// </param>
    /// <param name="timeProvider">The clock of the resilience pipeline and the file store; the system clock when omitted.</param>
    /// <exception cref="ValidationException">The options are invalid; the message lists every problem.</exception>
    public static IBlobStore Create(StorageOptions options, string defaultRoot, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRoot);
        ThrowIfInvalid(options);

        IBlobStore store = options.Uses(StorageProviders.AzureBlob)
            ? new AzureBlobStore(
                AzureBlobStore.CreateContainerClient(options.AzureBlob.ConnectionString!, options.AzureBlob.Container, options.AzureBlob.NetworkTimeout),
                options.AzureBlob.BlockSize)
            : new FileSystemBlobStore(
                string.IsNullOrWhiteSpace(options.FileSystem.Root) ? defaultRoot : options.FileSystem.Root,
                timeProvider);

        return new ResilientBlobStore(store, StorageResilience.CreatePipeline(options.Resilience, timeProvider));
    }

    private static void ThrowIfInvalid(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new ValidationException(
                "Storage configuration is invalid: " + string.Join(" ", results.Select(r => r.ErrorMessage?.TrimEnd('.') + ".")));
        }
    }
}
