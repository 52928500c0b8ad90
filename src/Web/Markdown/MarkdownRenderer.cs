using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace ContestPlatform.Web.Markdown;

/// <summary>
/// Turns organizer-written Markdown (rules, news) into safe HTML. Two locks: Markdig escapes raw HTML,
/// then HtmlSanitizer removes anything executable that Markdown syntax itself can produce
/// (javascript: links, data: URLs, event attributes).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .UseAutoIdentifiers()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public HtmlString Render(string? markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown ?? "", _pipeline);
        return new HtmlString(_sanitizer.Sanitize(html));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowDataAttributes = false;
        // Images in rules and news come from our own site or https; never data: payloads.
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer;
    }
}
