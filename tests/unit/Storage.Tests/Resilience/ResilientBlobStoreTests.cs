using ContestPlatform.Storage.Resilience;
using ContestPlatform.Storage.Tests.Support;

namespace ContestPlatform.Storage.Tests.Resilience;

public sealed class ResilientBlobStoreTests
{
    private readonly FlakyBlobStore _inner = new();
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task Transient_failures_are_retried_until_a_call_succeeds()
    {
        _inner.FailuresLeft = 2;

        Assert.True(await Resilient().ExistsAsync("a"));

        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task Retrying_stops_after_the_configured_attempts()
    {
        _inner.FailuresLeft = 10;

        var failure = await Assert.ThrowsAsync<StorageException>(() => Resilient(o => o.MaxRetryAttempts = 2).ExistsAsync("a"));

        Assert.Equal("The fake store failed.", failure.Message);
        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task Permanent_failures_are_not_retried()
    {
        _inner.FailuresLeft = 1;
        _inner.Transient = false;

        await Assert.ThrowsAsync<StorageException>(() => Resilient().DeleteAsync("a"));

        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task Seekable_write_is_retried_from_where_the_stream_started()
    {
        _inner.FailuresLeft = 1;
        var content = new MemoryStream("skip:payload"u8.ToArray()) { Position = 5 };

        var info = await Resilient().WriteAsync("a", content);

        Assert.Equal(7, info.Size);
        Assert.Equal(["payload"u8.ToArray(), "payload"u8.ToArray()], _inner.WriteAttempts);
    }

    [Fact]
    public async Task Non_seekable_write_is_tried_once_because_its_bytes_are_gone()
    {
        _inner.FailuresLeft = 1;

        var failure = await Assert.ThrowsAsync<StorageException>(() =>
            Resilient().WriteAsync("a", new NonSeekableStream(new MemoryStream("payload"u8.ToArray()))));

        Assert.True(failure.IsTransient);
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task Slow_call_times_out_as_a_transient_storage_failure()
    {
        _inner.Duration = TimeSpan.FromSeconds(30);

        var failure = await Assert.ThrowsAsync<StorageException>(() =>
            Resilient(o => o.Timeout = TimeSpan.FromMilliseconds(100)).GetInfoAsync("photos/1.jpg"));

        Assert.True(failure.IsTransient);
        Assert.Equal("photos/1.jpg", failure.Key);
        Assert.Contains("timed out", failure.Message);
    }

    [Fact]
    public async Task Writes_get_the_longer_write_timeout()
    {
        _inner.Duration = TimeSpan.FromMilliseconds(300);
        var store = Resilient(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(50);
            o.WriteTimeout = TimeSpan.FromSeconds(10);
        });

        await store.WriteAsync("a", new MemoryStream([1]));
        await Assert.ThrowsAsync<StorageException>(() => store.ExistsAsync("a"));
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_transient_failures_and_then_fails_fast()
    {
        _inner.FailuresLeft = 2;
        var store = Resilient(BreakAfterTwoFailures);
        await Assert.ThrowsAsync<StorageException>(() => store.ExistsAsync("a"));
        await Assert.ThrowsAsync<StorageException>(() => store.ExistsAsync("a"));

        var refused = await Assert.ThrowsAsync<StorageException>(() => store.ExistsAsync("a"));

        Assert.True(refused.IsTransient);
        Assert.Contains("failed repeatedly", refused.Message);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Circuit_lets_a_call_through_once_the_break_is_over()
    {
        _inner.FailuresLeft = 2;
        var store = Resilient(BreakAfterTwoFailures);
        await Assert.ThrowsAsync<StorageException>(() => store.ExistsAsync("a"));
        await Assert.ThrowsAsync<StorageException>(() => store.ExistsAsync("a"));

        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.True(await store.ExistsAsync("a"));
        Assert.True(await store.ExistsAsync("a"));
        Assert.Equal(4, _inner.Calls);
    }

    [Fact]
    public async Task Permanent_failures_do_not_open_the_circuit()
    {
        _inner.FailuresLeft = 5;
        _inner.Transient = false;
        var store = Resilient(BreakAfterTwoFailures);
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<StorageException>(() => store.ExistsAsync("a"));
        }

        Assert.True(await store.ExistsAsync("a"));
        Assert.Equal(6, _inner.Calls);
    }

    [Fact]
    public async Task Listing_that_fails_before_its_first_item_is_started_again()
    {
        _inner.FailuresLeft = 1;

        Assert.Equal(["a", "b", "c"], await ListKeysAsync(Resilient()));
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Listing_that_breaks_midway_fails_instead_of_repeating_items()
    {
        _inner.ListingBreaksAfter = 1;
        var seen = new List<string>();

        await Assert.ThrowsAsync<StorageException>(async () =>
        {
            await foreach (var item in Resilient().ListAsync(""))
            {
                seen.Add(item.Key);
            }
        });

        Assert.Equal(["a"], seen);
    }

    [Fact]
    public async Task Slow_listing_times_out()
    {
        _inner.Duration = TimeSpan.FromSeconds(30);

        var failure = await Assert.ThrowsAsync<StorageException>(() => ListKeysAsync(Resilient(o => o.Timeout = TimeSpan.FromMilliseconds(100))));

        Assert.Contains("timed out", failure.Message);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_storage_failure()
    {
        _inner.Duration = TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Resilient().ExistsAsync("a", cancellation.Token));
    }

    private static void BreakAfterTwoFailures(StorageResilienceOptions options)
    {
        options.MaxRetryAttempts = 0;
        options.CircuitBreakerMinimumThroughput = 2;
        options.CircuitBreakerFailureRatio = 0.5;
        options.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(10);
    }

    private ResilientBlobStore Resilient(Action<StorageResilienceOptions>? configure = null)
    {
        // No backoff delay: the tests are about which calls are retried, not how long they wait.
        var options = new StorageResilienceOptions { RetryBaseDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        return new ResilientBlobStore(_inner, StorageResilience.CreatePipeline(options, _clock));
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
