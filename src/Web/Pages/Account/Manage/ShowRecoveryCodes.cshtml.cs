using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account.Manage;

/// <summary>New recovery codes arrive through TempData and are shown once; reloading the page does not show them again.</summary>
public sealed class ShowRecoveryCodesModel : PageModel
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet()
    {
        if (RecoveryCodes is not { Length: > 0 })
            return RedirectToPage("./TwoFactorAuthentication");
        return Page();
    }
}
