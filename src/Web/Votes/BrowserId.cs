using System.Security.Cryptography;

namespace ContestPlatform.Web.Votes;

/// <summary>
/// A first-party cookie naming the browser, so the report can show one browser used by several accounts.
/// It carries a random id only, is never shared with anyone, and is set only where votes happen.
/// </summary>
public static class BrowserId
{
    public const string CookieName = "dmst.b";

    public static string GetOrCreate(HttpContext context)
    {
        var existing = context.Request.Cookies[CookieName];
        if (existing is { Length: 32 } && existing.All(char.IsAsciiHexDigitLower))
            return existing;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
        return id;
    }
}
