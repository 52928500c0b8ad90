using System.ComponentModel.DataAnnotations;
using Azure.Storage.Blobs;

namespace ContestPlatform.Storage;

/// <summary>Settings of the Azure Blob Storage provider (<c>Storage:AzureBlob</c>).</summary>
public sealed class AzureBlobStorageOptions
{
    /// <summary>The storage account's connection string (a secret: keep it out of committed files).</summary>
    [Required(ErrorMessage = "is required when Storage:Provider is AzureBlob")]
    public string? ConnectionString { get; set; }

    /// <summary>The container, created on the first write if missing.</summary>
    [Required(ErrorMessage = "is required when Storage:Provider is AzureBlob")]
    [RegularExpression("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$",
        ErrorMessage = "must be 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit")]
    public string Container { get; set; } = "contestplatform";

    /// <summary>How long the SDK waits on a silent connection (per request, and per read of a download).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Bytes per uploaded block (also the memory one upload holds).</summary>
    [Range(64 * 1024, 100 * 1024 * 1024, ErrorMessage = "must be between {1} and {2} bytes")]
    public int BlockSize { get; set; } = AzureBlob.AzureBlobStore.DefaultBlockSize;

    internal IEnumerable<ValidationResult> ValidateConnection()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield break;
        }

        string? problem = null;
        try
        {
            // Parsing needs no network; doing it here makes a typo fail at start, not at the first upload.
            _ = new BlobServiceClient(ConnectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult(
                $"{StorageOptions.SectionName}:AzureBlob:{nameof(ConnectionString)} is not a valid Azure Storage connection string ({problem}).",
                [$"AzureBlob.{nameof(ConnectionString)}"]);
        }
    }
}
