namespace ContestPlatform.Storage.Tests.Resilience;

/// <summary>A clock that moves only when told, so a circuit breaker's break can pass without waiting for it.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
