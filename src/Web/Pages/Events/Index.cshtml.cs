using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Events;

public sealed class IndexModel(AppDbContext db, SponsorshipService sponsorship) : PageModel
{
    public IReadOnlyList<ContestEvent> Events { get; private set; } = [];

    /// <summary>The MoUs agenda items link to: organizers get the admin page, the public /nha-tai-tro once signed.</summary>
    public IReadOnlyDictionary<int, MouLink> Mous { get; private set; } = new Dictionary<int, MouLink>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Events = await db.Events.AsNoTracking()
            .Include(e => e.Agenda.OrderBy(a => a.Order))
            .OrderBy(e => e.StartsAt)
            .ToListAsync(cancellationToken);
        if (Events.Any(e => e.Agenda.Any(a => a.SponsorshipMouId is not null)))
            Mous = await sponsorship.MouLinksAsync(cancellationToken);
    }
}
