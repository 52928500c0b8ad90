using System.Security.Cryptography;
using ContestPlatform.Storage;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Processing;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Media.Processing;

/// <summary>
/// The app with its media pipeline: the background worker off (tests call <see cref="MediaProcessor.ProcessNextAsync"/>
/// themselves) unless asked for, and the blob store wrapped in a <see cref="FaultyBlobStore"/> the test can arm.
/// </summary>
public sealed class MediaTestSite : TestSite
{
    private int? _entryId;

    public MediaTestSite(bool worker = false, params (string Key, string Value)[] settings)
    {
        Settings["Media:Worker:Enabled"] = worker ? "true" : "false";
        foreach (var (key, value) in settings)
            Settings[key] = value;
    }

    public FaultyBlobStore Store => (FaultyBlobStore)Services.GetRequiredService<IBlobStore>();
    public MediaProcessor Processor => Services.GetRequiredService<MediaProcessor>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IBlobStore));
            services.Remove(real);
            services.AddSingleton<IBlobStore>(sp => new FaultyBlobStore(real.ImplementationFactory is { } factory
                ? (IBlobStore)factory(sp)
                : (IBlobStore)(real.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))));
        });
    }

    /// <summary>What the upload API does on a completed upload: the original stored once by hash, a Pending file and job.</summary>
    public async Task<int> AddMediaAsync(byte[] content, string contentType, MediaKind kind, bool storeOriginal = true)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var key = OriginalKey(sha);
        if (storeOriginal)
            await Store.Inner.WriteAsync(key, new MemoryStream(content), contentType);

        var now = Time.GetUtcNow().UtcDateTime;
        return await QueryAsync(async db =>
        {
            if (_entryId is null)
            {
                var entry = new Entry { OwnerId = "media-tests", Title = "Công trình thử nghiệm", CreatedAt = now, UpdatedAt = now };
                db.Entries.Add(entry);
                await db.SaveChangesAsync();
                _entryId = entry.Id;
            }
            var file = new MediaFile
            {
                EntryId = _entryId.Value, Kind = kind, Sha256 = sha, OriginalKey = key, Size = content.Length,
                ContentType = contentType, DisplayName = "tep-thu", UploadedAt = now, State = MediaState.Pending,
            };
            db.MediaFiles.Add(file);
            await db.SaveChangesAsync();
            db.MediaJobs.Add(new MediaJob { MediaFileId = file.Id, State = MediaState.Pending, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
            return file.Id;
        });
    }

    public static string OriginalKey(string sha) => $"media/originals/{sha[..2]}/{sha}";

    public Task<MediaFile> FileAsync(int id) => QueryAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(f => f.Id == id));

    public Task<MediaJob> JobAsync(int mediaFileId) => QueryAsync(db => db.MediaJobs.AsNoTracking().SingleAsync(j => j.MediaFileId == mediaFileId));

    public Task UpdateJobAsync(int mediaFileId, Action<MediaJob> change) => QueryAsync(async db =>
    {
        var job = await db.MediaJobs.SingleAsync(j => j.MediaFileId == mediaFileId);
        change(job);
        return await db.SaveChangesAsync();
    });

    /// <summary>A stored blob's bytes, or fails the test when it is missing.</summary>
    public async Task<byte[]> BlobAsync(string? key)
    {
        Assert.False(string.IsNullOrEmpty(key), "The derivative key is empty.");
        await using var stream = await Store.Inner.OpenReadAsync(key!);
        Assert.True(stream is not null, $"No blob at {key}.");
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A blob copied to a temporary file, for tools that need a path (ffprobe).</summary>
    public async Task<TempFile> BlobFileAsync(string? key)
    {
        var file = new TempFile();
        await File.WriteAllBytesAsync(file.Path, await BlobAsync(key));
        return file;
    }
}

public sealed class TempFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cp-media-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { }
    }
}

/// <summary>A blob store that records writes and fails the writes a test asks it to, like a storage outage.</summary>
public sealed class FaultyBlobStore(IBlobStore inner) : IBlobStore
{
    private int _failWrites;
    private readonly List<string> _writes = [];

    public IBlobStore Inner { get; } = inner;

    /// <summary>Keys written successfully, in order.</summary>
    public IReadOnlyList<string> Writes { get { lock (_writes) return [.. _writes]; } }

    /// <summary>The next <paramref name="count"/> writes under <c>media/derived/</c> throw a transient <see cref="StorageException"/>.</summary>
    public void FailDerivedWrites(int count) => Interlocked.Exchange(ref _failWrites, count);

    public async Task<BlobInfo> WriteAsync(string key, Stream content, string? contentType = null, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        if (key.StartsWith(DerivedKeys.Root + "/", StringComparison.Ordinal) && Interlocked.Decrement(ref _failWrites) >= 0)
            throw new StorageException($"Simulated outage writing {key}.", isTransient: true, key: key);
        var info = await Inner.WriteAsync(key, content, contentType, metadata, cancellationToken);
        lock (_writes) _writes.Add(key);
        return info;
    }

    public Task<Stream?> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default) => Inner.OpenReadAsync(key, range, cancellationToken);
    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default) => Inner.GetInfoAsync(key, cancellationToken);
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Inner.ExistsAsync(key, cancellationToken);
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => Inner.DeleteAsync(key, cancellationToken);
    public IAsyncEnumerable<BlobListItem> ListAsync(string prefix, CancellationToken cancellationToken = default) => Inner.ListAsync(prefix, cancellationToken);
}
