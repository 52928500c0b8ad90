namespace ContestPlatform.Web.Media.Serving;

/// <summary>
/// The addresses judges fetch media from, <c>/giam-khao/tep/{token}/{variant}</c>: the same variants and fixed
/// content types as <see cref="MediaUrls"/>, with a <see cref="JudgeMediaTokens">token</see> instead of the
/// public media id. Served by <see cref="MediaEndpoints"/>.
/// </summary>
public static class JudgeMediaUrls
{
    public const string Root = "/giam-khao/tep";

    public static string Display(string token) => Of(token, MediaVariant.DisplayJpeg);

    public static string Poster(string token) => Of(token, MediaVariant.Poster);

    public static string Video(string token) => Of(token, MediaVariant.Video);

    public static string Document(string token) => Of(token, MediaVariant.Document);

    private static string Of(string token, MediaVariant variant) => $"{Root}/{Uri.EscapeDataString(token)}/{variant.Path}";
}
