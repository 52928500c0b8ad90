using ContestPlatform.Web.Awards.Ceremony;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Ceremony;

/// <summary>
/// /le-trao-giai: the audience screen for the projector. It shows the state at load time (so it works without
/// JavaScript), then ceremony.js follows the presenter through the event stream. Public, so it only ever holds
/// revealed awards: it reads the broadcaster's state, which is built from revealed rows only.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CeremonySetup.AudienceCache)]
public sealed class IndexModel(CeremonyBroadcaster broadcaster, AppDbContext db) : PageModel
{
    public CeremonySnapshot Snapshot { get; private set; } = null!;
    public string ContestName { get; private set; } = "";
    public string Edition { get; private set; } = "";
    public int Year { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Never cached by browsers or proxies: a copy kept there could outlive an undo. The server's output cache is
        // keyed by the state's version (CeremonySetup).
        Response.Headers.CacheControl = "no-store";
        Snapshot = await broadcaster.CurrentAsync(cancellationToken);
        var contest = await db.Contests.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Name, c.Edition, c.Year }).FirstAsync(cancellationToken);
        (ContestName, Edition, Year) = (contest.Name, contest.Edition, contest.Year);
    }

    /// <summary>Beyond this many earlier reveals the side list goes to one line per award (ceremony.js agrees).</summary>
    public const int ManyEarlier = 6;

    /// <summary>Long titles get a smaller size so the whole title stays readable on one screen.</summary>
    public static string TitleSize(string title) => title.Length switch
    {
        > 140 => "award-title very-long",
        > 80 => "award-title long",
        _ => "award-title",
    };

    /// <summary>The entrant line is left out when it only repeats the (single) author's name.</summary>
    public static bool ShowEntrant(RevealedAward award) =>
        award.Entrant.Length > 0 && !award.Authors.Contains(award.Entrant, StringComparer.CurrentCultureIgnoreCase);

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Infrastructure.VietnameseFormat.Culture) + text[1..];
}
