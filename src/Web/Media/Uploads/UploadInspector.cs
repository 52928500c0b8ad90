using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>An upload refused for a reason the entrant can act on; nothing of it is kept.</summary>
public sealed class UploadRefusedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>A fully received file that passed every check.</summary>
public sealed record InspectedFile(SniffResult Content, string Sha256, long Size);

/// <summary>
/// Checks a fully received staging file before anything is stored: the content type from magic bytes,
/// the kind the entrant chose, size, hidden HTML, truncation, then per kind the pixel count from the
/// image header (before any decode), the video's streams and duration (ffprobe), the PDF's end marker.
/// </summary>
public sealed class UploadInspector(IOptions<UploadOptions> options, VideoProbe videoProbe)
{
    private const int TailLength = 1024;
    private const int BlockLength = 128 * 1024;

    private UploadOptions Limits => options.Value;

    /// <summary>Inspects the file at <paramref name="path"/>, or throws <see cref="UploadRefusedException"/>.</summary>
    public async Task<InspectedFile> InspectAsync(string path, MediaKind kind, CancellationToken cancellationToken)
    {
        var (content, sha256, size, head, tail, hasMarkup) = await ReadOnceAsync(path, kind, cancellationToken);

        if (hasMarkup)
            throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, UploadMessages.Polyglot);
        if (!IsComplete(content.Format!.Value, head, tail, size))
            throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity,
                content.Format == ContentFormat.Pdf ? UploadMessages.CorruptPdf : UploadMessages.CorruptImage);

        if (content.IsImage)
            CheckImageHeader(path);
        else if (content.IsVideo)
            await CheckVideoAsync(path, cancellationToken);

        return new InspectedFile(content, sha256, size);
    }

    /// <summary>
    /// Refuses what the first bytes already give away, so a wrong file is stopped after its first chunk
    /// instead of after the whole upload.
    /// </summary>
    public static void CheckHead(ReadOnlySpan<byte> head, long length, MediaKind kind)
    {
        var content = ContentSniffer.Sniff(head, length);
        if (!content.Accepted)
            throw new UploadRefusedException(
                content.Refusal == UploadMessages.Empty ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status415UnsupportedMediaType,
                content.Refusal!);
        if (ContentSniffer.KindMismatch(kind, content) is { } mismatch)
            throw new UploadRefusedException(StatusCodes.Status415UnsupportedMediaType, mismatch);
    }

    // One pass over the bytes: type from the head, SHA-256, hidden markup, and the last KiB for end markers.
    private async Task<(SniffResult Content, string Sha256, long Size, byte[] Head, byte[] Tail, bool HasMarkup)> ReadOnceAsync(
        string path, MediaKind kind, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
        var size = file.Length;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = ArrayPool<byte>.Shared.Rent(BlockLength);
        try
        {
            var headLength = await file.ReadAtLeastAsync(block.AsMemory(0, BlockLength), ContentSniffer.HeaderLength, throwOnEndOfStream: false, cancellationToken);
            var head = block.AsSpan(0, Math.Min(headLength, ContentSniffer.HeaderLength)).ToArray();
            CheckHead(head, size, kind);
            var content = ContentSniffer.Sniff(head, size);
            CheckSize(content, size);

            // Compressed video and PDF streams are long enough to hold "<svg " by chance; only images are scanned.
            var scanner = content.IsImage ? new MarkupScanner() : null;
            var tail = new TailBuffer(TailLength);
            var read = headLength;
            while (read > 0)
            {
                var data = block.AsSpan(0, read);
                hash.AppendData(data);
                scanner?.Append(data);
                tail.Append(data);
                read = await file.ReadAsync(block.AsMemory(0, BlockLength), cancellationToken);
            }
            return (content, Convert.ToHexStringLower(hash.GetHashAndReset()), size, head, tail.ToArray(), scanner?.Finish() ?? false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    private void CheckSize(SniffResult content, long size)
    {
        var (limit, what) = content.IsImage ? (Limits.PhotoMaxBytes, "Ảnh")
            : content.IsVideo ? (Limits.VideoMaxBytes, "Video")
            : (Limits.PdfMaxBytes, "Tệp PDF");
        if (size > limit)
            throw new UploadRefusedException(StatusCodes.Status413PayloadTooLarge, UploadMessages.TooLargeContent(what, limit));
    }

    /// <summary>Whether the file ends the way its format must end (a cut-off upload or a damaged file does not).</summary>
    internal static bool IsComplete(ContentFormat format, ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, long size)
    {
        switch (format)
        {
            case ContentFormat.Jpeg:
                // End of image marker; some cameras pad the file with zeros after it.
                var end = tail.TrimEnd((byte)0);
                return end.EndsWith((ReadOnlySpan<byte>)[(byte)0xFF, 0xD9]);
            case ContentFormat.Png:
                return tail.IndexOf("IEND"u8) >= 0;
            case ContentFormat.WebP:
                // The RIFF header states the length of everything after its first 8 bytes.
                return head.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(head[4..8]) + 8L == size;
            case ContentFormat.Pdf:
                return tail.IndexOf("%%EOF"u8) >= 0;
            default:
                return true;
        }
    }

    // The header gives the dimensions without decoding a pixel: NewFromFile is lazy, so a 30000×30000
    // "decompression bomb" costs a few bytes of reading here.
    private void CheckImageHeader(string path)
    {
        try
        {
            using var image = NetVips.Image.NewFromFile(path, access: NetVips.Enums.Access.Sequential);
            var pixels = (long)image.Width * image.Height;
            if (pixels > Limits.PhotoMaxPixels)
                throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity,
                    UploadMessages.TooManyPixels(image.Width, image.Height, Limits.PhotoMaxPixels));
            if (image.Width <= 0 || image.Height <= 0)
                throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, UploadMessages.CorruptImage);
        }
        catch (NetVips.VipsException)
        {
            throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, UploadMessages.CorruptImage);
        }
    }

    private async Task CheckVideoAsync(string path, CancellationToken cancellationToken)
    {
        // Without ffprobe the duration and streams are unknown: a 2-hour film would be stored and only fail in
        // the worker. So no check means no video (start refuses too; this covers ffprobe vanishing meanwhile).
        if (videoProbe.OffReason is { } off)
            throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, UploadMessages.VideoOff(off));
        var facts = await videoProbe.ProbeAsync(path, cancellationToken)
                    ?? throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, UploadMessages.CorruptVideo);
        if (!facts.HasVideoStream)
            throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, UploadMessages.NoVideoStream);
        if (facts.DurationSeconds > Limits.VideoMaxSeconds)
            throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity,
                UploadMessages.TooLong(facts.DurationSeconds.Value, Limits.VideoMaxSeconds));
    }

    /// <summary>The last bytes seen, for end-of-file markers.</summary>
    private sealed class TailBuffer(int capacity)
    {
        private readonly byte[] _bytes = new byte[capacity];
        private int _length;

        public void Append(ReadOnlySpan<byte> data)
        {
            if (data.Length >= capacity)
            {
                data[^capacity..].CopyTo(_bytes);
                _length = capacity;
                return;
            }
            var keep = Math.Min(_length, capacity - data.Length);
            _bytes.AsSpan(_length - keep, keep).CopyTo(_bytes);
            data.CopyTo(_bytes.AsSpan(keep));
            _length = keep + data.Length;
        }

        public byte[] ToArray() => _bytes[.._length];
    }
}
