using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Mail;
using ContestPlatform.Web.Media.Processing;
using ContestPlatform.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Entries;

/// <summary>
/// One entry as the secretariat checks it: every field, the entrant, the files and the history; and the
/// decision (Hợp lệ, Cần bổ sung, Không hợp lệ) that is recorded, mailed to the entrant, and never lost
/// to a second organizer deciding at the same moment.
/// </summary>
public sealed class ReviewModel(
    AppDbContext db, EntryWorkflow workflow, AuditLog audit, TimeProvider time, IMailSender mailSender, IConfiguration configuration,
    MediaJobs mediaJobs, ILogger<ReviewModel> logger)
    : PageModel
{
    public const string StaleMessage =
        "Hồ sơ vừa được người khác xử lý. Vui lòng tải lại trang để xem trạng thái mới nhất; quyết định của bạn chưa được lưu.";

    [BindProperty] public DecisionInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public Entry Entry { get; private set; } = null!;
    public string? CategoryName { get; private set; }
    public EntrantProfile? Profile { get; private set; }
    public string OwnerName { get; private set; } = "";
    public string OwnerEmail { get; private set; } = "";
    public IReadOnlyList<MediaFile> Files { get; private set; } = [];
    public IReadOnlyList<EntryStatusChange> History { get; private set; } = [];
    public PhaseStatus? Submission { get; private set; }

    /// <summary>The next entry waiting in the queue (oldest submission first), to move on after deciding.</summary>
    public int? NextInQueue { get; private set; }

    public bool CanDecide => Entry.Status == EntryStatus.Submitted;

    public sealed class DecisionInput
    {
        /// <summary>Hợp lệ, Cần bổ sung or Không hợp lệ: the button pressed.</summary>
        public EntryStatus? Decision { get; set; }

        [StringLength(2000), Display(Name = "Lý do / nội dung cần bổ sung")]
        public string? Reason { get; set; }

        /// <summary>The entry's version when the page was opened (optimistic concurrency).</summary>
        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = new DecisionInput { Version = Entry.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
            return NotFound();

        if (ModelState.IsValid && await DecideAsync(entry, cancellationToken) is { } decided)
        {
            var mail = new EntryDecisionMail(db, mailSender, configuration, logger);
            var mailed = await mail.TrySendAsync(decided, Input.Reason ?? "", Request, cancellationToken);
            StatusMessage = $"Đã chuyển hồ sơ {entry.Code} sang “{EntryStatusLabels.Of(entry.Status)}”" +
                            (mailed ? " và gửi email thông báo cho thí sinh." : ". Chưa gửi được email cho thí sinh; vui lòng báo cho thí sinh qua điện thoại.");
            return RedirectToPage(new { id });
        }

        // Show the page as it is now, keeping what the organizer typed.
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>
    /// "Thử lại" beside a file whose processing failed (ffmpeg missing at the time, storage down, a bug since
    /// fixed): queues it again. The reason stays on the page until the worker has tried again.
    /// </summary>
    public async Task<IActionResult> OnPostRetryAsync(int id, [FromQuery] int mediaId, CancellationToken cancellationToken)
    {
        var file = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId && m.EntryId == id, cancellationToken);
        if (file is null)
            return NotFound();
        if (file.State != MediaState.Failed || !await mediaJobs.RetryAsync(mediaId, cancellationToken))
        {
            StatusMessage = $"Tệp “{file.DisplayName}” không ở trạng thái lỗi nên không cần xử lý lại.";
            return RedirectToPage(new { id });
        }
        logger.LogInformation("Media {MediaId} of entry {EntryId} queued again by {User}", mediaId, id, User.Identity?.Name);
        StatusMessage = $"Đã đưa tệp “{file.DisplayName}” vào hàng đợi xử lý lại. Trạng thái sẽ được cập nhật khi xử lý xong.";
        return RedirectToPage(new { id });
    }

    /// <summary>Applies the decision and saves it; null (with a model error) when it is refused or stale.</summary>
    private async Task<Entry?> DecideAsync(Entry entry, CancellationToken cancellationToken)
    {
        if (Input.Decision is not { } decision)
        {
            ModelState.AddModelError(string.Empty, "Vui lòng chọn một quyết định: Hợp lệ, Cần bổ sung hoặc Không hợp lệ.");
            return null;
        }
        if (entry.Version != Input.Version)
        {
            this.RefuseStale(StaleMessage);
            return null;
        }
        try
        {
            // Browsers post CRLF; the history and the mail keep plain line feeds.
            Input.Reason = AdminForms.Block(Input.Reason);
            workflow.Validate(entry, decision, Input.Reason, CurrentActor(User));
        }
        catch (EntryRuleException ex)
        {
            var field = decision != EntryStatus.Accepted && string.IsNullOrWhiteSpace(Input.Reason)
                ? $"{nameof(Input)}.{nameof(DecisionInput.Reason)}"
                : string.Empty;
            ModelState.AddModelError(field, ex.Message);
            return null;
        }

        // The check above catches the usual case; the concurrency token catches two decisions racing.
        db.Entry(entry).Property(e => e.Version).OriginalValue = Input.Version;
        try
        {
            await audit.SaveWithAuditAsync(db, CurrentActor(User),
                new AuditRecord("entry.decide", $"entry:{entry.Id}", new { code = entry.Code, decision = entry.Status.ToString(), reason = Input.Reason }),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            this.RefuseStale(StaleMessage);
            return null;
        }
        logger.LogInformation("Entry {EntryId} ({Code}) decided {Decision} by {User}", entry.Id, entry.Code, entry.Status, User.Identity?.Name);
        return entry;
    }

    /// <summary>Who decides, as recorded in the history: user id, and name (or email when the account has none).</summary>
    public static Actor CurrentActor(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ContestClaimsFactory.FullName);
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", string.IsNullOrWhiteSpace(name) ? AdminForms.Email(user) : name);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.AsNoTracking()
            .Include(e => e.Authors)
            .FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
            return false;
        Entry = entry;
        Entry.Authors = [.. entry.Authors.OrderBy(a => a.Order).ThenBy(a => a.Id)];
        CategoryName = await db.Categories.Where(c => c.Id == entry.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        Profile = await db.EntrantProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == entry.OwnerId, cancellationToken);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == entry.OwnerId)
            .Select(u => new { u.FullName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        OwnerName = owner?.FullName ?? "";
        OwnerEmail = owner?.Email ?? "";
        Files = await db.MediaFiles.AsNoTracking().Where(m => m.EntryId == id)
            .OrderBy(m => m.Kind).ThenBy(m => m.SortOrder).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        History = await db.EntryStatusChanges.AsNoTracking().Where(h => h.EntryId == id)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .ToListAsync(cancellationToken);
        Submission = (await db.TimelineAsync(time, cancellationToken)).Find(PhaseKind.Submission);
        NextInQueue = await db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Submitted && e.Id != id)
            .OrderBy(e => e.SubmittedAt ?? e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => (int?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
