using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.Channels;
using ContestPlatform.Web.Data;

namespace ContestPlatform.Web.Awards.Ceremony;

/// <summary>
/// The ceremony state at one moment, with the Server-Sent Events frame that carries it: serialised once and
/// written as the same bytes to every connected screen.
/// </summary>
public sealed record CeremonySnapshot(long Version, CeremonyState State, string Json, ReadOnlyMemory<byte> Frame);

/// <summary>
/// Tells the connected audience screens about a change. The state is computed once per change (one query) and
/// shared by all connections. Each screen has a mailbox of one: every event is the whole state, so a screen that
/// falls behind only ever needs the newest one.
/// </summary>
public sealed class CeremonyBroadcaster(IServiceScopeFactory scopes, ILogger<CeremonyBroadcaster> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese letters stay letters (a third of the bytes); <, > and & are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ConcurrentDictionary<Screen, byte> _screens = new();
    private volatile CeremonySnapshot? _current;
    private long _version;

    public int ScreenCount => _screens.Count;

    /// <summary>The state as of the last change (computed on first use after start).</summary>
    public async ValueTask<CeremonySnapshot> CurrentAsync(CancellationToken cancellationToken = default) =>
        _current ?? await RefreshAsync(cancellationToken);

    /// <summary>Recomputes the state from the database and, when it changed, hands it to every screen.</summary>
    public async Task<CeremonySnapshot> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var state = await CeremonyState.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
            var json = JsonSerializer.Serialize(new { revealed = state.Revealed, current = state.Current }, Json);
            if (_current is { } unchanged && unchanged.Json == json)
                return unchanged;
            var version = ++_version;
            var snapshot = new CeremonySnapshot(version, state, json, Encoding.UTF8.GetBytes($"id: {version}\nevent: state\ndata: {json}\n\n"));
            _current = snapshot;
            foreach (var screen in _screens.Keys)
                screen.Mailbox.Writer.TryWrite(snapshot);
            logger.LogInformation("Ceremony state {Version}: {Revealed} awards revealed, sent to {Screens} screens",
                version, state.Revealed.Count, _screens.Count);
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>A new screen, or null when <paramref name="limit"/> screens are already connected.</summary>
    public Screen? Connect(int limit)
    {
        var screen = new Screen(this);
        _screens[screen] = 0;
        if (_screens.Count <= limit)
            return screen;
        screen.Dispose();
        return null;
    }

    /// <summary>One connected audience screen; dispose it when the connection ends.</summary>
    public sealed class Screen(CeremonyBroadcaster owner) : IDisposable
    {
        internal Channel<CeremonySnapshot> Mailbox { get; } = Channel.CreateBounded<CeremonySnapshot>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public ChannelReader<CeremonySnapshot> Changes => Mailbox.Reader;

        public void Dispose()
        {
            owner._screens.TryRemove(this, out _);
            Mailbox.Writer.TryComplete();
        }
    }
}
