using ContestPlatform.Storage.FileSystem;
using ContestPlatform.Storage.Tests.Support;

namespace ContestPlatform.Storage.Tests.FileSystem;

public sealed class FileSystemBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = new FileSystemBlobStore(_root.Path);

    protected override IBlobStore Store => _store;

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Blob_is_a_plain_file_at_its_key_under_the_root()
    {
        await _store.WriteAsync("contests/1/logo.png", new MemoryStream([1, 2, 3]), "image/png");

        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(_root.Path, "contests", "1", "logo.png")));
    }

    [Fact]
    public async Task Failed_write_leaves_no_temporary_file()
    {
        var source = new GeneratedStream(2 * 1024 * 1024, triggerAt: 1024 * 1024, () => throw new SourceStreamFailure());

        await Assert.ThrowsAsync<SourceStreamFailure>(() => _store.WriteAsync("a.bin", source, "text/plain", new Dictionary<string, string> { ["a"] = "b" }));

        Assert.Equal([".tmp"], Directory.EnumerateFileSystemEntries(_root.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Successful_write_leaves_only_the_blob_and_its_sidecar()
    {
        await _store.WriteAsync("a/b.bin", new MemoryStream([1]));

        var files = Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_root.Path, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["a/.b.bin.meta.json", "a/b.bin"], files);
    }

    [Fact]
    public async Task Files_that_no_key_could_name_are_not_listed()
    {
        await _store.WriteAsync("a/kept.txt", new MemoryStream([1]));
        File.WriteAllText(Path.Combine(_root.Path, "a", ".hidden"), "x");
        File.WriteAllText(Path.Combine(_root.Path, "a", "odd:name"), "x");
        Directory.CreateDirectory(Path.Combine(_root.Path, ".git"));
        File.WriteAllText(Path.Combine(_root.Path, ".git", "config"), "x");

        Assert.Equal(["a/kept.txt"], (await ListAsync("")).Select(b => b.Key));
    }

    [Fact]
    public async Task Blob_without_a_sidecar_reads_with_default_properties()
    {
        await File.WriteAllBytesAsync(Path.Combine(_root.Path, "copied-in.bin"), [1, 2]);

        var info = await _store.GetInfoAsync("copied-in.bin");

        Assert.Equal(2, info?.Size);
        Assert.Equal("application/octet-stream", info?.ContentType);
    }

    [Fact]
    public void Stale_temporary_files_are_removed_when_a_store_opens()
    {
        var temp = Path.Combine(_root.Path, ".tmp");
        File.WriteAllText(Path.Combine(temp, "stale.blob"), "left by a killed process");
        File.WriteAllText(Path.Combine(temp, "fresh.blob"), "a write in progress elsewhere");
        File.SetLastWriteTimeUtc(Path.Combine(temp, "stale.blob"), TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2));

        _ = new FileSystemBlobStore(_root.Path);

        Assert.Equal(["fresh.blob"], Directory.EnumerateFiles(temp).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Key_of_an_existing_folder_is_not_a_blob()
    {
        await _store.WriteAsync("a/b.txt", new MemoryStream([1]));

        Assert.Null(await _store.OpenReadAsync("a"));
        Assert.Null(await _store.GetInfoAsync("a"));
        Assert.False(await _store.DeleteAsync("a"));
    }
}
