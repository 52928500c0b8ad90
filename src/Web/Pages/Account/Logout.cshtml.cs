using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account;

/// <summary>Signing out changes state, so it happens only on a POST with the antiforgery token; GET just offers the button.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = signIn.IsSignedIn(User);

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
