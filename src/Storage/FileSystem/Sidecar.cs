using System.Text.Json;

namespace ContestPlatform.Storage.FileSystem;

/// <summary>
/// The content type and metadata of one blob, kept beside it as <c>.&lt;file name&gt;.meta.json</c>.
/// The leading dot hides it from listings and no key can name it (see <see cref="BlobKey"/>).
/// </summary>
internal sealed record Sidecar(string ContentType, Dictionary<string, string> Metadata)
{
    private const string Suffix = ".meta.json";

    public static Sidecar Default => new(BlobWriteRules.DefaultContentType, []);

    public static string PathFor(string blobPath) =>
        Path.Combine(Path.GetDirectoryName(blobPath)!, "." + Path.GetFileName(blobPath) + Suffix);

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await JsonSerializer.SerializeAsync(file, this, cancellationToken: cancellationToken).ConfigureAwait(false);
        file.Flush(flushToDisk: true);
    }

    /// <returns>The sidecar, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="JsonException">The sidecar is corrupt.</exception>
    public static async Task<Sidecar?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] json;
        try
        {
            json = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return JsonSerializer.Deserialize<Sidecar>(json) is { ContentType: not null, Metadata: not null } sidecar
            ? sidecar
            : throw new JsonException($"The sidecar {path} lacks ContentType or Metadata.");
    }
}
