namespace ContestPlatform.Web.Media.Serving;

/// <summary>
/// The addresses <see cref="MediaEndpoints"/> serves, for pages to link to. Each variant has a fixed
/// content type whatever was uploaded; a variant that has not been made yet answers 404.
/// </summary>
public static class MediaUrls
{
    /// <summary>400 px thumbnail, JPEG (the fallback every browser shows).</summary>
    public static string Thumb(int id) => $"/tep/{id}/anh-nho.jpg";

    /// <summary>400 px thumbnail, WebP (for a &lt;source type="image/webp"&gt;).</summary>
    public static string ThumbWebp(int id) => $"/tep/{id}/anh-nho.webp";

    /// <summary>Display size (≤ 1600 px), JPEG.</summary>
    public static string Display(int id) => $"/tep/{id}/anh.jpg";

    /// <summary>Display size (≤ 1600 px), WebP.</summary>
    public static string DisplayWebp(int id) => $"/tep/{id}/anh.webp";

    /// <summary>Video poster frame or the first page of a PDF, JPEG.</summary>
    public static string Poster(int id) => $"/tep/{id}/poster.jpg";

    /// <summary>The playback MP4 of a video, with byte ranges so the player can seek.</summary>
    public static string Video(int id) => $"/tep/{id}/video";

    /// <summary>The cleaned PDF of a document, always as a download.</summary>
    public static string Document(int id) => $"/tep/{id}/tai-lieu";

    /// <summary>The uploaded original, as a download, for the entry's owner and the secretariat only.</summary>
    public static string Original(int id) => $"/tep/{id}/goc";
}
