using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ContestPlatform.Storage.Resilience;

/// <summary>Builds the resilience pipeline that <see cref="ResilientBlobStore"/> runs every storage call through.</summary>
public static class StorageResilience
{
    /// <summary>Set by <see cref="ResilientBlobStore"/> on calls that must not be retried (non-seekable writes).</summary>
    internal static readonly ResiliencePropertyKey<bool> NotRetryable = new("ContestPlatform.Storage.NotRetryable");

    /// <summary>Set by <see cref="ResilientBlobStore"/> on writes, which get the longer write timeout.</summary>
    internal static readonly ResiliencePropertyKey<bool> IsWrite = new("ContestPlatform.Storage.IsWrite");

    /// <summary>
    /// Builds, from outside in: a total timeout (<see cref="StorageResilienceOptions.Timeout"/>, or
    /// <see cref="StorageResilienceOptions.WriteTimeout"/> for writes) that covers all attempts; retries with
    /// exponential backoff and jitter of transient <see cref="StorageException"/>s only; a circuit breaker
    /// that, after many transient failures, fails calls at once for a while instead of piling them onto a
    /// provider that is down.
    /// </summary>
    /// <param name="options">The knobs; validate them first (Polly throws on out-of-range values).</param>
    /// <param name="timeProvider">The clock for delays, timeouts and the breaker; the system clock when omitted.</param>
    public static ResiliencePipeline CreatePipeline(StorageResilienceOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(
                args.Context.Properties.GetValue(IsWrite, false) ? options.WriteTimeout : options.Timeout),
        });

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    IsTransientFailure(args.Outcome.Exception) && !args.Context.Properties.GetValue(NotRetryable, false)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        // Only transient failures say the provider is unwell; a refused key or credential does not.
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(IsTransientFailure(args.Outcome.Exception)),
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
        });

        return builder.Build();
    }

    private static bool IsTransientFailure(Exception? exception) => exception is StorageException { IsTransient: true };
}
