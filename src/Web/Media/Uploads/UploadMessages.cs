using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>Every message an entrant can get from an upload, in one place, in Vietnamese.</summary>
public static class UploadMessages
{
    private const string Accepted = "Chỉ nhận ảnh JPEG, PNG, WebP; video MP4, MOV, WebM và tài liệu PDF.";

    public const string Empty = "Tệp rỗng (0 byte). Vui lòng chọn lại tệp.";
    public const string Archive =
        "Không nhận tệp nén (ZIP, RAR) hoặc tài liệu Word/Excel. Với tài liệu Word, chọn Tệp › Lưu thành › PDF rồi gửi tệp PDF. " + Accepted;
    public const string Executable = "Không nhận tệp chương trình (tệp chạy được hoặc script). " + Accepted;
    public const string Markup =
        "Tệp này thực chất là trang HTML/XML hoặc ảnh SVG (dù tên tệp có thể là .jpg) nên không được chấp nhận. " + Accepted;
    public const string Heic =
        "Ảnh HEIC/HEIF (định dạng mặc định của iPhone) chưa được hỗ trợ. Vui lòng gửi ảnh JPEG: trên iPhone vào " +
        "Cài đặt › Camera › Định dạng, chọn “Tương thích nhất” rồi chụp lại; với ảnh đã chụp, dùng Chia sẻ để lưu hoặc " +
        "xuất ảnh dưới dạng JPEG, hoặc chọn ảnh trực tiếp từ thư viện Ảnh trong Safari (ảnh sẽ được tự chuyển sang JPEG).";
    public const string OtherImage = "Định dạng ảnh này (GIF, BMP, TIFF, AVIF…) chưa được hỗ trợ. Vui lòng chuyển ảnh sang JPEG hoặc PNG.";
    public const string Unknown = "Không nhận dạng được nội dung tệp. " + Accepted;

    public const string Polyglot =
        "Tệp ảnh chứa mã HTML/script ẩn nên không được chấp nhận. Vui lòng xuất lại ảnh từ máy ảnh hoặc phần mềm chỉnh ảnh rồi gửi lại.";
    public const string CorruptImage = "Ảnh bị hỏng hoặc không đầy đủ (tệp bị cắt ngắn). Vui lòng chọn lại ảnh gốc.";
    public const string CorruptPdf = "Tệp PDF bị hỏng hoặc không đầy đủ (thiếu phần kết thúc). Vui lòng xuất lại tệp PDF rồi gửi lại.";
    public const string CorruptVideo = "Không đọc được video: tệp bị hỏng hoặc dùng định dạng không hỗ trợ. Vui lòng xuất lại video dạng MP4.";
    public const string VideoCheckMissing = "máy chủ chưa có công cụ kiểm tra video (ffprobe)";
    public const string VideoCheckDisabled = "chức năng kiểm tra video đang được tắt trong cấu hình máy chủ";

    /// <summary>Video upload is off, and why: without the check, length and format limits could not be applied.</summary>
    public static string VideoOff(string reason) =>
        $"Tải video lên đang tạm tắt vì {reason}, nên chưa kiểm tra được độ dài và định dạng video. " +
        "Vui lòng tải ảnh và tài liệu trước; video có thể gửi sau khi Ban Tổ chức bật lại chức năng này.";

    public const string NoVideoStream = "Tệp không có hình ảnh video (có thể chỉ có âm thanh). Vui lòng chọn tệp video.";

    public const string NameWithPath =
        "Tên tệp không được chứa dấu gạch chéo (/ hoặc \\) hay đường dẫn “..”. Vui lòng đổi tên tệp rồi chọn lại.";
    public const string NameWithControl =
        "Tên tệp chứa ký tự điều khiển (ký tự ẩn không in được). Vui lòng đổi tên tệp rồi chọn lại.";

    public static string NameTooLong(int length, int max) =>
        $"Tên tệp dài {length} ký tự, tối đa {max} ký tự. Vui lòng đặt tên ngắn hơn rồi chọn lại.";

    public const string OverDeclared = "Dữ liệu gửi lên nhiều hơn kích thước tệp đã khai báo. Vui lòng chọn lại tệp để tải lên.";
    public const string EntryNotFound = "Không tìm thấy công trình.";
    public const string MediaNotFound = "Không tìm thấy tệp.";
    public const string NotFailed = "Tệp này không bị lỗi xử lý (đang chờ, đang xử lý hoặc đã sẵn sàng) nên không cần thử lại.";
    public const string Locked = "Công trình đã nộp hoặc đã hết hạn nộp hồ sơ nên không thể thay đổi tệp đính kèm.";
    public const string SessionNotFound = "Không tìm thấy lượt tải lên này (có thể đã bị hủy hoặc đã hết hạn). Vui lòng chọn lại tệp.";
    public const string SessionExpired = "Lượt tải lên đã hết hạn. Vui lòng chọn lại tệp để tải lên từ đầu.";
    public const string Busy = "Tệp đang được nhận qua một kết nối khác. Vui lòng đợi giây lát rồi thử lại.";
    public const string BadRequest = "Yêu cầu không hợp lệ. Vui lòng tải lại trang rồi thử lại.";
    public const string BadKind = "Loại tệp không hợp lệ: chọn Ảnh, Video, Tài liệu thuyết minh hoặc Xác nhận của đơn vị áp dụng.";
    public const string Antiforgery = "Phiên làm việc đã hết hạn hoặc thiếu mã bảo mật. Vui lòng tải lại trang rồi thử lại.";
    public const string SignIn = "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.";
    public const string StorageFailed = "Chưa lưu được tệp do lỗi kho lưu trữ. Vui lòng thử lại sau ít phút.";

    public static string TooLarge(MediaKind kind, long limit) => $"{KindLabel(kind)} quá lớn: tối đa {Size(limit)} mỗi tệp.";

    public static string TooLargeContent(string what, long limit) => $"{what} quá lớn: tối đa {Size(limit)} mỗi tệp.";

    public static string ChunkTooLarge(long limit) => $"Mỗi phần gửi lên tối đa {Size(limit)}.";

    public static string TooManyFiles(int max) =>
        $"Mỗi công trình được đính kèm tối đa {max} tệp. Vui lòng xóa bớt tệp không cần thiết trước khi thêm tệp mới.";

    public static string TooManyPixels(long width, long height, long max) =>
        $"Ảnh quá lớn: {width}×{height} điểm ảnh ({Megapixels(width * height)} megapixel), tối đa {Megapixels(max)} megapixel. " +
        "Vui lòng thu nhỏ ảnh trước khi gửi.";

    public static string TooLong(double seconds, int maxSeconds) =>
        $"Video dài {Duration(seconds)}, tối đa {Duration(maxSeconds)}. Vui lòng cắt ngắn video rồi gửi lại.";

    public static string Incomplete(long received, long declared) =>
        string.Create(VietnameseFormat.Culture, $"Tệp chưa tải lên đủ ({received:#,0}/{declared:#,0} byte); tiếp tục tải phần còn lại.");

    public static string OffsetMismatch(long received) => string.Create(VietnameseFormat.Culture, $"Tiếp tục tải từ byte thứ {received:#,0}.");

    public static string NotAPhoto(SniffResult sniffed) => $"Tệp này là {Describe(sniffed)}, không phải ảnh. Mục Ảnh chỉ nhận ảnh JPEG, PNG hoặc WebP.";
    public static string NotAVideo(SniffResult sniffed) => $"Tệp này là {Describe(sniffed)}, không phải video. Mục Video nhận tệp MP4, MOV hoặc WebM.";
    public static string NotAPdf(SniffResult sniffed) => $"Tệp này là {Describe(sniffed)}, không phải tài liệu PDF. Mục này chỉ nhận tệp PDF.";
    public static string NotEvidence(SniffResult sniffed) =>
        $"Tệp này là {Describe(sniffed)}. Xác nhận của đơn vị áp dụng phải là bản scan PDF hoặc ảnh JPEG/PNG.";

    public static string KindLabel(MediaKind kind) => kind switch
    {
        MediaKind.Photo => "Ảnh",
        MediaKind.Video => "Video",
        MediaKind.Document => "Tài liệu thuyết minh (PDF)",
        MediaKind.Evidence => "Xác nhận của đơn vị áp dụng",
        _ => "Tệp",
    };

    public static string StateLabel(MediaState state, string error) => state switch
    {
        MediaState.Pending => "Đang chờ xử lý",
        MediaState.Processing => "Đang xử lý",
        MediaState.Ready => "Sẵn sàng",
        MediaState.Failed => string.IsNullOrWhiteSpace(error) ? "Lỗi" : "Lỗi: " + error,
        _ => "",
    };

    /// <summary>A size as people say it: 20 MB, 1 GB, 1,5 GB, 800 KB.</summary>
    public static string Size(long bytes)
    {
        const double KB = 1024, MB = KB * 1024, GB = MB * 1024;
        var c = VietnameseFormat.Culture;
        return bytes >= GB ? (bytes / GB).ToString("0.#", c) + " GB"
            : bytes >= MB ? (bytes / MB).ToString("0.#", c) + " MB"
            : bytes >= KB ? (bytes / KB).ToString("0", c) + " KB"
            : bytes.ToString(c) + " byte";
    }

    private static string Megapixels(long pixels) => (pixels / 1_000_000d).ToString("0.#", VietnameseFormat.Culture);

    private static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalMinutes >= 1 && t.Seconds == 0 ? $"{(int)t.TotalMinutes} phút"
            : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} phút {t.Seconds} giây"
            : $"{t.Seconds} giây";
    }

    private static string Describe(SniffResult sniffed) =>
        sniffed.Format == ContentFormat.Pdf ? "tài liệu PDF"
        : sniffed.IsVideo ? "video"
        : sniffed.IsImage ? $"ảnh {sniffed.Format.ToString()!.ToUpperInvariant()}"
        : "tệp không rõ định dạng";
}
