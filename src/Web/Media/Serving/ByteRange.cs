using System.Globalization;

namespace ContestPlatform.Web.Media.Serving;

public enum RangeOutcome
{
    /// <summary>No usable Range header: send the whole file with 200.</summary>
    Whole,

    /// <summary>One satisfiable range: send it with 206.</summary>
    Partial,

    /// <summary>A well-formed range that lies outside the file: 416.</summary>
    Unsatisfiable,
}

/// <summary>The bytes to send for a request: <see cref="Length"/> bytes from <see cref="Offset"/>.</summary>
public readonly record struct ByteRange(RangeOutcome Outcome, long Offset, long Length)
{
    /// <summary>The last byte sent, for Content-Range.</summary>
    public long Last => Offset + Length - 1;

    /// <summary>
    /// Reads a Range header (RFC 9110 §14) against a file of <paramref name="size"/> bytes. One range is
    /// served: <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c>. Anything else — other units,
    /// several ranges, malformed values — is ignored as the RFC allows, and the whole file is sent.
    /// Video players and download managers only ever ask for one range.
    /// </summary>
    public static ByteRange Resolve(string? header, long size)
    {
        var whole = new ByteRange(RangeOutcome.Whole, 0, size);
        if (string.IsNullOrWhiteSpace(header))
            return whole;
        var text = header.Trim();
        const string unit = "bytes=";
        if (!text.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            return whole;
        var spec = text[unit.Length..].Trim();
        if (spec.Contains(',', StringComparison.Ordinal))
            return whole;
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
            return whole;
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();

        if (first.Length == 0)
        {
            // Suffix range: the last n bytes.
            if (!TryParse(last, out var suffix))
                return whole;
            if (suffix == 0 || size == 0)
                return Unsatisfiable(size);
            var length = Math.Min(suffix, size);
            return new ByteRange(RangeOutcome.Partial, size - length, length);
        }

        if (!TryParse(first, out var start))
            return whole;
        long end;
        if (last.Length == 0)
            end = long.MaxValue;
        else if (!TryParse(last, out end) || end < start)
            return whole;
        if (start >= size)
            return Unsatisfiable(size);
        end = Math.Min(end, size - 1);
        return new ByteRange(RangeOutcome.Partial, start, end - start + 1);
    }

    private static ByteRange Unsatisfiable(long size) => new(RangeOutcome.Unsatisfiable, 0, size);

    // Digits only: no sign, no spaces, no thousands separators.
    private static bool TryParse(string digits, out long value) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
