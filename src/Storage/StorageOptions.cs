using System.ComponentModel.DataAnnotations;

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
