namespace ContestPlatform.Storage;

/// <summary>
/// Checks the content type and metadata of a write, so that every provider accepts and returns exactly
/// the same values (Azure sends both as HTTP headers).
/// </summary>
internal static class BlobWriteRules
{
    public const string DefaultContentType = "application/octet-stream";
    public const int MaxMetadataBytes = 8 * 1024;

    public static string ContentType(string? contentType)
    {
        if (contentType is null)
        {
            return DefaultContentType;
        }

        if (contentType.Length is 0 or > 255 || !IsPrintableAscii(contentType) || contentType.Trim() != contentType)
        {
            throw new ArgumentException(
                $"Content type \"{contentType}\" is invalid: use 1–255 printable ASCII characters.", nameof(contentType));
        }

        return contentType;
    }

    public static IReadOnlyDictionary<string, string> Metadata(IReadOnlyDictionary<string, string>? metadata)
    {
        // Copy, so later changes by the caller can't alter what was validated and stored.
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata is null)
        {
            return copy;
        }

        var total = 0;
        foreach (var (name, value) in metadata)
        {
            if (!IsMetadataName(name))
            {
                throw new ArgumentException(
                    $"Metadata name \"{name}\" is invalid: use lower-case ASCII letters, digits and '_', starting with a letter.",
                    nameof(metadata));
            }

            // HTTP trims header values and carries only ASCII reliably.
            if (value is null || !IsPrintableAscii(value) || value.Trim() != value)
            {
                throw new ArgumentException(
                    $"Metadata value of \"{name}\" is invalid: use printable ASCII without leading or trailing spaces.",
                    nameof(metadata));
            }

            total += name.Length + value.Length;
            copy[name] = value;
        }

        if (total > MaxMetadataBytes)
        {
            throw new ArgumentException($"Metadata is {total} bytes; at most {MaxMetadataBytes} are allowed.", nameof(metadata));
        }

        return copy;
    }

    private static bool IsMetadataName(string name) =>
        name.Length is > 0 and <= 64
        && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');
}
