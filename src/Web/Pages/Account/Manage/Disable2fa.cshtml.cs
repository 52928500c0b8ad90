using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account.Manage;

public sealed class Disable2faModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<string> RequiredFor { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/Login");
        if (!user.TwoFactorEnabled)
        {
            StatusMessage = "Xác thực hai lớp hiện chưa bật.";
            return RedirectToPage("./TwoFactorAuthentication");
        }
        RequiredFor = await StaffTwoFactor.RequiredForAsync(db, users, user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/Login");
        RequiredFor = await StaffTwoFactor.RequiredForAsync(db, users, user, cancellationToken);
        if (RequiredFor.Count > 0)
        {
            ModelState.AddModelError(string.Empty,
                $"Không thể tắt xác thực hai lớp: Ban Tổ chức yêu cầu xác thực hai lớp đối với vai trò {StaffTwoFactor.Describe(RequiredFor)}.");
            return Page();
        }

        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Đã tắt xác thực hai lớp. Bạn có thể bật lại bất cứ lúc nào; ứng dụng xác thực đã cài vẫn dùng được.";
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
