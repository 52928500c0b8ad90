namespace ContestPlatform.Web.Media.Uploads;

/// <summary>
/// Finds HTML hidden in an image (a JPEG or PNG that is also a web page: a "polyglot"), fed block by
/// block so a marker split across two reads is still found.
/// </summary>
/// <remarks>
/// The markers are the tags a browser would act on if the file were ever read as a page: ones that run
/// script or handlers (<c>script</c>, <c>img</c>, <c>svg</c>, <c>body</c>, <c>iframe</c>, <c>object</c>,
/// <c>embed</c>, media and form controls), change the page (<c>style</c>, <c>link</c>, <c>meta</c>,
/// <c>base</c>, <c>form</c>), plus <c>html</c> and <c>&lt;?php</c>. Covering the tags makes looking for
/// <c>on…=</c> handlers unnecessary: a handler needs a tag to sit on.
/// A marker counts only when followed by white space, <c>/</c> or <c>&gt;</c>, which is exactly when a
/// browser's HTML tokenizer would read it as that tag. That rule also keeps false alarms in compressed
/// pixel data negligible: the likeliest, a four-character one such as <c>&lt;svg</c> or <c>&lt;img</c> plus a
/// delimiter, turns up by chance about once in 20 GB of random bytes. <c>&lt;a</c> is too short for that
/// (once in about a megabyte), and an anchor does nothing without a link, so it counts only with an
/// <c>href</c> after at most <see cref="MaxGap"/> delimiters (<c>&lt;a href</c>, <c>&lt;A/HREF</c>).
/// </remarks>
public sealed class MarkupScanner
{
    private static readonly byte[][] Markers =
    [
        .. new[]
        {
            "html", "body", "script", "svg", "img", "iframe", "frame", "frameset", "object", "embed", "meta", "link",
            "style", "form", "base", "input", "video", "audio", "details", "marquee",
        }.Select(tag => System.Text.Encoding.ASCII.GetBytes("<" + tag)),
        "<?php"u8.ToArray(),
    ];

    /// <summary>Delimiters allowed between <c>&lt;a</c> and <c>href</c>.</summary>
    private const int MaxGap = 40;

    /// <summary>The longest marker plus its delimiter: "&lt;a", its gap and "href".</summary>
    private const int Window = 2 + MaxGap + 4;

    private readonly byte[] _carry = new byte[Window - 1];
    private int _carryLength;
    private byte[] _joined = [];

    public bool Found { get; private set; }

    public void Append(ReadOnlySpan<byte> block)
    {
        if (Found || block.IsEmpty)
            return;
        // Scan the carried tail of the previous block together with this one; positions too close to the
        // end to decide are carried again.
        var length = _carryLength + block.Length;
        if (_joined.Length < length)
            _joined = new byte[Math.Max(length, 64 * 1024)];
        _carry.AsSpan(0, _carryLength).CopyTo(_joined);
        block.CopyTo(_joined.AsSpan(_carryLength));
        var data = _joined.AsSpan(0, length);

        var decidable = length - (Window - 1);
        if (decidable > 0)
        {
            Found = Scan(data, decidable, atEnd: false);
            _carryLength = Window - 1;
        }
        else
        {
            _carryLength = length;
        }
        data[(length - _carryLength)..].CopyTo(_carry);
    }

    /// <summary>Call after the last block: a marker right at the end of the file counts too.</summary>
    public bool Finish()
    {
        if (!Found && _carryLength > 0)
            Found = Scan(_carry.AsSpan(0, _carryLength), _carryLength, atEnd: true);
        _carryLength = 0;
        return Found;
    }

    private static bool Scan(ReadOnlySpan<byte> data, int positions, bool atEnd)
    {
        var offset = 0;
        while (offset < positions)
        {
            var next = data[offset..positions].IndexOf((byte)'<');
            if (next < 0)
                return false;
            var at = offset + next;
            if (MatchesAt(data, at, atEnd))
                return true;
            offset = at + 1;
        }
        return false;
    }

    private static bool MatchesAt(ReadOnlySpan<byte> data, int at, bool atEnd)
    {
        if (IsAnchorWithLink(data, at))
            return true;
        foreach (var marker in Markers)
        {
            var end = at + marker.Length;
            if (end > data.Length)
                continue;
            var matches = true;
            for (var i = 1; i < marker.Length && matches; i++)
                matches = Lower(data[at + i]) == marker[i];
            if (!matches)
                continue;
            if (end == data.Length ? atEnd : IsDelimiter(data[end]))
                return true;
        }
        return false;
    }

    // "<a", one to MaxGap delimiters, "href". Needs no end-of-data rule: "href" must be whole to count.
    private static bool IsAnchorWithLink(ReadOnlySpan<byte> data, int at)
    {
        var i = at + 1;
        if (i >= data.Length || Lower(data[i]) != (byte)'a')
            return false;
        var gapStart = ++i;
        while (i < data.Length && i - gapStart < MaxGap && IsGap(data[i]))
            i++;
        return i > gapStart && i + 4 <= data.Length
               && Lower(data[i]) == 'h' && Lower(data[i + 1]) == 'r' && Lower(data[i + 2]) == 'e' && Lower(data[i + 3]) == 'f';
    }

    private static bool IsGap(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'/';

    private static byte Lower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'/' or (byte)'>';
}
