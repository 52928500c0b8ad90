using System.ComponentModel.DataAnnotations;
using Azure.Storage.Blobs;
using ContestPlatform.Storage.Tests.AzureBlob;
using ContestPlatform.Storage.Tests.Support;

namespace ContestPlatform.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobStoreFactoryTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempDirectory _dataDirectory = new();

    private string DefaultRoot => Path.Combine(_dataDirectory.Path, "blobs");

    public void Dispose() => _dataDirectory.Dispose();

    [Fact]
    public async Task FileSystem_is_the_default_provider_and_stores_under_the_hosts_folder()
    {
        var store = BlobStoreFactory.Create(new StorageOptions(), DefaultRoot);

        await store.WriteAsync("contests/1/logo.png", new MemoryStream([1, 2]));

        Assert.True(File.Exists(Path.Combine(DefaultRoot, "contests", "1", "logo.png")));
    }

    [Fact]
    public async Task FileSystem_root_setting_overrides_the_hosts_folder()
    {
        var root = Path.Combine(_dataDirectory.Path, "elsewhere");
        var store = BlobStoreFactory.Create(new StorageOptions { FileSystem = { Root = root } }, DefaultRoot);

        await store.WriteAsync("a.txt", new MemoryStream([1]));

        Assert.True(File.Exists(Path.Combine(root, "a.txt")));
        Assert.False(Directory.Exists(DefaultRoot));
    }

    [Fact]
    public async Task AzureBlob_provider_stores_in_the_configured_container()
    {
        var container = AzuriteFixture.NewContainerName();
        var options = new StorageOptions
        {
            Provider = "azureblob",
            AzureBlob = { ConnectionString = azurite.ConnectionString, Container = container },
        };
        var store = BlobStoreFactory.Create(options, DefaultRoot);

        await store.WriteAsync("contests/1/logo.png", new MemoryStream([1, 2]), "image/png");

        var blob = new BlobContainerClient(azurite.ConnectionString, container).GetBlobClient("contests/1/logo.png");
        Assert.Equal("image/png", (await blob.GetPropertiesAsync()).Value.ContentType);
        Assert.False(Directory.Exists(DefaultRoot));
    }

    [Fact]
    public void AzureBlob_without_a_connection_string_is_refused()
    {
        var refusal = Assert.Throws<ValidationException>(() =>
            BlobStoreFactory.Create(new StorageOptions { Provider = StorageProviders.AzureBlob }, DefaultRoot));

        Assert.Contains("Storage:AzureBlob:ConnectionString is required when Storage:Provider is AzureBlob", refusal.Message);
    }

    [Fact]
    public void Malformed_connection_string_is_refused()
    {
        var options = new StorageOptions { Provider = StorageProviders.AzureBlob, AzureBlob = { ConnectionString = "not a connection string" } };

        var refusal = Assert.Throws<ValidationException>(() => BlobStoreFactory.Create(options, DefaultRoot));

        Assert.Contains("Storage:AzureBlob:ConnectionString is not a valid Azure Storage connection string", refusal.Message);
    }

    [Fact]
    public void Unknown_provider_is_refused_with_the_accepted_names()
    {
        var refusal = Assert.Throws<ValidationException>(() =>
            BlobStoreFactory.Create(new StorageOptions { Provider = "S3" }, DefaultRoot));

        Assert.Contains("Storage:Provider \"S3\" is not supported; use FileSystem or AzureBlob", refusal.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new StorageOptions
        {
            Provider = StorageProviders.AzureBlob,
            AzureBlob = { ConnectionString = azurite.ConnectionString, Container = "Not_Valid" },
            Resilience = { MaxRetryAttempts = -1, CircuitBreakerBreakDuration = TimeSpan.Zero },
        };

        var refusal = Assert.Throws<ValidationException>(() => BlobStoreFactory.Create(options, DefaultRoot));

        Assert.Contains("Storage:AzureBlob:Container must be 3–63 lower-case letters", refusal.Message);
        Assert.Contains("Storage:Resilience:MaxRetryAttempts must be between 0 and 10", refusal.Message);
        Assert.Contains("Storage:Resilience:CircuitBreakerBreakDuration must be between", refusal.Message);
    }

    [Fact]
    public void Azure_settings_are_ignored_while_the_provider_is_FileSystem()
    {
        var options = new StorageOptions { AzureBlob = { ConnectionString = null, Container = "" } };

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}
