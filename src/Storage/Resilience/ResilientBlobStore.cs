using System.Runtime.CompilerServices;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ContestPlatform.Storage.Resilience;

/// <summary>
/// Runs every call of another store through a resilience pipeline built by
/// <see cref="StorageResilience.CreatePipeline"/>: timeout, retries of transient failures, circuit breaker.
/// </summary>
/// <remarks>
/// <para>
/// <b>Writes</b> are retried only when the content stream is seekable: it is rewound to where it
/// started before each retry. A non-seekable stream (an HTTP request body) has been partly consumed by
/// the failed attempt and can't be sent again, so such a write is tried once; the caller gets the
/// transient <see cref="StorageException"/> and may start over with a fresh stream.
/// </para>
/// <para>
/// <b>Reads</b>: the pipeline covers opening the stream, not reading from it later.
/// <b>Listings</b>: the pipeline covers getting the first item, and restarts the listing on a transient
/// failure until then. Later items come straight from the provider (within its own network timeout);
/// a listing that breaks midway can't be resumed without repeating items, so that failure is thrown.
/// </para>
/// <para>
/// A timeout or an open circuit is thrown as a transient <see cref="StorageException"/>, like any other
/// provider failure.
/// </para>
/// </remarks>
public sealed class ResilientBlobStore(IBlobStore inner, ResiliencePipeline pipeline) : IBlobStore
{
    private readonly IBlobStore _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly ResiliencePipeline _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

    /// <inheritdoc />
    public Task<BlobInfo> WriteAsync(
        string key,
        Stream content,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        BlobKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        var rewindable = content.CanSeek;
        var start = rewindable ? content.Position : 0;
        var attempt = 0;
        return RunAsync("write", key, isWrite: true, retryable: rewindable, async token =>
        {
            if (++attempt > 1)
            {
                // Guards against a pipeline from elsewhere that ignores StorageResilience.NotRetryable.
                if (!rewindable)
                {
                    throw new InvalidOperationException(
                        "The resilience pipeline retried a write of a non-seekable stream; build it with StorageResilience.CreatePipeline.");
                }

                content.Position = start;
            }

            return await _inner.WriteAsync(key, content, contentType, metadata, token).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default) =>
        RunAsync("read", BlobKey.Validate(key), isWrite: false, retryable: true, token => _inner.OpenReadAsync(key, range, token), cancellationToken);

    /// <inheritdoc />
    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default) =>
        RunAsync("read of the properties", BlobKey.Validate(key), isWrite: false, retryable: true, token => _inner.GetInfoAsync(key, token), cancellationToken);

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        RunAsync("existence check", BlobKey.Validate(key), isWrite: false, retryable: true, token => _inner.ExistsAsync(key, token), cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        RunAsync("delete", BlobKey.Validate(key), isWrite: false, retryable: true, token => _inner.DeleteAsync(key, token), cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobListItem> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);

        // The enumeration outlives the pipeline execution that starts it, so it gets a token of its own,
        // which that execution's timeout cancels through a registration (the pipeline's token is pooled).
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        IAsyncEnumerator<BlobListItem>? items = null;
        try
        {
            var found = await RunAsync("list", prefix, isWrite: false, retryable: true, async token =>
            {
                // Each attempt starts the listing afresh: nothing has been handed to the caller yet.
                if (items is not null)
                {
                    await items.DisposeAsync().ConfigureAwait(false);
                }

                items = _inner.ListAsync(prefix, listing.Token).GetAsyncEnumerator(listing.Token);
                await using var cancelListing = token.Register(static state => ((CancellationTokenSource)state!).Cancel(), listing);
                return await items.MoveNextAsync().ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

            // Later items come straight from the provider: each one through the pipeline would count as a
            // success in the breaker's statistics and drown real failures in a long listing.
            while (found)
            {
                yield return items!.Current;
                found = await items.MoveNextAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (items is not null)
            {
                await items.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // Keys are validated before the pipeline, so that refusals are neither retried nor counted by the breaker.
    private async Task<T> RunAsync<T>(
        string operation, string key, bool isWrite, bool retryable, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StorageResilience.IsWrite, isWrite);
        context.Properties.Set(StorageResilience.NotRetryable, !retryable);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (context, call) => await call(context.CancellationToken).ConfigureAwait(false), context, call)
                .ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new StorageException($"Storage {operation} of \"{key}\" timed out after {ex.Timeout}.", true, ex, key);
        }
        catch (BrokenCircuitException ex)
        {
            var retryAfter = ex.RetryAfter is { } wait ? $" for another {wait:g}" : "";
            throw new StorageException(
                $"Storage {operation} of \"{key}\" was not attempted: the storage provider failed repeatedly, so calls are refused{retryAfter}.",
                true, ex, key);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
