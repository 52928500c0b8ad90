namespace ContestPlatform.Web.Media.Serving;

/// <summary>
/// One thing that can be fetched for a media file: which stored blob it is, and the fixed content type
/// it is served with. The type never comes from the upload or the stored blob, so a file that was
/// stored as text/html (or anything a browser would run) still goes out as an image, a video or a download.
/// </summary>
public sealed record MediaVariant(
    string Path,
    string ContentType,
    Func<MediaFile, string?> Key,
    bool Attachment = false,
    bool OriginalOnly = false)
{
    public static readonly MediaVariant ThumbWebp = new("anh-nho.webp", "image/webp", m => m.ThumbKey);
    public static readonly MediaVariant ThumbJpeg = new("anh-nho.jpg", "image/jpeg", m => m.ThumbJpegKey);
    public static readonly MediaVariant DisplayWebp = new("anh.webp", "image/webp", m => m.DisplayKey);
    public static readonly MediaVariant DisplayJpeg = new("anh.jpg", "image/jpeg", m => m.DisplayJpegKey);
    public static readonly MediaVariant Poster = new("poster.jpg", "image/jpeg", m => m.PosterKey);

    /// <summary>The playback copy of a video; a PDF's playback copy is never served as video.</summary>
    public static readonly MediaVariant Video = new("video", "video/mp4",
        m => m.Kind == MediaKind.Video ? m.PlaybackKey : null);

    /// <summary>
    /// The cleaned PDF of a document (or of a PDF evidence scan). Sent as a download: a PDF opened in the
    /// browser's viewer runs on our origin and can carry scripts and forms, so it is not shown inline.
    /// </summary>
    public static readonly MediaVariant Document = new("tai-lieu", "application/pdf",
        m => m.Kind is MediaKind.Document or MediaKind.Evidence ? m.PlaybackKey : null, Attachment: true);

    /// <summary>The upload as it came, for its owner and the secretariat: a download of opaque bytes.</summary>
    public static readonly MediaVariant Original = new("goc", "application/octet-stream",
        m => m.OriginalKey, Attachment: true, OriginalOnly: true);

    public static readonly IReadOnlyList<MediaVariant> All =
        [ThumbWebp, ThumbJpeg, DisplayWebp, DisplayJpeg, Poster, Video, Document, Original];

    /// <summary>
    /// The file name offered for a download. Derivatives get a neutral name: entries under judging are
    /// public, and the uploaded name may carry an author's name that blind judges must not see.
    /// </summary>
    public string DownloadName(MediaFile media)
    {
        if (!OriginalOnly)
            return $"tai-lieu-{media.Id}.pdf";
        // The uploader already cleans names; a control character here would still break the header.
        var name = new string(media.DisplayName.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? $"tep-{media.Id}" : name;
    }
}
