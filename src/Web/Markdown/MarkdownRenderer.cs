using Ganss.Xss;
using Markdig;
using ContestPlatform.Web.Infrastructure;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
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
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <param name="headingOffset">
    /// Levels to push headings down, so a document embedded under the page's own &lt;h1&gt; keeps a single
    /// h1 per page (rules and news start their text with "# Title").
    /// </param>
    public HtmlString Render(string? markdown, int headingOffset = 0)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", _pipeline);
        var ids = new HashSet<string>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
            heading.GetAttributes().Id = UniqueId(heading, ids);
        }
        var html = document.ToHtml(_pipeline);
        return new HtmlString(_sanitizer.Sanitize(html));
    }

    /// <summary>
    /// Anchors from our own Vietnamese slugs ("Điều 1" → "dieu-1"); Markdig's own drop "đ" ("ieu-1").
    /// </summary>
    private static string UniqueId(HeadingBlock heading, HashSet<string> taken)
    {
        var text = heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        var slug = VietnameseText.Slugify(text, 80);
        if (slug.Length == 0)
            slug = "muc";
        var id = slug;
        for (var n = 2; !taken.Add(id); n++)
            id = $"{slug}-{n}";
        return id;
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
