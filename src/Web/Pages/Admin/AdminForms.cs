using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using ContestPlatform.Web.Markdown;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace ContestPlatform.Web.Pages.Admin;

/// <summary>Small helpers the admin pages share: tidying what was typed, who is typing, and the Markdown preview.</summary>
public static partial class AdminForms
{
    /// <summary>Longest Markdown the preview renders; the rules, the largest document, allow this much.</summary>
    public const int MaxPreviewLength = 200_000;

    /// <summary>
    /// The public rules and news pages push Markdown headings down one level under their own &lt;h1&gt;;
    /// previews and the version view do the same, so the organizer sees what visitors will see.
    /// </summary>
    public const int HeadingOffset = 1;

    /// <summary>Markdown as the public pages render it.</summary>
    public static IHtmlContent Render(MarkdownRenderer renderer, string? markdown) =>
        renderer.Render(Block(markdown), HeadingOffset);

    /// <summary>One-line text: trimmed, runs of whitespace collapsed, NFC (text pasted from Word is often decomposed).</summary>
    public static string Line(string? text) =>
        Whitespace().Replace((text ?? "").Normalize(NormalizationForm.FormC), " ").Trim();

    /// <summary>Multi-line text with Unix line endings: browsers post CRLF, the seed files and the database use LF.</summary>
    public static string Block(string? text) =>
        (text ?? "").Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    /// <summary>"One per line" lists (legal bases, attendee groups): each line trimmed, blank lines dropped.</summary>
    public static string Lines(string? text) =>
        string.Join('\n', Block(text).Split('\n').Select(Line).Where(l => l.Length > 0));

    /// <summary>The signed-in organizer as recorded in histories: their email (the account name when Identity has no email claim).</summary>
    public static string Email(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";

    /// <summary>The sanitised HTML of <paramref name="markdown"/> for the live preview beside an editor.</summary>
    public static IActionResult Preview(MarkdownRenderer renderer, string? markdown)
    {
        if (markdown is { Length: > MaxPreviewLength })
            return new ContentResult
            {
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ContentType = "text/plain; charset=utf-8",
                Content = $"Nội dung dài quá {MaxPreviewLength:N0} ký tự nên không xem trước được.",
            };
        return new ContentResult
        {
            ContentType = "text/html; charset=utf-8",
            Content = renderer.Render(Block(markdown), HeadingOffset).Value,
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
