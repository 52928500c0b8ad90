using Azure.Storage.Blobs;
using ContestPlatform.Storage.AzureBlob;

namespace ContestPlatform.Storage.Tests.AzureBlob;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreTests : BlobStoreContract
{
    // Small blocks, so the contract's multi-megabyte writes are staged and committed in several blocks.
    private const int BlockSize = 1024 * 1024;

    private readonly AzuriteFixture _azurite;
    private readonly BlobContainerClient _container;

    public AzureBlobStoreTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _container = azurite.NewContainer();
        Store = new AzureBlobStore(_container, BlockSize);
    }

    protected override IBlobStore Store { get; }

    [Fact]
    public async Task Container_is_created_by_the_first_write()
    {
        Assert.False(await Store.ExistsAsync("a.txt"));
        Assert.Empty(await ListAsync(""));
        Assert.False(await Store.DeleteAsync("a.txt"));

        await Store.WriteAsync("a.txt", new MemoryStream([1]));

        Assert.True((await _container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Blob_written_in_blocks_is_one_block_blob_with_its_headers()
    {
        await Store.WriteAsync("big.bin", new MemoryStream(new byte[3 * BlockSize + 1]), "video/mp4", new Dictionary<string, string> { ["entry"] = "7" });

        var properties = (await _container.GetBlobClient("big.bin").GetPropertiesAsync()).Value;
        Assert.Equal(3 * BlockSize + 1, properties.ContentLength);
        Assert.Equal("video/mp4", properties.ContentType);
        Assert.Equal("7", properties.Metadata["entry"]);
    }

    [Fact]
    public async Task Refused_credentials_are_a_permanent_storage_failure()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connectionString = _azurite.ConnectionString.Replace(
            _azurite.ConnectionString.Split(';').Single(part => part.StartsWith("AccountKey=", StringComparison.Ordinal)),
            "AccountKey=" + wrongKey);
        var store = new AzureBlobStore(AzureBlobStore.CreateContainerClient(connectionString, AzuriteFixture.NewContainerName(), TimeSpan.FromSeconds(10)));

        var failure = await Assert.ThrowsAsync<StorageException>(() => store.WriteAsync("a.txt", new MemoryStream([1])));

        Assert.False(failure.IsTransient);
        Assert.Contains("403", failure.Message);
    }
}
