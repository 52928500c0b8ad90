using System.ComponentModel.DataAnnotations;
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

/// <summary>Invites a judge by email: an existing account gets the role, a new address gets an account and the invitation mail.</summary>
public sealed class InviteModel(
    JudgeDirectory directory, AppDbContext db, UserManager<AppUser> users, IMailSender mailSender, IConfiguration configuration,
    ILogger<InviteModel> logger) : PageModel
{
    [BindProperty] public JudgeInput Input { get; set; } = new();

    [BindProperty] public InviteInput Invite { get; set; } = new();

    public sealed class InviteInput
    {
        [Required, EmailAddress(ErrorMessage = "Email không phải là địa chỉ email hợp lệ."), StringLength(256), Display(Name = "Email")]
        public string? Email { get; set; }
    }

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        InviteOutcome outcome;
        try
        {
            outcome = await directory.InviteAsync(Invite.Email!, Input.ToDetails() with { Active = true }, CouncilLabels.ActorOf(User), cancellationToken);
        }
        catch (EntryRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var mailed = true;
        try
        {
            await new JudgeInvitationMail(this, users, mailSender, configuration).SendAsync(outcome.User, outcome.NewAccount, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
        {
            mailed = false;
            logger.LogError(ex, "Invitation mail to judge {JudgeId} failed", outcome.Judge.Id);
        }
        StatusMessage = (outcome.NewAccount
                            ? $"Đã tạo tài khoản giám khảo cho {Invite.Email}"
                            : $"Đã cấp vai trò Giám khảo cho tài khoản {Invite.Email}")
                        + (mailed ? " và gửi thư mời." : ". Chưa gửi được thư mời; vui lòng thử “Gửi lại thư mời” trong hồ sơ giám khảo.");
        return RedirectToPage("./Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        ViewData["Categories"] = await db.Categories.AsNoTracking().Where(c => c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
}
