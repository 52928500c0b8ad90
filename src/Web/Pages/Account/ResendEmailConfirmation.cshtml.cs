using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account;

public sealed class ResendEmailConfirmationModel(UserManager<AppUser> users, IMailSender mail, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required]
        [StringLength(256)]
        [EmailAddress]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";
    }

    public void OnGet(string? email)
    {
        if (email is { Length: <= 256 })
            Input.Email = email;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();

        // The answer is the same whatever the address, so this page cannot tell who has an account.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && !user.EmailConfirmed)
            await new AccountEmails(this, users, mail, configuration).SendConfirmationAsync(user, cancellationToken);

        StatusMessage = "Nếu địa chỉ này đã đăng ký và chưa được xác nhận, thư xác nhận mới đã được gửi đến. Vui lòng kiểm tra hộp thư (cả mục Thư rác).";
        return RedirectToPage();
    }
}
