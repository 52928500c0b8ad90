using System.Text;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>A content format the platform accepts, as recognised from its first bytes.</summary>
public enum ContentFormat
{
    Jpeg,
    Png,
    WebP,
    Mp4,
    QuickTime,
    WebM,
    Pdf,
}

/// <summary>What the first bytes of a file say it is: an accepted format, or the reason it is refused.</summary>
public sealed record SniffResult(ContentFormat? Format, string? Refusal)
{
    public bool Accepted => Format is not null;

    public string ContentType => Format switch
    {
        ContentFormat.Jpeg => "image/jpeg",
        ContentFormat.Png => "image/png",
        ContentFormat.WebP => "image/webp",
        ContentFormat.Mp4 => "video/mp4",
        ContentFormat.QuickTime => "video/quicktime",
        ContentFormat.WebM => "video/webm",
        ContentFormat.Pdf => "application/pdf",
        _ => "application/octet-stream",
    };

    public bool IsImage => Format is ContentFormat.Jpeg or ContentFormat.Png or ContentFormat.WebP;
    public bool IsVideo => Format is ContentFormat.Mp4 or ContentFormat.QuickTime or ContentFormat.WebM;

    internal static SniffResult Of(ContentFormat format) => new(format, null);
    internal static SniffResult Refused(string message) => new(null, message);
}

/// <summary>
/// Decides what a file is from its magic bytes only. The declared name and Content-Type are never asked:
/// a "photo.jpg" holding HTML is HTML. Only formats the media pipeline can handle are accepted; every
/// refusal carries a Vietnamese message the entrant can act on.
/// </summary>
public static class ContentSniffer
{
    /// <summary>Bytes to read from the start of a file before calling <see cref="Sniff"/>.</summary>
    public const int HeaderLength = 512;

    private static readonly string[] Mp4Brands = ["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash"];
    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    /// <summary>Classifies a file from its first bytes (up to <see cref="HeaderLength"/>) and its total length.</summary>
    public static SniffResult Sniff(ReadOnlySpan<byte> head, long length)
    {
        if (length == 0 || head.IsEmpty)
            return SniffResult.Refused(UploadMessages.Empty);

        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFF, 0xD8, 0xFF]))
            return SniffResult.Of(ContentFormat.Jpeg);
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return SniffResult.Of(ContentFormat.Png);
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return SniffResult.Of(ContentFormat.WebP);
        if (head.StartsWith("%PDF-"u8))
            return SniffResult.Of(ContentFormat.Pdf);
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0x1A, 0x45, 0xDF, 0xA3]))
            return SniffResult.Of(ContentFormat.WebM); // EBML: WebM and Matroska
        if (IsoMediaBrands(head) is { } brands)
            return Classify(brands);

        if (head.StartsWith("PK"u8) && head.Length >= 4 && head[2] < 9 && head[3] < 9)
            return SniffResult.Refused(UploadMessages.Archive);
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return SniffResult.Refused(UploadMessages.Archive); // legacy Office (.doc, .xls)
        if (IsExecutable(head))
            return SniffResult.Refused(UploadMessages.Executable);
        if (LooksLikeMarkup(head))
            return SniffResult.Refused(UploadMessages.Markup);
        if (head.StartsWith("GIF8"u8) || head.StartsWith("BM"u8) || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            return SniffResult.Refused(UploadMessages.OtherImage);
        return SniffResult.Refused(UploadMessages.Unknown);
    }

    /// <summary>Whether content of <paramref name="sniffed"/> may be uploaded as <paramref name="kind"/>.</summary>
    public static string? KindMismatch(MediaKind kind, SniffResult sniffed) => kind switch
    {
        MediaKind.Photo when !sniffed.IsImage => UploadMessages.NotAPhoto(sniffed),
        MediaKind.Video when !sniffed.IsVideo => UploadMessages.NotAVideo(sniffed),
        MediaKind.Document when sniffed.Format != ContentFormat.Pdf => UploadMessages.NotAPdf(sniffed),
        MediaKind.Evidence when sniffed.Format is not (ContentFormat.Pdf or ContentFormat.Jpeg or ContentFormat.Png) =>
            UploadMessages.NotEvidence(sniffed),
        _ => null,
    };

    // ISO base media (MP4, MOV, HEIF): [size][ftyp][major brand][minor version][compatible brands…].
    private static List<string>? IsoMediaBrands(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12 || !head[4..8].SequenceEqual("ftyp"u8))
            return null;
        var boxSize = (int)Math.Min((uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]), (uint)head.Length);
        var brands = new List<string> { Encoding.ASCII.GetString(head[8..12]) };
        for (var i = 16; i + 4 <= boxSize; i += 4)
            brands.Add(Encoding.ASCII.GetString(head[i..(i + 4)]));
        return brands;
    }

    private static SniffResult Classify(List<string> brands)
    {
        var major = brands[0];
        // The major brand says what the file is; HEIF photos also list "mif1"/"heic" as compatible brands.
        if (HeifBrands.Contains(major))
            return SniffResult.Refused(UploadMessages.Heic);
        if (major is "avif" or "avis")
            return SniffResult.Refused(UploadMessages.OtherImage);
        if (major == "qt  ")
            return SniffResult.Of(ContentFormat.QuickTime);
        if (Mp4Brands.Contains(major))
            return SniffResult.Of(ContentFormat.Mp4);
        if (brands.Skip(1).Any(b => HeifBrands.Contains(b)) && !brands.Skip(1).Any(b => Mp4Brands.Contains(b)))
            return SniffResult.Refused(UploadMessages.Heic);
        if (brands.Skip(1).Any(b => Mp4Brands.Contains(b) || b == "qt  "))
            return SniffResult.Of(ContentFormat.Mp4);
        return SniffResult.Refused(UploadMessages.Unknown);
    }

    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)                                   // Windows PE
        || head.StartsWith((ReadOnlySpan<byte>)[(byte)0x7F, (byte)'E', (byte)'L', (byte)'F'])
        || head.StartsWith("#!"u8)                                // scripts
        || head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[(byte)0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[(byte)0xCF, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[(byte)0xCA, 0xFE, 0xBA, 0xBE])        // Mach-O fat binary (also Java class)
        || head.StartsWith("dex\n"u8);                            // Android

    // HTML, XML and SVG, possibly after a byte-order mark and white space.
    private static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0xEF, 0xBB, 0xBF]))
            head = head[3..];
        else if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFE, 0xFF]))
            return true; // UTF-16 text: never a photo, video or PDF
        var text = Encoding.ASCII.GetString(head).TrimStart().ToLowerInvariant();
        return text.StartsWith('<')
               || text.Contains("<html") || text.Contains("<svg") || text.Contains("<script") || text.Contains("<!doctype");
    }
}
