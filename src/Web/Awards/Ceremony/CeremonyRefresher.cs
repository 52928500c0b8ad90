using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Awards.Ceremony;

/// <summary>
/// Re-reads the ceremony state now and then while screens are connected. Reveals and undos refresh the screens at
/// once; this catches what changes the state elsewhere, e.g. a proposal withdrawn on the awards page.
/// </summary>
internal sealed class CeremonyRefresher(CeremonyBroadcaster broadcaster, IOptions<CeremonyOptions> options, TimeProvider time,
    ILogger<CeremonyRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        try
        {
            // Build the state once at start: its queries compile now, not on the presenter's first click.
            try
            {
                await broadcaster.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not prepare the ceremony state at start");
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (broadcaster.ScreenCount == 0)
                    continue;
                try
                {
                    await broadcaster.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not refresh the ceremony state; the screens keep the last one");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
