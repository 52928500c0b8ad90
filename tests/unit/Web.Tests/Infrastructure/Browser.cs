using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ContestPlatform.Web.Tests.Infrastructure;

/// <summary>
/// Drives the site like a person with a browser: GET a page, fill in a form found on it (the antiforgery
/// token comes along as it would), submit it. Redirects are not followed so tests can check them.
/// </summary>
public sealed class Browser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var (response, document) = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return document;
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, takes the form (the first one with a submit button, or the one
    /// matching <paramref name="formSelector"/>), overrides fields and posts it.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(
        string pageUrl, Dictionary<string, string> fields, string? formSelector = null, string? submitName = null, bool withToken = true)
    {
        var page = await GetPageAsync(pageUrl);
        var form = (formSelector is null
            ? page.Forms.FirstOrDefault(f => f.QuerySelector("button[type=submit], input[type=submit], button:not([type])") is not null
                                             && !(f.Action ?? "").Contains("dang-xuat"))
            : page.QuerySelector(formSelector) as IHtmlFormElement)
            ?? throw new InvalidOperationException($"No form on {pageUrl}");
        return await SubmitAsync(form, pageUrl, fields, submitName, withToken);
    }

    public async Task<HttpResponseMessage> SubmitAsync(
        IHtmlFormElement form, string pageUrl, Dictionary<string, string> fields, string? submitName = null, bool withToken = true)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
                    if (input.Type is "submit" or "button" or "file") continue;
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        if (!withToken)
            values.RemoveAll(v => v.Key == "__RequestVerificationToken");
        if (submitName is not null)
            values.Add(new(submitName.Split('=')[0], submitName.Contains('=') ? submitName.Split('=', 2)[1] : ""));

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public async Task<IHtmlDocument> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)redirect.StatusCode}: {await redirect.Content.ReadAsStringAsync()}");
        return await GetPageAsync(redirect.Headers.Location!.OriginalString);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());
}
