using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages.Account;

/// <summary>What a person does on the account pages, as reusable steps. Every address is fresh, so tests sharing a site don't meet.</summary>
internal static class AccountSteps
{
    public const string Password = "MatKhau123";

    public static string NewEmail(string who = "nguoi-dung") => $"{who}-{Guid.NewGuid():N}@example.vn";

    public static Task<HttpResponseMessage> RegisterAsync(
        Browser browser, string email, string fullName = "Nguyễn Thị Hoa", string password = Password, bool acceptRules = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = fullName,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
        if (acceptRules)
            fields["Input.AcceptRules"] = "true";
        return browser.SubmitFormAsync("/tai-khoan/dang-ky", fields);
    }

    /// <summary>Opens the confirmation link from the newest mail to <paramref name="email"/>.</summary>
    public static async Task<IHtmlDocument> ConfirmFromMailAsync(TestSite site, Browser browser, string email)
    {
        var link = site.Mail.LinkIn(email, "/tai-khoan/xac-nhan-email");
        return await browser.GetPageAsync(link);
    }

    public static Task<HttpResponseMessage> LoginAsync(Browser browser, string email, string password = Password, string? returnUrl = null)
    {
        var page = returnUrl is null ? "/tai-khoan/dang-nhap" : $"/tai-khoan/dang-nhap?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return browser.SubmitFormAsync(page, new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>A new, confirmed account with the given roles, signed in in a new browser.</summary>
    public static async Task<(Browser Browser, string Email)> SignedInAsync(TestSite site, params string[] roles)
    {
        var email = NewEmail();
        await site.CreateUserAsync(email, Password, roles);
        var browser = site.NewBrowser();
        var response = await LoginAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, email);
    }

    public static string Text(IHtmlDocument document) => document.Body?.TextContent ?? "";

    public static async Task<string> TextAsync(HttpResponseMessage response) => Text(await Browser.ParseAsync(response));

    public static string Location(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }
}
