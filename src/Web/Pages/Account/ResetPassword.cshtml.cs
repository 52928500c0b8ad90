using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account;

public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>False when the link is incomplete; the page then explains instead of showing a form that cannot work.</summary>
    public bool LinkComplete { get; private set; } = true;

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        // Hidden fields copied from the link; a problem with them is reported as a bad link, not per field.
        [StringLength(450)]
        [Display(Name = "Liên kết")]
        public string? UserId { get; set; }

        [StringLength(2000)]
        [Display(Name = "Liên kết")]
        public string? Code { get; set; }

        [Required]
        [StringLength(100, MinimumLength = 8)]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu mới")]
        public string Password { get; set; } = "";

        [Required]
        [StringLength(100)]
        [DataType(DataType.Password)]
        [Compare(nameof(Password))]
        [Display(Name = "Nhập lại mật khẩu mới")]
        public string ConfirmPassword { get; set; } = "";
    }

    public IActionResult OnGet(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 450 || AccountEmails.Decode(code) is null)
        {
            LinkComplete = false;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Input = new InputModel { UserId = userId, Code = code! };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountEmails.Decode(Input.Code);
        if (string.IsNullOrEmpty(Input.UserId) || token is null
            || ModelState.GetFieldValidationState("Input.UserId") == ModelValidationState.Invalid)
            return InvalidLink();
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByIdAsync(Input.UserId);
        if (user is null)
            return InvalidLink();

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
                return InvalidLink();
            foreach (var error in result.Errors)
                ModelState.AddModelError("Input.Password", error.Description);
            return Page();
        }

        // Whoever proves they own the mailbox gets their account back at once, lockout or not.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        StatusMessage = "Đã đặt lại mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.";
        return RedirectToPage("./Login");
    }

    private PageResult InvalidLink()
    {
        ModelState.AddModelError(string.Empty, "Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Vui lòng yêu cầu một liên kết mới.");
        return Page();
    }
}
