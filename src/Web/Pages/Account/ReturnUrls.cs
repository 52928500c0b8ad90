using Microsoft.AspNetCore.Mvc;

namespace ContestPlatform.Web.Pages.Account;

internal static class ReturnUrls
{
    public const string Default = "/tai-khoan";

    /// <summary>Only a path on this site is followed after sign-in; anything else (https://…, //…, /\…) goes to the account page.</summary>
    public static string Safe(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2000 && url.IsLocalUrl(returnUrl) ? returnUrl : Default;

    /// <summary>Keeps a return URL in links and forms only when it would be followed.</summary>
    public static string? KeepIfLocal(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2000 && url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
