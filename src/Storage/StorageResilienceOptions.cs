using System.ComponentModel.DataAnnotations;

namespace ContestPlatform.Storage;

/// <summary>
/// Timeouts, retries and circuit breaking around every storage call (<c>Storage:Resilience</c>);
/// see <see cref="Resilience.StorageResilience"/>. The ranges are the ones Polly accepts.
/// </summary>
public sealed class StorageResilienceOptions
{
    /// <summary>The longest any call other than a write may take, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a write may take, retries included; large media on a slow uplink takes long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Retries after a transient failure; 0 turns retrying off.</summary>
    [Range(0, 10, ErrorMessage = "must be between {1} and {2}")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; each further retry waits about twice as long, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The share of failed calls within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0, ErrorMessage = "must be between {1} and {2}")]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many calls the sampling window needs before the circuit may open.</summary>
    [Range(2, int.MaxValue, ErrorMessage = "must be at least {1}")]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which failures are counted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before letting one through to test the provider.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
