namespace ContestPlatform.Web.Media.Uploads;

/// <summary>
/// Finds HTML hidden in an image (a JPEG or PNG that is also a web page: a "polyglot"), fed block by
/// block so a marker split across two reads is still found.
/// </summary>
/// <remarks>
/// A marker counts only when followed by white space, <c>/</c> or <c>&gt;</c>, which is exactly when a
/// browser's HTML tokenizer would read it as that tag. That rule also keeps false alarms in compressed
/// pixel data negligible: the likeliest, <c>&lt;svg</c> plus a delimiter, turns up by chance about once
/// in 20 GB of random bytes.
/// </remarks>
public sealed class MarkupScanner
{
    private static readonly byte[][] Markers =
        ["<html"u8.ToArray(), "<script"u8.ToArray(), "<svg"u8.ToArray(), "<iframe"u8.ToArray(), "<?php"u8.ToArray(), "<body"u8.ToArray()];

    /// <summary>The longest marker plus its delimiter.</summary>
    private const int Window = 8;

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

    private static byte Lower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'/' or (byte)'>';
}
