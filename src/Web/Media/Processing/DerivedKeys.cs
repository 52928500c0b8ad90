using ContestPlatform.Storage;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>
/// Where derivatives live: <c>media/derived/{sha256}/{name}</c>, one folder per content. The key depends on
/// the content only, so a re-run overwrites the same blobs (idempotent) and files with identical content
/// share them. Delete a folder only when no <see cref="MediaFile"/> with that <see cref="MediaFile.Sha256"/> remains.
/// </summary>
public static class DerivedKeys
{
    public const string Root = "media/derived";

    public const string Poster = "poster.jpg";
    public const string PlaybackVideo = "play.mp4";
    public const string PlaybackDocument = "document.pdf";

    /// <summary>The folder of one content's derivatives, ending with a slash (for listing).</summary>
    public static string Folder(string sha256) => $"{Root}/{CheckedSha(sha256)}/";

    public static string For(string sha256, string name) => BlobKey.Validate(Folder(sha256) + name);

    private static string CheckedSha(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? sha256
            : throw new ArgumentException($"\"{sha256}\" is not a lower-case hex SHA-256.", nameof(sha256));
}
