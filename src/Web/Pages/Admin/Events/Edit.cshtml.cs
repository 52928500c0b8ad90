using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Events;

/// <summary>
/// An event and its agenda (TT / Nội dung / Thực hiện / Ghi chú). The event form and the agenda forms post
/// to different handlers, so each handler binds only its own fields (no page-wide [BindProperty]): a new
/// agenda row must not be refused because of the event form's fields, nor the other way round.
/// </summary>
public sealed class EditModel(AppDbContext db, SponsorshipService sponsorship) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    public ContestEvent Event { get; private set; } = null!;
    public EventInput Input { get; private set; } = new();
    public AgendaItemInput Item { get; private set; } = new();

    /// <summary>The agenda row shown in the edit form, if any (?muc=ID).</summary>
    public int? EditingItemId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "muc")] int? itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = EventInput.From(Event);
        if (itemId is not null && Event.Agenda.FirstOrDefault(a => a.Id == itemId) is { } item)
        {
            EditingItemId = item.Id;
            Item = AgendaItemInput.From(item);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] EventInput input, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = input;
        if (!ModelState.IsValid || !await input.TryApplyAsync(db, Event, ModelState, "Input", cancellationToken))
            return Page();
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Đã lưu sự kiện “{Event.Title}”.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddItemAsync(int id, [FromForm(Name = "Item")] AgendaItemInput item, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = EventInput.From(Event);
        Item = item;
        CheckMou(item);
        if (!ModelState.IsValid)
            return Page();

        var row = new AgendaItem { Order = Event.Agenda.Count == 0 ? 1 : Event.Agenda.Max(a => a.Order) + 1 };
        item.ApplyTo(row);
        Event.Agenda.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Đã thêm mục {row.Order} vào chương trình.";
        return RedirectToAgenda(id);
    }

    public async Task<IActionResult> OnPostEditItemAsync(int id, int itemId, [FromForm(Name = "Item")] AgendaItemInput item, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (Event.Agenda.FirstOrDefault(a => a.Id == itemId) is not { } row)
            return NotFound();
        Input = EventInput.From(Event);
        Item = item;
        EditingItemId = itemId;
        CheckMou(item);
        if (!ModelState.IsValid)
            return Page();

        item.ApplyTo(row);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Đã sửa mục {row.Order} của chương trình.";
        return RedirectToAgenda(id);
    }

    public async Task<IActionResult> OnPostDeleteItemAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (Event.Agenda.FirstOrDefault(a => a.Id == itemId) is not { } row)
            return NotFound();

        Event.Agenda.Remove(row);
        db.AgendaItems.Remove(row);
        Renumber();
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"Đã xóa mục “{row.Content}” khỏi chương trình.";
        return RedirectToAgenda(id);
    }

    public async Task<IActionResult> OnPostMoveItemAsync(int id, int itemId, string? direction, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var index = Event.Agenda.FindIndex(a => a.Id == itemId);
        if (index < 0)
            return NotFound();

        var other = direction == "len" ? index - 1 : index + 1;
        if (other >= 0 && other < Event.Agenda.Count)
        {
            (Event.Agenda[index], Event.Agenda[other]) = (Event.Agenda[other], Event.Agenda[index]);
            Renumber();
            await db.SaveChangesAsync(cancellationToken);
        }
        return RedirectToAgenda(id);
    }

    private void CheckMou(AgendaItemInput item)
    {
        if (item.SponsorshipMouId is { } mouId && !MouOptions.ContainsKey(mouId))
            ModelState.AddModelError($"Item.{nameof(AgendaItemInput.SponsorshipMouId)}", "Vui lòng chọn biên bản ghi nhớ tài trợ trong danh sách.");
    }

    /// <summary>The MoUs an agenda row can name, also handed to the row fields through ViewData.</summary>
    public IReadOnlyDictionary<int, string> MouOptions { get; private set; } = new Dictionary<int, string>();

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        MouOptions = (await sponsorship.MouLinksAsync(cancellationToken)).Values
            .OrderBy(m => m.Id)
            .ToDictionary(m => m.Id, m => $"Biên bản {m.Title} — {m.SponsorName} ({MouLabels.Of(m.Status)})");
        ViewData[AgendaItemInput.MouOptionsKey] = MouOptions;
        var contestEvent = await db.Events.Include(e => e.Agenda).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (contestEvent is null)
            return false;
        contestEvent.Agenda = contestEvent.Agenda.OrderBy(a => a.Order).ThenBy(a => a.Id).ToList();
        Event = contestEvent;
        return true;
    }

    /// <summary>TT is the row's position: 1, 2, 3… with no gaps after a delete or a move.</summary>
    private void Renumber()
    {
        for (var i = 0; i < Event.Agenda.Count; i++)
            Event.Agenda[i].Order = i + 1;
    }

    private RedirectToPageResult RedirectToAgenda(int id) => RedirectToPage(null, null, new { id }, "chuong-trinh");
}
