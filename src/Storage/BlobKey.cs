namespace ContestPlatform.Storage;

/// <summary>
/// The one place where blob keys are checked. A valid key is a relative path of non-empty segments
/// separated by <c>/</c>, safe to use as a file path under a root and as an Azure blob name.
/// </summary>
public static class BlobKey
{
    /// <summary>The longest key accepted, in characters.</summary>
    public const int MaxLength = 512;

    /// <summary>Returns <paramref name="key"/> if it is a valid key.</summary>
    /// <exception cref="ArgumentException">The key is invalid; the message says why.</exception>
    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Problem(key, isPrefix: false) is { } problem)
        {
            throw new ArgumentException($"Blob key \"{Printable(key)}\" is invalid: {problem}.", nameof(key));
        }

        return key;
    }

    /// <summary>Tells whether <paramref name="key"/> is a valid key.</summary>
    public static bool IsValid(string? key) => key is not null && Problem(key, isPrefix: false) is null;

    /// <summary>
    /// Returns <paramref name="prefix"/> if some valid key could start with it: empty, or a key that may
    /// end with <c>/</c> or in the middle of a segment.
    /// </summary>
    /// <exception cref="ArgumentException">No valid key starts with the prefix.</exception>
    public static string ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (Problem(prefix, isPrefix: true) is { } problem)
        {
            throw new ArgumentException($"Blob key prefix \"{Printable(prefix)}\" is invalid: {problem}.", nameof(prefix));
        }

        return prefix;
    }

    private static string? Problem(string key, bool isPrefix)
    {
        if (key.Length == 0)
        {
            return isPrefix ? null : "it is empty";
        }

        if (key.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        if (key[0] == '/')
        {
            return "it must be relative, not start with '/'";
        }

        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                return "it contains a control character";
            }

            if (c == '\\')
            {
                return "it contains a backslash; separate segments with '/'";
            }

            // A colon makes drive-relative paths and alternate data streams on Windows.
            if (c == ':')
            {
                return "it contains a colon";
            }
        }

        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var isLast = i == segments.Length - 1;

            // A prefix may end with '/' (one folder) or inside a segment, so its last segment may be
            // empty or incomplete; "." and ".." still can't be completed into a valid segment.
            if (segment.Length == 0 && !(isPrefix && isLast))
            {
                return "it contains an empty segment ('//' or a trailing '/')";
            }

            if (segment is "." or "..")
            {
                return "it contains a '.' or '..' segment";
            }

            if (segment.StartsWith('.'))
            {
                return "segments starting with '.' are reserved for the store's own files";
            }
        }

        return null;
    }

    // Keys come from callers and end up in logs: show control characters escaped and cut long keys short.
    private static string Printable(string key)
    {
        var shown = key.Length > 80 ? key[..80] + "…" : key;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
