using System.ComponentModel.DataAnnotations;

namespace ContestPlatform.Web.Votes;

/// <summary>Section "Votes": rate limits, the anti-automation check and the suspicion thresholds.</summary>
public sealed class VoteOptions
{
    public const string Section = "Votes";

    /// <summary>Votes one account may attempt per minute.</summary>
    [Range(1, 10_000)] public int PerAccountPerMinute { get; set; } = 20;

    /// <summary>
    /// Votes per minute from one client address. Generous on purpose: Vietnamese mobile carriers put many
    /// subscribers behind one address (CGNAT), and a whole office shares one.
    /// </summary>
    [Range(1, 1_000_000)] public int PerAddressPerMinute { get; set; } = 600;

    /// <summary>A vote form submitted sooner than this after it was shown is treated as automated.</summary>
    [Range(0, 600)] public double MinFormAgeSeconds { get; set; } = 1.5;

    /// <summary>A vote form older than this must be reloaded.</summary>
    [Range(1, 168)] public double MaxFormAgeHours { get; set; } = 12;

    /// <summary>Votes from one network within the burst window that make a burst worth looking at.</summary>
    [Range(2, 100_000)] public int BurstVotes { get; set; } = 20;

    [Range(1, 1440)] public int BurstWindowMinutes { get; set; } = 10;

    /// <summary>An account younger than this when it voted counts as freshly created.</summary>
    [Range(1, 720)] public int FreshAccountHours { get; set; } = 24;

    /// <summary>Fresh accounts voting for one entry within one hour that make a group worth looking at.</summary>
    [Range(2, 100_000)] public int FreshAccountGroup { get; set; } = 10;

    /// <summary>Accounts seen from one browser that make it worth looking at.</summary>
    [Range(2, 1000)] public int AccountsPerBrowser { get; set; } = 3;
}
