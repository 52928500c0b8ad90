namespace ContestPlatform.Storage;

/// <summary>The names accepted in <see cref="StorageOptions.Provider"/>.</summary>
public static class StorageProviders
{
    /// <summary>Files in a local directory (<see cref="FileSystem.FileSystemBlobStore"/>).</summary>
    public const string FileSystem = "FileSystem";

    /// <summary>An Azure Blob Storage container (<see cref="AzureBlob.AzureBlobStore"/>).</summary>
    public const string AzureBlob = "AzureBlob";
}
