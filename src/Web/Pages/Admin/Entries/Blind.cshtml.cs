using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Entries;

/// <summary>
/// The copy of the entry's text that judges read (SPEC: judging is blind). The first time it is filled
/// from the entry; the page lists every author, unit or entrant name still in it, and can replace them
/// all with [Tác giả] / [Đơn vị] in one click before the organizer reads it through and saves.
/// </summary>
public sealed class BlindModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public const string CommandSave = "luu";
    public const string CommandReplace = "thay-ten";

    public const string StaleMessage =
        "Bản ẩn danh vừa được người khác lưu. Vui lòng tải lại trang để xem bản mới nhất rồi sửa tiếp; nội dung bạn vừa sửa chưa được lưu.";

    [BindProperty] public BlindInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public Entry Entry { get; private set; } = null!;
    public IReadOnlyList<RedactionTerm> Terms { get; private set; } = [];
    public IReadOnlyList<RedactionHit> Hits { get; private set; } = [];

    /// <summary>Whether the form shows text prefilled from the entry rather than a saved copy.</summary>
    public bool Prefilled { get; private set; }

    public sealed class BlindInput
    {
        [Required, StringLength(300), Display(Name = "Tên công trình")]
        public string Title { get; set; } = "";

        [StringLength(2000), Display(Name = "Tóm tắt")]
        public string? Summary { get; set; }

        [StringLength(20000), Display(Name = "Thực trạng")]
        public string? Situation { get; set; }

        [StringLength(20000), Display(Name = "Giải pháp")]
        public string? Solution { get; set; }

        [StringLength(20000), Display(Name = "Tính đổi mới sáng tạo")]
        public string? Novelty { get; set; }

        [StringLength(20000), Display(Name = "Hiệu quả kinh tế - xã hội")]
        public string? Impact { get; set; }

        [StringLength(20000), Display(Name = "Khả năng áp dụng, nhân rộng")]
        public string? Applicability { get; set; }

        /// <summary>When the copy the organizer started from was saved (ticks; 0 when there was none).</summary>
        public long Stamp { get; set; }

        public IEnumerable<(string Label, string? Text)> Fields() =>
        [
            ("Tên công trình", Title), ("Tóm tắt", Summary), ("Thực trạng", Situation), ("Giải pháp", Solution),
            ("Tính đổi mới sáng tạo", Novelty), ("Hiệu quả kinh tế - xã hội", Impact), ("Khả năng áp dụng, nhân rộng", Applicability),
        ];
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: false, cancellationToken))
            return NotFound();
        var blind = Entry.Blind;
        Prefilled = blind is null;
        Input = new BlindInput
        {
            Title = blind?.Title ?? Entry.Title,
            Summary = blind?.Summary ?? Entry.Summary,
            Situation = blind?.Situation ?? Entry.Situation,
            Solution = blind?.Solution ?? Entry.Solution,
            Novelty = blind?.Novelty ?? Entry.Novelty,
            Impact = blind?.Impact ?? Entry.Impact,
            Applicability = blind?.Applicability ?? Entry.Applicability,
            Stamp = blind?.RedactedAt.Ticks ?? 0,
        };
        Hits = Redaction.Find(Terms, Input.Fields());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "thaoTac")] string? command, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: true, cancellationToken))
            return NotFound();

        if (command == CommandReplace)
        {
            var replaced = ReplaceNames();
            // The fields now show the replaced text, not what was posted.
            ModelState.Clear();
            Hits = Redaction.Find(Terms, Input.Fields());
            ViewData["Notice"] = replaced == 0
                ? "Không còn tên tác giả hay đơn vị nào để thay."
                : $"Đã thay {replaced} chỗ. Hãy đọc lại rồi bấm “Lưu bản ẩn danh”; nội dung chưa được lưu.";
            return Page();
        }

        Hits = Redaction.Find(Terms, Input.Fields());
        if (!ModelState.IsValid)
            return Page();
        if ((Entry.Blind?.RedactedAt.Ticks ?? 0) != Input.Stamp)
        {
            this.RefuseStale(StaleMessage);
            return Page();
        }

        var blind = Entry.Blind ?? new BlindCopy();
        blind.Title = AdminForms.Line(Input.Title);
        blind.Summary = AdminForms.Block(Input.Summary);
        blind.Situation = AdminForms.Block(Input.Situation);
        blind.Solution = AdminForms.Block(Input.Solution);
        blind.Novelty = AdminForms.Block(Input.Novelty);
        blind.Impact = AdminForms.Block(Input.Impact);
        blind.Applicability = AdminForms.Block(Input.Applicability);
        blind.RedactedAt = time.GetUtcNow().UtcDateTime;
        blind.RedactedBy = ReviewModel.CurrentActor(User).Name;
        Entry.Blind = blind;
        try
        {
            await audit.SaveWithAuditAsync(db, ReviewModel.CurrentActor(User),
                new AuditRecord("entry.redact", $"entry:{Entry.Id}", new { code = Entry.Code, namesLeft = Hits.Count }), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            this.RefuseStale(StaleMessage);
            return Page();
        }

        StatusMessage = Hits.Count == 0
            ? "Đã lưu bản ẩn danh cho giám khảo."
            : $"Đã lưu bản ẩn danh, nhưng vẫn còn {Hits.Count} tên có thể làm lộ danh tính (xem danh sách bên dưới).";
        return RedirectToPage(new { id });
    }

    private int ReplaceNames()
    {
        var total = 0;
        string Apply(string? text)
        {
            var (result, count) = Redaction.Replace(text, Terms);
            total += count;
            return result;
        }
        Input.Title = Apply(Input.Title);
        Input.Summary = Apply(Input.Summary);
        Input.Situation = Apply(Input.Situation);
        Input.Solution = Apply(Input.Solution);
        Input.Novelty = Apply(Input.Novelty);
        Input.Impact = Apply(Input.Impact);
        Input.Applicability = Apply(Input.Applicability);
        return total;
    }

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var entries = tracked ? db.Entries : db.Entries.AsNoTracking();
        var entry = await entries.Include(e => e.Authors).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
            return false;
        Entry = entry;
        var profile = await db.EntrantProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == entry.OwnerId, cancellationToken);
        var ownerName = await db.Users.AsNoTracking().Where(u => u.Id == entry.OwnerId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
        Terms = Redaction.Terms(entry, profile, ownerName);
        return true;
    }
}
