using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Awards.Ceremony;

/// <summary>
/// <c>GET /le-trao-giai/su-kien</c>: Server-Sent Events for the audience screens. On connect the current state,
/// then every change as it happens, and a comment line as a heartbeat so proxies keep the connection open. Each
/// event is flushed on its own; the browser's EventSource reconnects by itself (after <c>retry</c> ms).
/// </summary>
public static class CeremonyEvents
{
    public const string Path = "/le-trao-giai/su-kien";

    private static readonly byte[] Retry = Encoding.UTF8.GetBytes("retry: 3000\n\n");
    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": nhip\n\n");

    public static async Task StreamAsync(HttpContext context, CeremonyBroadcaster broadcaster, IOptions<CeremonyOptions> options, TimeProvider time,
        IHostApplicationLifetime lifetime)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        // EventSource always asks for text/event-stream. Anything else (a crawler, a link opened by hand) would
        // hold a connection open for nothing: it gets a short answer instead.
        if (!context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status406NotAcceptable;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("Địa chỉ này dành cho màn hình khán giả của Lễ trao giải (/le-trao-giai).", context.RequestAborted);
            return;
        }
        using var screen = broadcaster.Connect(options.Value.MaxScreens);
        if (screen is null)
        {
            // EventSource gives up on a non-200 answer; the page's script tries again later by itself.
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "10";
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("Quá nhiều màn hình đang kết nối. Vui lòng thử lại sau ít phút.", context.RequestAborted);
            return;
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers["X-Accel-Buffering"] = "no";
        // A stream also ends when the site stops: a restart during the ceremony would otherwise wait the whole
        // shutdown timeout (30 s) for the screens to let go, and they reconnect to the new process by themselves.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var aborted = ended.Token;
        var heartbeat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        try
        {
            await response.Body.WriteAsync(Retry, aborted);
            var sent = await broadcaster.CurrentAsync(aborted);
            await WriteAsync(response, sent.Frame, aborted);
            while (!aborted.IsCancellationRequested)
            {
                using var beat = new CancellationTokenSource(heartbeat, time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted, beat.Token);
                try
                {
                    if (!await screen.Changes.WaitToReadAsync(wait.Token))
                        break;
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await WriteAsync(response, Heartbeat, aborted);
                    continue;
                }
                while (screen.Changes.TryRead(out var snapshot))
                {
                    // The first state may already be newer than a change queued while connecting.
                    if (snapshot.Version <= sent.Version)
                        continue;
                    await WriteAsync(response, snapshot.Frame, aborted);
                    sent = snapshot;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The screen went away (closed tab, projector off, network): nothing to do but let go of it.
        }
    }

    private static async Task WriteAsync(HttpResponse response, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(frame, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
