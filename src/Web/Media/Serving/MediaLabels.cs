using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Media.Serving;

/// <summary>How pages that show media describe it, in Vietnamese.</summary>
public static class MediaLabels
{
    public static string Kind(MediaKind kind) => kind switch
    {
        MediaKind.Photo => "Ảnh",
        MediaKind.Video => "Video",
        MediaKind.Document => "Tài liệu",
        MediaKind.Evidence => "Xác nhận của đơn vị áp dụng",
        _ => kind.ToString(),
    };

    public static string State(MediaState state) => state switch
    {
        MediaState.Pending => "Chờ xử lý",
        MediaState.Processing => "Đang xử lý",
        MediaState.Ready => "Sẵn sàng",
        MediaState.Failed => "Xử lý lỗi",
        _ => state.ToString(),
    };

    /// <summary>Badge class from site.css for a processing state.</summary>
    public static string StateBadge(MediaState state) => state switch
    {
        MediaState.Ready => "badge badge-open",
        MediaState.Failed => "badge badge-failed",
        _ => "badge badge-upcoming",
    };

    /// <summary>"850 KB", "2,4 MB", "1,1 GB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => $"{VietnameseFormat.Number(Math.Round(bytes / 1024m))} KB",
        < 1024L * 1024 * 1024 => $"{VietnameseFormat.Number(Math.Round(bytes / 1024m / 1024m, 1))} MB",
        _ => $"{VietnameseFormat.Number(Math.Round(bytes / 1024m / 1024m / 1024m, 1))} GB",
    };

    /// <summary>"3:07", "1:02:05".</summary>
    public static string Duration(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Round(seconds));
        return time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss") : time.ToString(@"m\:ss");
    }

    /// <summary>A thumbnail's size from the original's, for width/height attributes that stop the layout jumping.</summary>
    public static (int Width, int Height) Fit(int? width, int? height, int box)
    {
        if (width is not > 0 || height is not > 0)
            return (box, box * 3 / 4);
        var scale = Math.Min(1d, (double)box / Math.Max(width.Value, height.Value));
        return (Math.Max(1, (int)Math.Round(width.Value * scale)), Math.Max(1, (int)Math.Round(height.Value * scale)));
    }
}
