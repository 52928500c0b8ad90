using ContestPlatform.Storage.Tests.Support;

namespace ContestPlatform.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IBlobStore"/> promises. Each provider's test class derives from this
/// and supplies a fresh, empty store per test.
/// </summary>
public abstract class BlobStoreContract
{
    // Not a multiple of any block or buffer size, so the last chunk of a write is a short one.
    private const int MultiMegabyte = 5 * 1024 * 1024 + 123;

    protected abstract IBlobStore Store { get; }

    public static TheoryData<string> HostileKeyCases => [.. HostileKeys.Keys];

    private static readonly Dictionary<string, string> HostileKeys = new()
    {
        ["parent folder"] = "../x",
        ["absolute"] = "/abs",
        ["backslash"] = "a\\b",
        ["climbing out midway"] = "a/../../b",
        ["NUL character"] = "a\0b",
        ["line break"] = "a\nb",
        ["600 characters"] = new string('k', 600),
        ["empty"] = "",
        ["empty segment"] = "a//b",
        ["current folder segment"] = "a/./b",
        ["trailing slash"] = "a/",
        ["store's own folder"] = ".tmp/x",
        ["drive letter"] = "c:/x",
    };

    [Fact]
    public async Task Written_blob_reads_back_byte_for_byte()
    {
        var data = TestBytes.Random(MultiMegabyte);

        var info = await Store.WriteAsync("media/video.bin", new NonSeekableStream(new MemoryStream(data)));

        Assert.Equal(data.Length, info.Size);
        Assert.Equal(data, await TestBytes.ReadAllAsync(await Store.OpenReadAsync("media/video.bin")));
    }

    [Fact]
    public async Task Empty_blob_is_written_and_read_back()
    {
        var info = await Store.WriteAsync("empty.txt", new MemoryStream());

        Assert.Equal(0, info.Size);
        Assert.Empty(await TestBytes.ReadAllAsync(await Store.OpenReadAsync("empty.txt")));
    }

    [Fact]
    public async Task Write_stores_the_stream_from_its_current_position()
    {
        var content = new MemoryStream("skip:kept"u8.ToArray()) { Position = 5 };

        await Store.WriteAsync("partial.txt", content);

        Assert.Equal("kept"u8.ToArray(), await TestBytes.ReadAllAsync(await Store.OpenReadAsync("partial.txt")));
    }

    [Fact]
    public async Task Range_reads_only_the_requested_bytes()
    {
        var data = TestBytes.Random(MultiMegabyte);
        await Store.WriteAsync("media/video.bin", new MemoryStream(data));

        var read = await TestBytes.ReadAllAsync(await Store.OpenReadAsync("media/video.bin", new BlobRange(1_000_000, 70_000)));

        Assert.Equal(data.AsSpan(1_000_000, 70_000).ToArray(), read);
    }

    [Fact]
    public async Task Range_without_a_length_reads_to_the_end()
    {
        await Store.WriteAsync("a.txt", new MemoryStream("0123456789"u8.ToArray()));

        var read = await TestBytes.ReadAllAsync(await Store.OpenReadAsync("a.txt", new BlobRange(6)));

        Assert.Equal("6789"u8.ToArray(), read);
    }

    [Fact]
    public async Task Range_running_past_the_end_stops_at_the_end()
    {
        await Store.WriteAsync("a.txt", new MemoryStream("0123456789"u8.ToArray()));

        var read = await TestBytes.ReadAllAsync(await Store.OpenReadAsync("a.txt", new BlobRange(8, 100)));

        Assert.Equal("89"u8.ToArray(), read);
    }

    [Theory]
    [InlineData(10L, null)]
    [InlineData(10L, 5L)]
    [InlineData(1000L, 5L)]
    public async Task Range_starting_at_or_past_the_end_is_empty(long offset, long? length)
    {
        await Store.WriteAsync("a.txt", new MemoryStream("0123456789"u8.ToArray()));

        var read = await TestBytes.ReadAllAsync(await Store.OpenReadAsync("a.txt", new BlobRange(offset, length)));

        Assert.Empty(read);
    }

    [Fact]
    public async Task Zero_length_range_is_empty()
    {
        await Store.WriteAsync("a.txt", new MemoryStream("0123456789"u8.ToArray()));

        Assert.Empty(await TestBytes.ReadAllAsync(await Store.OpenReadAsync("a.txt", new BlobRange(3, 0))));
    }

    [Fact]
    public async Task Range_of_an_empty_blob_is_empty()
    {
        await Store.WriteAsync("empty.txt", new MemoryStream());

        Assert.Empty(await TestBytes.ReadAllAsync(await Store.OpenReadAsync("empty.txt", new BlobRange(0, 10))));
    }

    [Fact]
    public async Task Missing_blob_reads_as_null_whole_or_in_part()
    {
        Assert.Null(await Store.OpenReadAsync("missing.txt"));
        Assert.Null(await Store.OpenReadAsync("missing.txt", new BlobRange(5, 10)));
        Assert.Null(await Store.OpenReadAsync("missing.txt", new BlobRange(0, 0)));
        Assert.Null(await Store.OpenReadAsync("no/such/folder/missing.txt"));
    }

    [Fact]
    public async Task Content_type_and_metadata_are_kept_with_the_blob()
    {
        var before = TimeProvider.System.GetUtcNow();
        var metadata = new Dictionary<string, string> { ["original_name"] = "Sunset%20photo.jpg", ["entry_id"] = "42" };

        var written = await Store.WriteAsync("photos/1.jpg", new MemoryStream(new byte[1234]), "image/jpeg", metadata);
        var info = await Store.GetInfoAsync("photos/1.jpg");

        Assert.NotNull(info);
        foreach (var blob in new[] { written, info })
        {
            Assert.Equal("photos/1.jpg", blob.Key);
            Assert.Equal(1234, blob.Size);
            Assert.Equal("image/jpeg", blob.ContentType);
            Assert.Equal(metadata.OrderBy(p => p.Key), blob.Metadata.OrderBy(p => p.Key));
            Assert.InRange(blob.LastModified, before.AddMinutes(-1), TimeProvider.System.GetUtcNow().AddMinutes(1));
        }
    }

    [Fact]
    public async Task Content_type_defaults_to_octet_stream_and_metadata_to_none()
    {
        await Store.WriteAsync("plain.bin", new MemoryStream([1, 2, 3]));

        var info = await Store.GetInfoAsync("plain.bin");

        Assert.NotNull(info);
        Assert.Equal("application/octet-stream", info.ContentType);
        Assert.Empty(info.Metadata);
    }

    [Fact]
    public async Task Missing_blob_has_no_info()
    {
        Assert.Null(await Store.GetInfoAsync("missing.txt"));
    }

    [Fact]
    public async Task Overwrite_replaces_content_and_properties()
    {
        await Store.WriteAsync("doc.txt", new MemoryStream("first version"u8.ToArray()), "text/plain", new Dictionary<string, string> { ["version"] = "1" });

        await Store.WriteAsync("doc.txt", new MemoryStream("second"u8.ToArray()), "text/markdown", new Dictionary<string, string> { ["author"] = "jo" });

        Assert.Equal("second"u8.ToArray(), await TestBytes.ReadAllAsync(await Store.OpenReadAsync("doc.txt")));
        var info = await Store.GetInfoAsync("doc.txt");
        Assert.NotNull(info);
        Assert.Equal(6, info.Size);
        Assert.Equal("text/markdown", info.ContentType);
        Assert.Equal(new Dictionary<string, string> { ["author"] = "jo" }, info.Metadata);
    }

    [Fact]
    public async Task Exists_follows_writes_and_deletes()
    {
        Assert.False(await Store.ExistsAsync("a/b.txt"));

        await Store.WriteAsync("a/b.txt", new MemoryStream([1]));
        Assert.True(await Store.ExistsAsync("a/b.txt"));
        Assert.False(await Store.ExistsAsync("a"));

        await Store.DeleteAsync("a/b.txt");
        Assert.False(await Store.ExistsAsync("a/b.txt"));
    }

    [Fact]
    public async Task Delete_is_idempotent_and_tells_whether_it_deleted()
    {
        await Store.WriteAsync("a/b.txt", new MemoryStream([1]), "text/plain", new Dictionary<string, string> { ["x"] = "1" });

        Assert.True(await Store.DeleteAsync("a/b.txt"));
        Assert.False(await Store.DeleteAsync("a/b.txt"));
        Assert.False(await Store.DeleteAsync("never/written.txt"));
        Assert.Null(await Store.GetInfoAsync("a/b.txt"));
    }

    [Fact]
    public async Task List_finds_nested_keys_by_prefix_with_their_sizes()
    {
        string[] keys = ["a/1.txt", "a/b/22.txt", "a/b/c/333.txt", "ab/4444.txt", "z.txt"];
        foreach (var key in keys)
        {
            // Each blob is as long as its file name without the extension: sizes are told apart.
            var size = key.Split('/')[^1].Split('.')[0].Length;
            await Store.WriteAsync(key, new MemoryStream(new byte[size]), "text/plain", new Dictionary<string, string> { ["k"] = "v" });
        }

        Assert.Equal(
            [new("a/1.txt", 1), new("a/b/22.txt", 2), new("a/b/c/333.txt", 3)],
            await ListAsync("a/"));
        Assert.Equal(["a/1.txt", "a/b/22.txt", "a/b/c/333.txt", "ab/4444.txt"], (await ListAsync("a")).Select(b => b.Key));
        Assert.Equal(["a/b/22.txt", "a/b/c/333.txt"], (await ListAsync("a/b")).Select(b => b.Key));
        Assert.Equal(keys, (await ListAsync("")).Select(b => b.Key));
    }

    [Fact]
    public async Task List_of_an_unknown_prefix_is_empty()
    {
        await Store.WriteAsync("a/1.txt", new MemoryStream([1]));

        Assert.Empty(await ListAsync("b/"));
        Assert.Empty(await ListAsync("a/1.txt/"));
        Assert.Empty(await ListAsync("no/such/folder/"));
    }

    [Fact]
    public async Task List_shows_only_blobs_not_the_store_bookkeeping()
    {
        await Store.WriteAsync("kept.txt", new MemoryStream([1]), "text/plain", new Dictionary<string, string> { ["a"] = "b" });
        await Store.WriteAsync("deleted.txt", new MemoryStream([1]), "text/plain", new Dictionary<string, string> { ["a"] = "b" });
        await Store.DeleteAsync("deleted.txt");
        await Assert.ThrowsAsync<SourceStreamFailure>(() => Store.WriteAsync(
            "failed.txt", new GeneratedStream(2 * 1024 * 1024, 1024 * 1024, () => throw new SourceStreamFailure()), "text/plain"));

        Assert.Equal(["kept.txt"], (await ListAsync("")).Select(b => b.Key));
    }

    [Theory]
    [MemberData(nameof(HostileKeyCases))]
    public async Task Hostile_keys_are_refused_by_every_operation(string keyCase)
    {
        var key = HostileKeys[keyCase];

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.WriteAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.OpenReadAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetInfoAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ExistsAsync(key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteAsync(key));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/a")]
    [InlineData("a\\b")]
    [InlineData("a/../b")]
    [InlineData("a//")]
    public async Task Hostile_prefixes_are_refused(string prefix)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => ListAsync(prefix));
    }

    [Theory]
    [InlineData("Upper", "x")]
    [InlineData("with-dash", "x")]
    [InlineData("1st", "x")]
    [InlineData("name", "café")]
    [InlineData("name", "line\nbreak")]
    [InlineData("name", " padded ")]
    public async Task Metadata_that_not_every_provider_can_keep_is_refused(string name, string value)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Store.WriteAsync("a.txt", new MemoryStream([1]), metadata: new Dictionary<string, string> { [name] = value }));
        Assert.False(await Store.ExistsAsync("a.txt"));
    }

    [Fact]
    public async Task Failed_write_leaves_no_blob_and_the_next_write_works()
    {
        // The source fails after more than one upload block, so some blocks were already sent.
        var source = new GeneratedStream(8 * 1024 * 1024, triggerAt: 3 * 1024 * 1024 + 5, () => throw new SourceStreamFailure());

        await Assert.ThrowsAsync<SourceStreamFailure>(() => Store.WriteAsync("media/upload.bin", source));

        Assert.False(await Store.ExistsAsync("media/upload.bin"));
        Assert.Null(await Store.GetInfoAsync("media/upload.bin"));
        Assert.Null(await Store.OpenReadAsync("media/upload.bin"));
        Assert.Empty(await ListAsync(""));

        await Store.WriteAsync("media/upload.bin", new GeneratedStream(4 * 1024 * 1024));
        Assert.Equal(4 * 1024 * 1024, (await Store.GetInfoAsync("media/upload.bin"))?.Size);
    }

    [Fact]
    public async Task Failed_overwrite_keeps_the_previous_blob()
    {
        await Store.WriteAsync("doc.txt", new MemoryStream("previous"u8.ToArray()), "text/plain", new Dictionary<string, string> { ["v"] = "1" });
        var source = new GeneratedStream(3 * 1024 * 1024, triggerAt: 2 * 1024 * 1024, () => throw new SourceStreamFailure());

        await Assert.ThrowsAsync<SourceStreamFailure>(() => Store.WriteAsync("doc.txt", source, "application/pdf"));

        Assert.Equal("previous"u8.ToArray(), await TestBytes.ReadAllAsync(await Store.OpenReadAsync("doc.txt")));
        var info = await Store.GetInfoAsync("doc.txt");
        Assert.Equal("text/plain", info?.ContentType);
        Assert.Equal("1", info?.Metadata["v"]);
    }

    [Fact]
    public async Task Cancelled_write_leaves_no_blob()
    {
        using var cancellation = new CancellationTokenSource();
        var source = new GeneratedStream(4 * 1024 * 1024, triggerAt: 2 * 1024 * 1024 + 7, cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.WriteAsync("a.bin", source, cancellationToken: cancellation.Token));

        Assert.False(await Store.ExistsAsync("a.bin"));
        Assert.Empty(await ListAsync(""));
    }

    protected async Task<List<BlobListItem>> ListAsync(string prefix)
    {
        var items = new List<BlobListItem>();
        await foreach (var item in Store.ListAsync(prefix))
        {
            items.Add(item);
        }

        // The contract promises no order.
        return [.. items.OrderBy(i => i.Key, StringComparer.Ordinal)];
    }
}
