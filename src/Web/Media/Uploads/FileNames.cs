using System.Globalization;
using System.Text;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>
/// Checks and turns the name a browser sends into display text. The result is only ever shown and offered
/// as a download name; storage keys come from the content hash, never from a name.
/// </summary>
public static class FileNames
{
    /// <summary>The longest name kept for display (the column's length).</summary>
    public const int MaxLength = 150;

    /// <summary>The longest name accepted: what file systems allow. A longer one was not picked from a disk.</summary>
    public const int MaxSentLength = 255;

    public const string Fallback = "tep";

    /// <summary>
    /// Why a sent name is refused, or null. A browser sends only the file's own name, so a path (either
    /// slash, or a "." / ".." segment), a control character or more than <see cref="MaxSentLength"/>
    /// characters means a crafted request: refusing it beats guessing what was meant.
    /// </summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return null;
        var composed = name.Normalize(NormalizationForm.FormC);
        if (composed.IndexOfAny(['/', '\\']) >= 0 || composed.Trim() is "." or "..")
            return UploadMessages.NameWithPath;
        if (composed.Any(char.IsControl))
            return UploadMessages.NameWithControl;
        if (composed.Length > MaxSentLength)
            return UploadMessages.NameTooLong(composed.Length, MaxSentLength);
        return null;
    }

    /// <summary>
    /// For a name <see cref="Problem"/> accepts: composes it (NFC: a Mac sends decomposed accents), drops
    /// bidi overrides and zero-width characters (which can disguise "gpj.exe" as "exe.jpg"), collapses
    /// white space, and cuts to <see cref="MaxLength"/> characters keeping the extension. Still keeps only
    /// the last path segment and drops control characters, should it ever be given a refused name. An
    /// empty result becomes "tep".
    /// </summary>
    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return Fallback;

        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        var leaf = name[(lastSeparator + 1)..];

        var text = new StringBuilder(leaf.Length);
        var pendingSpace = false;
        foreach (var c in leaf.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }
            if (char.IsControl(c) || IsInvisibleFormatting(c))
                continue;
            if (pendingSpace)
                text.Append(' ');
            pendingSpace = false;
            text.Append(c);
        }

        // Leading dots hide files on Unix; trailing dots and spaces vanish on Windows.
        var cleaned = text.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length == 0)
            return Fallback;
        return cleaned.Length <= MaxLength ? cleaned : Shorten(cleaned);
    }

    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length is < 2 or > 12 || extension.Contains(' '))
            extension = "";
        var stem = name[..^extension.Length];
        return CutAt(stem, MaxLength - extension.Length).TrimEnd() + extension;
    }

    // Never cut a surrogate pair or a base letter from its combining mark.
    private static string CutAt(string text, int length)
    {
        var result = new StringBuilder(length);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (result.Length + element.Length > length)
                break;
            result.Append(element);
        }
        return result.ToString();
    }

    private static bool IsInvisibleFormatting(char c) =>
        c is '\u061C' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
