using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account;

public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public bool RememberMe { get; private set; }

    public sealed class InputModel
    {
        [Required]
        [StringLength(10)]
        [Display(Name = "Mã xác thực")]
        public string TwoFactorCode { get; set; } = "";

        [Display(Name = "Ghi nhớ thiết bị này")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl)
    {
        ReturnUrl = ReturnUrls.KeepIfLocal(Url, returnUrl);
        RememberMe = rememberMe;
        // Only someone who has just given the right password gets here; anyone else starts over.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rememberMe, string? returnUrl)
    {
        ReturnUrl = ReturnUrls.KeepIfLocal(Url, returnUrl);
        RememberMe = rememberMe;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
        if (!ModelState.IsValid)
            return Page();

        var code = OneTimeCodes.Digits(Input.TwoFactorCode);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("Input.TwoFactorCode", "Mã xác thực gồm 6 chữ số.");
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, Input.RememberMachine);
        if (result.Succeeded)
            return LocalRedirect(ReturnUrls.Safe(Url, returnUrl));
        if (result.IsLockedOut)
            return RedirectToPage("./Lockout");
        ModelState.AddModelError("Input.TwoFactorCode", "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới nhất trong ứng dụng xác thực.");
        return Page();
    }
}
