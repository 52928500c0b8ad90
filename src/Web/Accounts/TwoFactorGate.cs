using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Accounts;

/// <summary>
/// When the organizer requires two-factor sign-in for staff, a judge, committee member or organizer
/// without TOTP is sent to set it up before any staff page opens.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    /// <summary>Path prefixes of the staff areas (admin, judging, committee).</summary>
    public static readonly string[] StaffAreas = ["/quan-tri", "/giam-khao", "/ban-to-chuc"];

    public async Task InvokeAsync(HttpContext context, AppDbContext db)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && StaffAreas.Any(a => context.Request.Path.StartsWithSegments(a))
            && Roles.Staff.Any(user.IsInRole)
            && user.FindFirst(ContestClaimsFactory.TwoFactorEnabled)?.Value != "true"
            && await db.Contests.AnyAsync(c => c.RequireTwoFactorForStaff, context.RequestAborted))
        {
            context.Response.Redirect($"{AccountSetup.TwoFactorSetupPath}?batBuoc=true");
            return;
        }
        await next(context);
    }
}
