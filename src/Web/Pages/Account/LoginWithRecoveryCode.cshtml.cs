using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account;

public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public sealed class InputModel
    {
        // A recovery code is printed as XXXXX-XXXXX (11 characters); a little room for stray spaces.
        [Required]
        [StringLength(16)]
        [Display(Name = "Mã khôi phục")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = ReturnUrls.KeepIfLocal(Url, returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = ReturnUrls.KeepIfLocal(Url, returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        if (!ModelState.IsValid)
            return Page();

        // Codes are generated in capitals; people type them any way.
        var code = new string(Input.RecoveryCode.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
            return LocalRedirect(ReturnUrls.Safe(Url, returnUrl));
        if (result.IsLockedOut)
            return RedirectToPage("./Lockout");
        ModelState.AddModelError("Input.RecoveryCode", "Mã khôi phục không đúng hoặc đã được dùng.");
        return Page();
    }
}
