using Microsoft.AspNetCore.Identity;

namespace ContestPlatform.Web.Accounts;

public sealed class AppUser : IdentityUser
{
    /// <summary>Họ và tên, shown to organizers; never to judges (blind judging).</summary>
    public string FullName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
