using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account.Manage;

public sealed class GenerateRecoveryCodesModel(UserManager<AppUser> users) : PageModel
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/Login");
        return user.TwoFactorEnabled ? Page() : NotEnabled();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/Login");
        if (!user.TwoFactorEnabled)
            return NotEnabled();

        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount))?.ToArray();
        StatusMessage = "Đã tạo mã khôi phục mới. Các mã cũ không còn dùng được.";
        return RedirectToPage("./ShowRecoveryCodes");
    }

    private RedirectToPageResult NotEnabled()
    {
        StatusMessage = "Cần bật xác thực hai lớp trước khi tạo mã khôi phục.";
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
