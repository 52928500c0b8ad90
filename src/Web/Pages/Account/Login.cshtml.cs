using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go after signing in; kept only when it is a path on this site.</summary>
    public string? ReturnUrl { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Set when the password was right but the email address is not confirmed yet.</summary>
    public bool EmailNotConfirmed { get; private set; }

    public sealed class InputModel
    {
        [Required]
        [StringLength(256)]
        [EmailAddress]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(100)]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";

        [Display(Name = "Ghi nhớ đăng nhập")]
        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = ReturnUrls.KeepIfLocal(Url, returnUrl);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = ReturnUrls.KeepIfLocal(Url, returnUrl);
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
            return Refused();

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(ReturnUrls.Safe(Url, returnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        if (result.IsLockedOut)
            return RedirectToPage("./Lockout");
        if (result.IsNotAllowed)
            return await NotAllowedAsync(user);
        return Refused();
    }

    /// <summary>
    /// Identity answers "not allowed" (unconfirmed email) before it looks at the password. Only someone
    /// who knows the password learns that the address is unconfirmed; a wrong guess counts towards lockout
    /// like any other.
    /// </summary>
    private async Task<IActionResult> NotAllowedAsync(AppUser user)
    {
        if (await users.IsLockedOutAsync(user))
            return RedirectToPage("./Lockout");
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? RedirectToPage("./Lockout") : Refused();
        }
        await users.ResetAccessFailedCountAsync(user);
        EmailNotConfirmed = true;
        return Page();
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, "Email hoặc mật khẩu không đúng.");
        return Page();
    }
}
