using System.ComponentModel.DataAnnotations;

namespace ContestPlatform.Web.Awards.Ceremony;

/// <summary>Settings of the audience screens' event stream (section <c>Ceremony</c>).</summary>
public sealed class CeremonyOptions
{
    public const string Section = "Ceremony";

    /// <summary>Screens connected at once; more are answered 503 (the stream is public, each one holds a connection).</summary>
    [Range(1, 100_000)] public int MaxScreens { get; set; } = 2_000;

    /// <summary>Seconds between heartbeat comments on an idle stream (proxies drop connections that stay silent).</summary>
    [Range(1, 300)] public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Seconds between re-reads of the state while screens are connected, for changes made elsewhere (a withdrawn proposal).</summary>
    [Range(1, 3600)] public int RefreshSeconds { get; set; } = 15;
}
