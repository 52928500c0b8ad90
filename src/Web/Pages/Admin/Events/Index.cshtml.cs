using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Events;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<EventRow> Events { get; private set; } = [];

    public sealed record EventRow(int Id, string Slug, string Title, DateTime StartsAt, string Place, int AgendaCount);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Events = await db.Events.AsNoTracking()
            .OrderBy(e => e.StartsAt)
            .Select(e => new EventRow(e.Id, e.Slug, e.Title, e.StartsAt, e.Place, e.Agenda.Count))
            .ToListAsync(cancellationToken);
}
