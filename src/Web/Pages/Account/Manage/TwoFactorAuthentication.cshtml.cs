using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account.Manage;

public sealed class TwoFactorAuthenticationModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public bool Enabled { get; private set; }
    public bool HasAuthenticator { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool MachineRemembered { get; private set; }

    /// <summary>Staff roles of this user for which the organizers require two-factor sign-in.</summary>
    public IReadOnlyList<string> RequiredFor { get; private set; } = [];

    /// <summary>Set by the staff-area gate (<c>?batBuoc=true</c>) when it sent the user here.</summary>
    public bool SentByGate { get; private set; }

    public bool ShowRequirement => RequiredFor.Count > 0 && (SentByGate || !Enabled);

    public async Task<IActionResult> OnGetAsync(bool batBuoc, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/Login");
        SentByGate = batBuoc;
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    /// <summary>Forget that this browser passed the second step, so the next sign-in asks for a code again.</summary>
    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        await signIn.ForgetTwoFactorClientAsync();
        StatusMessage = "Thiết bị này sẽ được hỏi mã xác thực ở lần đăng nhập sau.";
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user, CancellationToken cancellationToken)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        HasAuthenticator = !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        MachineRemembered = Enabled && await signIn.IsTwoFactorClientRememberedAsync(user);
        RequiredFor = await StaffTwoFactor.RequiredForAsync(db, users, user, cancellationToken);
    }
}
