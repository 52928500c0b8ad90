using System.ComponentModel.DataAnnotations;
using Azure.Storage.Blobs;

namespace ContestPlatform.Storage;

/// <summary>
/// Where blobs are stored, bound from the <c>Storage</c> configuration section. Switching provider is a
/// configuration change only: <see cref="BlobStoreFactory.Create"/> builds the configured store.
/// </summary>
/// <remarks>
/// <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}?, bool)"/>
/// (and so <c>ValidateDataAnnotations()</c>) checks the nested sections too, through <see cref="Validate"/>.
/// </remarks>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>
    /// The provider: <see cref="StorageProviders.FileSystem"/> (the default) or
    /// <see cref="StorageProviders.AzureBlob"/>, matched ignoring case.
    /// </summary>
    public string Provider { get; set; } = StorageProviders.FileSystem;

    /// <summary>Settings of the <see cref="StorageProviders.FileSystem"/> provider.</summary>
    public FileSystemStorageOptions FileSystem { get; set; } = new();

    /// <summary>Settings of the <see cref="StorageProviders.AzureBlob"/> provider.</summary>
    public AzureBlobStorageOptions AzureBlob { get; set; } = new();

    /// <summary>Timeouts, retries and circuit breaking around every storage call.</summary>
    public StorageResilienceOptions Resilience { get; set; } = new();

    /// <summary>Whether <see cref="Provider"/> names <paramref name="provider"/>.</summary>
    public bool Uses(string provider) => string.Equals(Provider?.Trim(), provider, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uses(StorageProviders.FileSystem) && !Uses(StorageProviders.AzureBlob))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(Provider)} \"{Provider}\" is not supported; use {StorageProviders.FileSystem} or {StorageProviders.AzureBlob}.",
                [nameof(Provider)]);
        }

        foreach (var result in ValidateSection(nameof(Resilience), Resilience))
        {
            yield return result;
        }

        // Only the chosen provider's section matters: a FileSystem setup needs no Azure settings.
        if (Uses(StorageProviders.AzureBlob))
        {
            foreach (var result in ValidateSection(nameof(AzureBlob), AzureBlob))
            {
                yield return result;
            }

            foreach (var result in AzureBlob.ValidateConnection())
            {
                yield return result;
            }
        }
    }

    private static IEnumerable<ValidationResult> ValidateSection(string name, object? section)
    {
        if (section is null)
        {
            return [new ValidationResult($"{SectionName}:{name} is missing.", [name])];
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult(
            $"{SectionName}:{name}:{string.Join(",", r.MemberNames)} {r.ErrorMessage}",
            r.MemberNames.Select(member => $"{name}.{member}").ToArray()));
    }
}

/// <summary>The names accepted in <see cref="StorageOptions.Provider"/>.</summary>
public static class StorageProviders
{
    /// <summary>Files in a local directory (<see cref="FileSystem.FileSystemBlobStore"/>).</summary>
    public const string FileSystem = "FileSystem";

    /// <summary>An Azure Blob Storage container (<see cref="AzureBlob.AzureBlobStore"/>).</summary>
    public const string AzureBlob = "AzureBlob";
}

/// <summary>Settings of the file system provider (<c>Storage:FileSystem</c>).</summary>
public sealed class FileSystemStorageOptions
{
    /// <summary>
    /// The directory blobs are kept in; when empty, the directory the host passes to
    /// <see cref="BlobStoreFactory.Create"/> (a <c>blobs</c> folder in its data directory).
    /// </summary>
    public string? Root { get; set; }
}

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
