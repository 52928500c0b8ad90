using System.Threading.Channels;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>
/// Wakes an idle media worker at once instead of at its next poll. Call <see cref="Notify"/> after saving a
/// new <see cref="MediaJob"/>; calling it when nothing is waiting, or many times, is harmless.
/// </summary>
public sealed class MediaJobSignal
{
    // One pending wake-up is enough: a woken worker keeps claiming jobs until none is left.
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits for <see cref="Notify"/> or until <paramref name="timeout"/> (wall-clock time) has passed.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval elapsed.
        }
    }
}
