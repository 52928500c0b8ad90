using ContestPlatform.Storage;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Processing;
using ContestPlatform.Web.Media.Uploads;

namespace ContestPlatform.Web.Sponsorship;

/// <summary>A file the platform has stored for sponsorship: its blob key and what to say about it.</summary>
public sealed record StoredFile(string Key, string ContentType, long Size, string FileName, string Sha256);

/// <summary>
/// The two files of sponsorship: the signed scan of an MoU (PDF, JPEG or PNG, at most 30 MB, private) and a
/// sponsor's logo (JPEG, PNG or WebP, at most 5 MB, redrawn as a PNG of at most 400 px before anyone sees it).
/// Both are checked by content with the entry uploads' sniffer and inspector (magic bytes, hidden HTML,
/// truncation, pixel count before decoding); the name the browser sent is display text only.
/// </summary>
public sealed class SponsorshipFiles(UploadInspector inspector, IBlobStore blobs, ILogger<SponsorshipFiles> logger)
{
    private const long MB = 1024 * 1024;
    public const long ScanMaxBytes = 30 * MB;
    public const long LogoMaxBytes = 5 * MB;

    public const string LogoContentType = "image/png";

    public static string ScanTooLarge => $"Bản scan quá lớn: tối đa {UploadMessages.Size(ScanMaxBytes)}. Hãy scan ở độ phân giải thấp hơn (200–300 dpi) hoặc nén tệp PDF.";
    public static string LogoTooLarge => $"Logo quá lớn: tối đa {UploadMessages.Size(LogoMaxBytes)}. Logo được thu về tối đa {LogoProcessor.MaxSize} điểm ảnh nên không cần tệp lớn.";

    public const string ScanFormats = "Bản scan biên bản đã ký phải là tệp PDF, hoặc ảnh JPEG/PNG.";
    public const string LogoFormats =
        "Logo phải là ảnh JPEG, PNG hoặc WebP. Không nhận ảnh SVG hay tệp HTML (kể cả khi tên tệp là .png): hãy xuất logo ra PNG rồi tải lên.";

    /// <summary>Checks the scan and stores it under a new key; throws <see cref="UploadRefusedException"/> with the reason.</summary>
    public async Task<StoredFile> StoreScanAsync(StagedFile file, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(file.Path, cancellationToken);
        var sniffed = ContentSniffer.Sniff(head, file.Length);
        if (sniffed.Format is not (ContentFormat.Pdf or ContentFormat.Jpeg or ContentFormat.Png))
            throw new UploadRefusedException(StatusCodes.Status415UnsupportedMediaType, Refusal(sniffed, ScanFormats));
        // Evidence is the entry uploads' kind with exactly these formats: PDF, JPEG, PNG.
        var inspected = await inspector.InspectAsync(file.Path, MediaKind.Evidence, cancellationToken);
        var extension = inspected.Content.Format switch { ContentFormat.Pdf => ".pdf", ContentFormat.Png => ".png", _ => ".jpg" };
        var key = $"sponsorship/scans/{Guid.NewGuid():N}{extension}";
        await using (var source = OpenRead(file.Path))
            await blobs.WriteAsync(key, source, inspected.Content.ContentType, null, cancellationToken);
        return new StoredFile(key, inspected.Content.ContentType, inspected.Size, DownloadName(file.FileName, extension), inspected.Sha256);
    }

    /// <summary>Checks the logo, redraws it as a PNG and stores that; throws <see cref="UploadRefusedException"/> with the reason.</summary>
    public async Task<StoredFile> StoreLogoAsync(StagedFile file, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(file.Path, cancellationToken);
        var sniffed = ContentSniffer.Sniff(head, file.Length);
        if (!sniffed.IsImage)
            throw new UploadRefusedException(StatusCodes.Status415UnsupportedMediaType, Refusal(sniffed, LogoFormats));
        var inspected = await inspector.InspectAsync(file.Path, MediaKind.Photo, cancellationToken);

        var png = file.Path + ".png";
        try
        {
            try
            {
                LogoProcessor.ToPng(file.Path, png);
            }
            catch (MediaRejectedException ex)
            {
                throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, ex.Message);
            }
            var key = $"sponsorship/logos/{Guid.NewGuid():N}.png";
            await using (var source = OpenRead(png))
            {
                var stored = await blobs.WriteAsync(key, source, LogoContentType, null, cancellationToken);
                return new StoredFile(key, LogoContentType, stored.Size, file.FileName, inspected.Sha256);
            }
        }
        finally
        {
            File.Delete(png);
        }
    }

    /// <summary>Removes a blob that is no longer referenced; a failure only leaves wasted space.</summary>
    public async Task DeleteQuietlyAsync(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return;
        try
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
        }
        catch (StorageException ex)
        {
            logger.LogWarning(ex, "Could not delete sponsorship blob {Key}", key);
        }
    }

    /// <summary>The uploaded name with the extension of what the file really is, so the download opens in the right program.</summary>
    public static string DownloadName(string uploadedName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(FileNames.Clean(uploadedName)).Trim();
        return (stem.Length == 0 ? "ban-scan-bien-ban" : stem) + extension;
    }

    // Where the sniffer's own reason helps more than the list of formats (a HEIC photo, a Word file, an empty
    // file), it is given; otherwise the sentence says what this field takes (an SVG logo gets that one).
    private static string Refusal(SniffResult sniffed, string accepted) =>
        sniffed.Refusal is UploadMessages.Heic or UploadMessages.Empty
        || (sniffed.Refusal == UploadMessages.Archive && accepted == ScanFormats)
            ? sniffed.Refusal
            : accepted;

    private static async Task<byte[]> HeadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = OpenRead(path);
        var head = new byte[ContentSniffer.HeaderLength];
        var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return head[..length];
    }

    private static FileStream OpenRead(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.Read,
        BufferSize = 0,
        Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
    });
}
