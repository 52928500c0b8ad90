using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Account.Manage;

internal static class StaffTwoFactor
{
    /// <summary>
    /// The staff roles of <paramref name="user"/> for which the organizers require two-factor sign-in;
    /// empty when the setting is off or the user holds no staff role. Roles are read from the store, not
    /// the cookie, so a role granted a minute ago counts.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RequiredForAsync(
        AppDbContext db, UserManager<AppUser> users, AppUser user, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(user);
        var staff = Roles.Staff.Where(roles.Contains).ToList();
        if (staff.Count == 0 || !await db.Contests.AnyAsync(c => c.RequireTwoFactorForStaff, cancellationToken))
            return [];
        return staff;
    }

    /// <summary>"Giám khảo và Tổ thư ký / Quản trị"</summary>
    public static string Describe(IReadOnlyList<string> roles)
    {
        var labels = roles.Select(Roles.Label).ToList();
        return labels.Count <= 1 ? string.Concat(labels) : string.Join(", ", labels[..^1]) + " và " + labels[^1];
    }
}
