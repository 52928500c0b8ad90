using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<AppUser> users, IMailSender mail, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required]
        [StringLength(256)]
        [EmailAddress]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();

        // Same answer whether or not the address has an account. An unconfirmed account gets no reset
        // link (that would confirm the address by the back door) but a fresh confirmation mail instead.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null)
        {
            var emails = new AccountEmails(this, users, mail, configuration);
            if (await users.IsEmailConfirmedAsync(user))
                await emails.SendPasswordResetAsync(user, cancellationToken);
            else
                await emails.SendConfirmationAsync(user, cancellationToken);
        }
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
