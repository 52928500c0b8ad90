using ContestPlatform.Storage.Tests.Support;

namespace ContestPlatform.Storage.Tests.AzureBlob;

/// <summary>
/// The emulator dies in the middle of an upload. It keeps its data in a folder (not in memory) so that,
/// once restarted, it can show what the crash left behind.
/// </summary>
public sealed class AzuriteCrashTests : IAsyncLifetime
{
    private const int UploadSize = 20 * 1024 * 1024;

    private readonly TempDirectory _data = new();
    private readonly TempDirectory _unusedRoot = new();
    private AzuriteProcess? _azurite;

    private AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        _data.Dispose();
        _unusedRoot.Dispose();
    }

    [Fact]
    public async Task Upload_cut_off_by_a_crash_fails_clearly_leaves_no_blob_and_works_after_restart()
    {
        var store = BlobStoreFactory.Create(
            new StorageOptions
            {
                Provider = StorageProviders.AzureBlob,
                AzureBlob = { ConnectionString = Azurite.ConnectionString, Container = "crash", BlockSize = 1024 * 1024 },
            },
            _unusedRoot.Path);
        await store.WriteAsync("witness.txt", new MemoryStream("written before the crash"u8.ToArray()));

        // A request body (not seekable) whose upload loses the service after 3 MB of 20 MB were staged.
        var upload = new GeneratedStream(UploadSize, triggerAt: 3 * 1024 * 1024, Azurite.Stop);
        var failure = await Assert.ThrowsAsync<StorageException>(() => store.WriteAsync("entries/7/video.mp4", upload, "video/mp4"));

        Assert.True(failure.IsTransient);
        Assert.Equal("entries/7/video.mp4", failure.Key);
        Assert.StartsWith("Azure blob write of \"entries/7/video.mp4\" failed: no response", failure.Message);

        await Azurite.RestartAsync();

        Assert.Equal("written before the crash"u8.ToArray(), await TestBytes.ReadAllAsync(await store.OpenReadAsync("witness.txt")));
        Assert.False(await store.ExistsAsync("entries/7/video.mp4"));
        Assert.Equal(["witness.txt"], await ListKeysAsync(store));

        var info = await store.WriteAsync("entries/7/video.mp4", new GeneratedStream(UploadSize), "video/mp4");
        Assert.Equal(UploadSize, info.Size);
        Assert.Equal(UploadSize, (await store.GetInfoAsync("entries/7/video.mp4"))?.Size);
    }

    private static async Task<List<string>> ListKeysAsync(IBlobStore store)
    {
        var keys = new List<string>();
        await foreach (var item in store.ListAsync(""))
        {
            keys.Add(item.Key);
        }

        return keys;
    }
}
