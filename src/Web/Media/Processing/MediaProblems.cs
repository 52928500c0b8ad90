namespace ContestPlatform.Web.Media.Processing;

/// <summary>
/// The file itself cannot be processed (too long, too large, damaged, unsupported): the job fails for good
/// with <see cref="Exception.Message"/>, which is Vietnamese and shown to the entrant.
/// </summary>
public sealed class MediaRejectedException(string userMessage, Exception? innerException = null)
    : Exception(userMessage, innerException);

/// <summary>
/// A program the job needs (ffmpeg) is not installed: the job waits, without using up attempts, and resumes
/// once the program appears. <see cref="Exception.Message"/> is Vietnamese and shown to the entrant.
/// </summary>
public sealed class MediaToolMissingException(string tool, string userMessage) : Exception(userMessage)
{
    public string Tool { get; } = tool;
}

/// <summary>Vietnamese texts shown to entrants and organizers next to a file.</summary>
public static class MediaMessages
{
    public const string FfmpegMissing = "Máy chủ chưa có ffmpeg nên video đang chờ xử lý.";
    public const string OriginalMissing = "Không tìm thấy tệp gốc trong kho lưu trữ. Vui lòng tải tệp lên lại hoặc liên hệ Ban Tổ chức.";
    public const string StorageWaiting = "Kho lưu trữ tạm thời gián đoạn; hệ thống sẽ tự thử xử lý lại.";
    public const string StorageGaveUp = "Kho lưu trữ gián đoạn nhiều lần nên chưa xử lý được tệp. Bạn có thể bấm “Xử lý lại” sau ít phút.";
    public const string StorageFailed = "Lỗi kho lưu trữ khi xử lý tệp. Vui lòng liên hệ Ban Tổ chức.";
    public const string Interrupted = "Việc xử lý tệp bị gián đoạn nhiều lần. Bạn có thể bấm “Xử lý lại” hoặc liên hệ Ban Tổ chức.";
    public const string Unexpected = "Đã xảy ra lỗi khi xử lý tệp. Bạn có thể bấm “Xử lý lại” hoặc liên hệ Ban Tổ chức.";
    public const string Unsupported = "Định dạng tệp không được hỗ trợ. Vui lòng gửi ảnh JPEG/PNG/WebP, video MP4 hoặc tài liệu PDF.";
    public const string TimedOut = "Xử lý tệp quá thời gian cho phép. Vui lòng gửi tệp nhỏ hơn hoặc liên hệ Ban Tổ chức.";

    public const string ImageUnreadable = "Không đọc được ảnh: tệp bị hỏng hoặc không phải ảnh JPEG, PNG, WebP hợp lệ.";
    public const string ImageUnsupported = "Định dạng ảnh không được hỗ trợ. Vui lòng gửi ảnh JPEG, PNG hoặc WebP.";
    public const string HeicUnsupported =
        "Ảnh HEIC (định dạng mặc định của iPhone) chưa được hỗ trợ. Vui lòng gửi ảnh JPEG: trên iPhone vào Cài đặt › Camera › " +
        "Định dạng, chọn “Tương thích nhất”, hoặc gửi ảnh qua ứng dụng chuyển sang JPEG rồi tải lên lại.";

    public static string ImageTooLarge(int width, int height, long maxPixels) =>
        $"Ảnh quá lớn: {width}×{height} điểm ảnh ({Megapixels(width * (long)height)} megapixel), vượt giới hạn " +
        $"{Megapixels(maxPixels)} megapixel. Vui lòng thu nhỏ ảnh rồi tải lên lại.";

    public const string VideoUnreadable = "Không đọc được video: tệp bị hỏng hoặc dùng định dạng không hỗ trợ. Vui lòng gửi video MP4 (H.264).";
    public const string VideoNoPicture = "Tệp không có hình ảnh video (chỉ có âm thanh hoặc bị hỏng). Vui lòng gửi tệp video có hình.";
    public const string VideoNoDuration = "Không xác định được thời lượng video. Vui lòng xuất lại video sang MP4 (H.264) rồi tải lên.";
    public const string VideoConversionFailed = "Không chuyển được video sang định dạng phát trên web. Vui lòng xuất lại video sang MP4 (H.264) rồi tải lên.";

    public static string VideoTooLong(double seconds, double maxSeconds) =>
        $"Video dài {Duration(seconds)}, vượt giới hạn {Duration(maxSeconds)}. Vui lòng cắt ngắn video rồi tải lên lại.";

    public static string VideoTooLarge(int width, int height) =>
        $"Độ phân giải video {width}×{height} vượt giới hạn 8K. Vui lòng xuất lại video ở độ phân giải thấp hơn.";

    public const string PdfUnreadable = "Không đọc được tệp PDF: tệp bị hỏng hoặc không phải PDF hợp lệ.";
    public const string PdfCleanerMissing =
        "Máy chủ chưa có công cụ làm sạch tệp PDF (poppler-utils) nên tài liệu chưa được hiển thị: bản gốc có thể chứa tên tác giả " +
        "trong thông tin ẩn của tệp. Ban Tổ chức sẽ xử lý lại tệp sau khi cài công cụ.";
    public const string PdfCleanFailed =
        "Không xóa được thông tin ẩn (tác giả, tiêu đề) trong tệp PDF nên tài liệu chưa được hiển thị. " +
        "Vui lòng xuất lại tệp (In › Lưu thành PDF) rồi tải lên lại.";
    public const string PdfEncrypted = "Tệp PDF được đặt mật khẩu nên không đọc được. Vui lòng gửi bản không đặt mật khẩu.";

    private static string Megapixels(long pixels) =>
        (pixels / 1_000_000d).ToString("0.#", Infrastructure.VietnameseFormat.Culture);

    /// <summary>"1 giờ 5 phút 3 giây", "10 phút", "2 giây".</summary>
    internal static string Duration(double seconds)
    {
        var total = (long)Math.Ceiling(Math.Round(seconds, 3));
        var parts = new List<string>();
        if (total / 3600 > 0) parts.Add($"{total / 3600} giờ");
        if (total / 60 % 60 > 0) parts.Add($"{total / 60 % 60} phút");
        if (total % 60 > 0 || parts.Count == 0) parts.Add($"{total % 60} giây");
        return string.Join(' ', parts);
    }
}
