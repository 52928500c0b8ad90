using Azure.Storage.Blobs;
using ContestPlatform.Storage.AzureBlob;

namespace ContestPlatform.Storage.Tests.AzureBlob;

/// <summary>One in-memory Azurite for all tests of the <see cref="AzuriteCollection"/>; each test uses its own container.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => Azurite.ConnectionString;

    private AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A client for a container no other test uses (it is created by the first write).</summary>
    public BlobContainerClient NewContainer() =>
        AzureBlobStore.CreateContainerClient(ConnectionString, NewContainerName(), TimeSpan.FromSeconds(10));

    public static string NewContainerName() => "test-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
