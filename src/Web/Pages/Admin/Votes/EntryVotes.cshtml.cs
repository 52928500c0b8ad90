using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Pages.Admin.Votes;

/// <summary>
/// /quan-tri/binh-chon/cong-trinh/{entryId}: the votes of one entry — when, which account, from which
/// network and browser, how old the account was — filterable, and voidable a few at a time with a reason.
/// </summary>
public sealed class EntryVotesModel(AppDbContext db, VoteService votes, IOptions<VoteOptions> options) : PageModel
{
    public const int PageSize = 200;

    public sealed record VoteRow(
        long Id, DateTime CastAt, string Email, string ClientAddress, string Network, string BrowserId, TimeSpan AccountAge,
        bool Fresh, DateTime? VoidedAt, string? VoidedBy, string? VoidReason);

    public int EntryId { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public EntryStatus Status { get; private set; }
    public VoteTally? Tally { get; private set; }
    public IReadOnlyList<VoteRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [FromQuery(Name = "mang")] public string? Network { get; set; }
    [FromQuery(Name = "trinhDuyet")] public string? Browser { get; set; }
    [FromQuery(Name = "trangThai")] public string? State { get; set; }
    [FromQuery(Name = "trang")] public int RequestedPage { get; set; } = 1;

    [BindProperty] public List<long> VoteIds { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int entryId, CancellationToken cancellationToken) =>
        await LoadAsync(entryId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int entryId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(entryId, cancellationToken))
            return NotFound();
        // Only this entry's votes: ids from elsewhere in a tampered form are ignored.
        var chosen = await db.Votes.Where(v => v.EntryId == entryId && VoteIds.Contains(v.Id)).Select(v => v.Id).ToListAsync(cancellationToken);
        var reason = AdminForms.Line(Reason);
        if (chosen.Count == 0)
            ModelState.AddModelError(nameof(VoteIds), "Chọn ít nhất một lượt bình chọn cần hủy.");
        if (reason.Length == 0)
            ModelState.AddModelError(nameof(Reason), "Vui lòng ghi lý do hủy các lượt đã chọn.");
        else if (reason.Length > 1000)
            ModelState.AddModelError(nameof(Reason), "Lý do không được dài quá 1000 ký tự.");
        if (!ModelState.IsValid)
            return Page();

        var voided = await votes.VoidAsync(chosen, reason, VoteAdmin.Actor(User), cancellationToken);
        StatusMessage = voided == 0
            ? "Các lượt đã chọn đều đã bị hủy trước đó; không có thay đổi."
            : $"Đã hủy {VoteAdmin.Count(voided)} lượt bình chọn của công trình {Code}. Số lượt và điểm bình chọn đã được tính lại.";
        return Redirect(PageUrl(PageNumber));
    }

    private async Task<bool> LoadAsync(int entryId, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.Id, e.Code, e.Title, e.Status }).FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
            return false;
        (EntryId, Code, Title, Status) = (entry.Id, entry.Code ?? "", entry.Title, entry.Status);
        Tally = (await votes.TallyAsync(cancellationToken)).FirstOrDefault(t => t.EntryId == entryId);

        Network = string.IsNullOrWhiteSpace(Network) ? null : Network.Trim();
        Browser = string.IsNullOrWhiteSpace(Browser) ? null : Browser.Trim();
        State = State is "hop-le" or "da-huy" ? State : null;
        var query = db.Votes.AsNoTracking().Where(v => v.EntryId == entryId);
        if (Network is not null)
            query = query.Where(v => v.Network == Network);
        if (Browser is not null)
            query = query.Where(v => v.BrowserId == Browser);
        if (State == "hop-le")
            query = query.Where(v => v.VoidedAt == null);
        else if (State == "da-huy")
            query = query.Where(v => v.VoidedAt != null);

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(RequestedPage, 1, PageCount);
        var fresh = TimeSpan.FromHours(options.Value.FreshAccountHours);
        var rows = await (
                from vote in query
                join user in db.Users on vote.UserId equals user.Id into users
                from user in users.DefaultIfEmpty()
                orderby vote.CastAt descending, vote.Id descending
                select new { vote, Email = user == null ? null : user.Email })
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        Rows = rows.Select(r => new VoteRow(r.vote.Id, r.vote.CastAt, r.Email ?? "(tài khoản đã xóa)", r.vote.ClientAddress, r.vote.Network,
                r.vote.BrowserId, r.vote.CastAt - r.vote.AccountCreatedAt, r.vote.CastAt - r.vote.AccountCreatedAt < fresh,
                r.vote.VoidedAt, r.vote.VoidedBy, r.vote.VoidReason))
            .ToList();
        return true;
    }

    public string PageUrl(int page) => QueryHelpers.AddQueryString(VoteAdmin.EntryPath(EntryId),
        new Dictionary<string, string?> { ["mang"] = Network, ["trinhDuyet"] = Browser, ["trangThai"] = State, ["trang"] = page > 1 ? page.ToString() : null }
            .Where(p => !string.IsNullOrEmpty(p.Value)));

    public bool Filtered => Network is not null || Browser is not null || State is not null;
}
