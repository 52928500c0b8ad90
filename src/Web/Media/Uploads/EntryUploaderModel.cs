namespace ContestPlatform.Web.Media.Uploads;

/// <summary>
/// Model of the <c>_EntryUploader</c> partial: the entry's files by kind, and whether they can still change.
/// The entrant's edit page renders it with <c>new EntryUploaderModel(entry.Id, entry.Media, canEdit)</c>.
/// </summary>
public sealed class EntryUploaderModel(int entryId, IReadOnlyList<MediaFile> media, bool canEdit)
{
    /// <summary>The four upload areas, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<UploadArea> Areas =
    [
        new(MediaKind.Photo, "Ảnh", "anh", "Chọn ảnh để tải lên", "image/jpeg,image/png,image/webp", Multiple: true,
            "Ảnh JPEG, PNG hoặc WebP chụp công trình, mô hình, sản phẩm khi áp dụng."),
        new(MediaKind.Video, "Video", "video", "Chọn video để tải lên", "video/mp4,video/quicktime,video/webm", Multiple: true,
            "Video MP4, MOV hoặc WebM giới thiệu công trình."),
        new(MediaKind.Document, "Tài liệu thuyết minh (PDF)", "thuyet-minh", "Chọn tệp PDF thuyết minh để tải lên", "application/pdf", Multiple: true,
            "Bản thuyết minh chi tiết và tài liệu kèm theo, dạng PDF."),
        new(MediaKind.Evidence, "Xác nhận của đơn vị áp dụng", "xac-nhan", "Chọn bản xác nhận (PDF hoặc ảnh) để tải lên", "application/pdf,image/jpeg,image/png", Multiple: true,
            "Bản scan có dấu (PDF, JPEG hoặc PNG) của đơn vị đã áp dụng công trình. Chỉ Ban Tổ chức xem tệp này."),
    ];

    public int EntryId { get; } = entryId;
    public IReadOnlyList<MediaFile> Media { get; } = media;
    public bool CanEdit { get; } = canEdit;

    public IEnumerable<MediaItem> FilesOf(MediaKind kind) =>
        Media.Where(m => m.Kind == kind).OrderBy(m => m.SortOrder).Select(Describe);

    /// <summary>A file as the uploader shows it; the same shape the list endpoint returns to the script.</summary>
    public static MediaItem Describe(MediaFile media) => new(
        media.Id,
        media.Kind.ToString(),
        media.DisplayName,
        media.Size,
        media.State.ToString(),
        UploadMessages.StateLabel(media.State, media.Error),
        media.Kind == MediaKind.Photo && media.State == MediaState.Ready ? $"/tep/{media.Id}/anh-nho.jpg" : null);
}

/// <summary>One upload area of the form: a kind of file, its heading, the id fragment of its elements, its picker's label, the accept hint.</summary>
public sealed record UploadArea(MediaKind Kind, string Label, string Slug, string PickLabel, string Accept, bool Multiple, string Hint);
