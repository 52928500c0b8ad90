using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Account.Manage;

public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string Email { get; private set; } = "";
    public bool EmailConfirmed { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyList<string> RoleLabels { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }

    public sealed class InputModel
    {
        [Required]
        [StringLength(100)]
        [Display(Name = "Họ và tên")]
        public string FullName { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return await SignedOutAsync();
        await LoadAsync(user);
        Input.FullName = user.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return await SignedOutAsync();
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var name = Input.FullName.Trim();
        if (name != user.FullName)
        {
            user.FullName = name;
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                    ModelState.AddModelError(string.Empty, error.Description);
                await LoadAsync(user);
                return Page();
            }
            // The header shows the name from the sign-in cookie; reissue it so the new name appears at once.
            await signIn.RefreshSignInAsync(user);
        }
        StatusMessage = "Đã lưu thông tin tài khoản.";
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Email = user.Email ?? "";
        EmailConfirmed = user.EmailConfirmed;
        CreatedAt = user.CreatedAt;
        TwoFactorEnabled = user.TwoFactorEnabled;
        var roles = await users.GetRolesAsync(user);
        RoleLabels = Roles.All.Where(roles.Contains).Select(Roles.Label).ToList();
    }

    /// <summary>The cookie outlived its account (deleted by an organizer): sign out and start again.</summary>
    private async Task<IActionResult> SignedOutAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
