using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account;

public sealed class RegisterModel(
    UserManager<AppUser> users, IMailSender mail, IConfiguration configuration, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required]
        [StringLength(100)]
        [Display(Name = "Họ và tên")]
        public string FullName { get; set; } = "";

        [Required]
        [StringLength(256)]
        [EmailAddress]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(100, MinimumLength = 8)]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";

        [Required]
        [StringLength(100)]
        [DataType(DataType.Password)]
        [Compare(nameof(Password))]
        [Display(Name = "Nhập lại mật khẩu")]
        public string ConfirmPassword { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "Vui lòng đồng ý với Thể lệ cuộc thi để đăng ký.")]
        [Display(Name = "Tôi đã đọc và đồng ý với Thể lệ cuộc thi")]
        public bool AcceptRules { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();

        var email = Input.Email.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            FullName = Input.FullName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        // The password is judged before looking the address up, so a weak password gets the same
        // answer whether or not the address is registered.
        if (!await PasswordIsAcceptableAsync(user))
            return Page();

        var emails = new AccountEmails(this, users, mail, configuration);
        if (await users.FindByEmailAsync(email) is { } existing)
            return await AlreadyRegisteredAsync(emails, existing, cancellationToken);

        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            // Two registrations of one address at the same moment: the loser is treated like a repeat.
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                && await users.FindByEmailAsync(email) is { } winner)
                return await AlreadyRegisteredAsync(emails, winner, cancellationToken);
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Entrant);
        await emails.SendConfirmationAsync(user, cancellationToken);
        return RedirectToPage("./RegisterConfirmation");
    }

    /// <summary>
    /// The visitor sees the usual "check your inbox" page; only the mailbox owner learns the address is taken.
    /// An owner who never confirmed most likely lost the first mail, so they get a fresh confirmation link.
    /// </summary>
    private async Task<IActionResult> AlreadyRegisteredAsync(AccountEmails emails, AppUser existing, CancellationToken cancellationToken)
    {
        if (existing.EmailConfirmed)
            await emails.SendAlreadyRegisteredAsync(existing, cancellationToken);
        else
            await emails.SendConfirmationAsync(existing, cancellationToken);
        return RedirectToPage("./RegisterConfirmation");
    }

    private async Task<bool> PasswordIsAcceptableAsync(AppUser user)
    {
        var ok = true;
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Input.Password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
                ok = false;
            }
        }
        return ok;
    }
}
