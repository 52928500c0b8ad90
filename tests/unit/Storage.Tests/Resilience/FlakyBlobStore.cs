using System.Runtime.CompilerServices;

namespace ContestPlatform.Storage.Tests.Resilience;

/// <summary>
/// A stand-in store whose next <see cref="FailuresLeft"/> calls throw a <see cref="StorageException"/>
/// and whose later calls succeed; it counts the calls that reached it.
/// </summary>
internal sealed class FlakyBlobStore : IBlobStore
{
    public int Calls { get; private set; }
    public int FailuresLeft { get; set; }
    public bool Transient { get; set; } = true;

    /// <summary>How long each call takes (it honours cancellation).</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>The content of every write attempt, as far as it read it.</summary>
    public List<byte[]> WriteAttempts { get; } = [];

    public string[] Keys { get; set; } = ["a", "b", "c"];

    /// <summary>When set, the next listing fails after handing out this many items.</summary>
    public int? ListingBreaksAfter { get; set; }

    public async Task<BlobInfo> WriteAsync(
        string key,
        Stream content,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        // Like a real upload, the content is consumed before the failure shows.
        var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        WriteAttempts.Add(copy.ToArray());
        await CallAsync(cancellationToken);
        return new BlobInfo(key, copy.Length, contentType ?? "application/octet-stream", new Dictionary<string, string>(), default);
    }

    public async Task<Stream?> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        await CallAsync(cancellationToken);
        return null;
    }

    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        await CallAsync(cancellationToken);
        return null;
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        await CallAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await CallAsync(cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<BlobListItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await CallAsync(cancellationToken);
        for (var i = 0; i < Keys.Length; i++)
        {
            if (ListingBreaksAfter == i)
            {
                ListingBreaksAfter = null;
                throw new StorageException("The fake listing broke.", Transient);
            }

            yield return new BlobListItem(Keys[i], 1);
        }
    }

    private async Task CallAsync(CancellationToken cancellationToken)
    {
        Calls++;
        if (Duration > TimeSpan.Zero)
        {
            await Task.Delay(Duration, cancellationToken);
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new StorageException("The fake store failed.", Transient);
        }
    }
}
