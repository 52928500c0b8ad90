using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages.Admin;

/// <summary>What an organizer does in the admin pages, as reusable steps.</summary>
internal static class AdminSteps
{
    public const string Password = "MatKhau123";

    public static string NewEmail(string who = "thu-ky") => $"{who}-{Guid.NewGuid():N}@example.vn";

    /// <summary>A browser signed in with a new account holding <paramref name="roles"/> (Organizer by default), and its email.</summary>
    public static async Task<(Browser Browser, string Email)> SignedInAsync(TestSite site, params string[] roles)
    {
        var email = NewEmail();
        await site.CreateUserAsync(email, Password, roles.Length == 0 ? [Roles.Organizer] : roles);
        var browser = site.NewBrowser();
        var response = await browser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, email);
    }

    public static string Text(IHtmlDocument document) => document.Body?.TextContent ?? "";

    public static async Task<string> TextAsync(HttpResponseMessage response) => Text(await Browser.ParseAsync(response));

    /// <summary>Follows a post/redirect/get and returns the page the organizer lands on.</summary>
    public static async Task<IHtmlDocument> LandAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect, got {(int)response.StatusCode}: {await TextAsync(response)}");
        return await browser.FollowAsync(response);
    }

    /// <summary>A datetime-local value, in Vietnam time, for an instant.</summary>
    public static string VietnamInput(DateTimeOffset instant) => VietnameseFormat.InputValue(instant.UtcDateTime);

    /// <summary>
    /// Posts Markdown to an editor's preview handler as markdown-preview.js does: form field "markdown",
    /// antiforgery token in the RequestVerificationToken header.
    /// </summary>
    public static async Task<HttpResponseMessage> PreviewAsync(Browser browser, string editorUrl, string markdown, bool withToken = true)
    {
        var page = await browser.GetPageAsync(editorUrl);
        var editor = page.QuerySelector("textarea[data-preview]") ?? throw new InvalidOperationException($"No Markdown editor on {editorUrl}");
        var token = editor.Closest("form")!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // The script posts to a URL relative to the page, e.g. "?handler=Preview".
        using var request = new HttpRequestMessage(HttpMethod.Post, editorUrl + editor.GetAttribute("data-preview-url"));
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = markdown });
        if (withToken)
            request.Headers.Add("RequestVerificationToken", token);
        return await browser.Client.SendAsync(request);
    }

    /// <summary>Markdown that would run script if it were rendered carelessly.</summary>
    public const string HostileMarkdown =
        "# Điều khoản\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n" +
        "[y](JAVASCRIPT:alert(2)) and <a href=\"javascript:alert(3)\">z</a>\n\n![ảnh](javascript:alert(4))";

    /// <summary>No script element, no event-handler attribute and no javascript: URL inside <paramref name="root"/>.</summary>
    public static void AssertInert(AngleSharp.Dom.IElement root)
    {
        Assert.Empty(root.QuerySelectorAll("script"));
        foreach (var element in root.QuerySelectorAll("*"))
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"<{element.LocalName} {attribute.Name}=…> survived");
                Assert.DoesNotContain("javascript:", attribute.Value.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
            }
    }
}
