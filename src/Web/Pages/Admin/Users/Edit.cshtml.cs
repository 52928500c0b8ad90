using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Users;

/// <summary>One account: its roles, lock state, email confirmation and two-factor status.</summary>
public sealed class EditModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider time) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public AppUser Account { get; private set; } = null!;
    public bool IsSelf { get; private set; }
    public bool IsLocked { get; private set; }

    /// <summary>The roles as stored; the checkboxes show these even after a refused change.</summary>
    public IList<string> CurrentRoles { get; private set; } = [];

    public sealed class InputModel
    {
        public List<string> Roles { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(string id)
    {
        if (!await LoadAsync(id))
            return NotFound();

        var wanted = Input.Roles.Select(Roles.Parse).OfType<string>().Distinct().ToList();
        if (IsSelf && !wanted.Contains(Roles.Organizer))
        {
            ModelState.AddModelError(string.Empty,
                $"Bạn không thể tự bỏ vai trò “{Roles.Label(Roles.Organizer)}” của chính mình. Nếu cần, hãy nhờ một người quản trị khác thực hiện.");
            return Page();
        }

        var added = wanted.Except(CurrentRoles).ToList();
        var removed = CurrentRoles.Except(wanted).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            StatusMessage = "Vai trò không thay đổi.";
            return RedirectToPage(new { id });
        }

        var result = await users.AddToRolesAsync(Account, added);
        if (result.Succeeded)
            result = await users.RemoveFromRolesAsync(Account, removed);
        if (!result.Succeeded)
            return Failed(result);

        await InvalidateSessionsAsync();
        StatusMessage = "Đã cập nhật vai trò: " + Describe(added, removed) + ".";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (IsSelf)
        {
            ModelState.AddModelError(string.Empty, "Bạn không thể tự khóa tài khoản của chính mình.");
            return Page();
        }

        var result = await users.SetLockoutEnabledAsync(Account, true);
        if (result.Succeeded)
            result = await users.SetLockoutEndDateAsync(Account, DateTimeOffset.MaxValue);
        if (!result.Succeeded)
            return Failed(result);

        await InvalidateSessionsAsync();
        StatusMessage = $"Đã khóa tài khoản {Account.Email}. Người dùng này không đăng nhập được cho đến khi được mở khóa.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var result = await users.SetLockoutEndDateAsync(Account, null);
        if (result.Succeeded)
            result = await users.ResetAccessFailedCountAsync(Account);
        if (!result.Succeeded)
            return Failed(result);

        StatusMessage = $"Đã mở khóa tài khoản {Account.Email}.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } account)
            return false;
        Account = account;
        IsSelf = users.GetUserId(User) == account.Id;
        IsLocked = account.LockoutEnd > time.GetUtcNow();
        CurrentRoles = await users.GetRolesAsync(account);
        return true;
    }

    /// <summary>
    /// A new security stamp makes other devices re-check the account, so a removed role or a lock takes
    /// effect without waiting for the cookie to expire; the organizer's own session is renewed instead.
    /// </summary>
    private async Task InvalidateSessionsAsync()
    {
        await users.UpdateSecurityStampAsync(Account);
        if (IsSelf)
            await signIn.RefreshSignInAsync(Account);
    }

    private PageResult Failed(IdentityResult result)
    {
        foreach (var error in result.Errors)
            ModelState.AddModelError(string.Empty, error.Description);
        return Page();
    }

    private static string Describe(IReadOnlyList<string> added, IReadOnlyList<string> removed)
    {
        var parts = new List<string>();
        if (added.Count > 0)
            parts.Add("thêm " + string.Join(", ", added.Select(Roles.Label)));
        if (removed.Count > 0)
            parts.Add("bỏ " + string.Join(", ", removed.Select(Roles.Label)));
        return string.Join("; ", parts);
    }
}
