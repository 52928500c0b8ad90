using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Judging.Judges;

/// <summary>One judge: details, the entries they conflict with (declared and detected), and re-sending the invitation.</summary>
public sealed class EditModel(
    JudgeDirectory directory, CouncilData data, AppDbContext db, UserManager<AppUser> users, IMailSender mailSender, IConfiguration configuration)
    : PageModel
{
    [BindProperty] public JudgeInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public JudgeFacts Judge { get; private set; } = null!;
    public AppUser? Account { get; private set; }
    public IReadOnlyList<(EntryFacts Entry, IReadOnlyList<string> Labels)> Conflicts { get; private set; } = [];
    public IReadOnlyDictionary<int, ConflictDeclaration> Declarations { get; private set; } = new Dictionary<int, ConflictDeclaration>();

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = JudgeInput.From(Judge.Judge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        try
        {
            await directory.UpdateAsync(id, Input.ToDetails(), Input.Version, CouncilLabels.ActorOf(User), cancellationToken);
        }
        catch (EntryRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Response.StatusCode = ex.Message == JudgeDirectory.StaleMessage ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        StatusMessage = Input.Active
            ? "Đã lưu hồ sơ giám khảo."
            : "Đã lưu hồ sơ. Giám khảo ngừng hoạt động không còn mở được công trình nào; lần phân công tự động tới sẽ thay họ ở các công trình đang được phân công.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResendAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Account is null)
            return NotFound();
        await new JudgeInvitationMail(this, users, mailSender, configuration).SendAsync(Account, !Account.EmailConfirmed, cancellationToken);
        StatusMessage = $"Đã gửi lại thư mời tới {Account.Email}.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if ((await data.JudgesAsync(id, cancellationToken)).SingleOrDefault() is not { } judge)
            return false;
        Judge = judge;
        Account = await users.FindByIdAsync(judge.Judge.UserId);
        var declared = judge.DeclaredEntries.ToArray();
        var expertise = judge.Judge.ExpertCategories.ToArray();
        var judgeable = await db.Entries.AsNoTracking()
            .Where(e => CouncilData.JudgeableStatuses.Contains(e.Status) || declared.Contains(e.Id))
            .Select(e => e.Id).ToListAsync(cancellationToken);
        Conflicts = (await data.EntriesAsync(judgeable, cancellationToken))
            .Select(e => (e, CouncilData.ConflictLabels(judge, e)))
            .Where(c => c.Item2.Count > 0)
            .ToList();
        Declarations = await db.ConflictDeclarations.AsNoTracking().Where(c => c.JudgeId == id)
            .ToDictionaryAsync(c => c.EntryId, cancellationToken);
        ViewData["Categories"] = await db.Categories.AsNoTracking()
            .Where(c => c.IsActive || expertise.Contains(c.Id))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        return true;
    }
}
