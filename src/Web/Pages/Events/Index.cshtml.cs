using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Events;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ContestEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Events = await db.Events.AsNoTracking()
            .Include(e => e.Agenda.OrderBy(a => a.Order))
            .OrderBy(e => e.StartsAt)
            .ToListAsync(cancellationToken);
}
