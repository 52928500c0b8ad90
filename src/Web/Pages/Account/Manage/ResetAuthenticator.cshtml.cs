using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account.Manage;

public sealed class ResetAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/Login");

        // A new key makes every app set up with the old one useless, so two-factor is off until a new code is verified.
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Đã tạo khóa xác thực mới. Hãy quét mã QR mới và nhập mã để bật lại xác thực hai lớp.";
        return RedirectToPage("./EnableAuthenticator");
    }
}
