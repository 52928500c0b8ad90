using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NetVips;

namespace ContestPlatform.Web.Media.Processing;

/// <summary>The page count, the first-page preview's size (when there is one) and the files written.</summary>
public sealed record DocumentResult(int? PageCount, int? PreviewWidth, int? PreviewHeight, IReadOnlyList<DerivedFile> Files);

/// <summary>
/// Reads a PDF's page count (pdfinfo), renders its first page as a JPEG preview 800 px wide (pdftoppm) and
/// writes the copy served to readers through pdftocairo, which keeps pages, text and images but drops the
/// document information (author, title, dates), XMP metadata, forms, links and scripts — a blind judge must not
/// find the author in the file's properties. All three tools come with poppler-utils. Without pdfinfo the page
/// count is read from the file's page objects where they are not compressed; without pdftoppm there is no
/// preview. Without pdftocairo, or when it cannot rewrite the file, the job fails with the reason: serving the
/// original instead would hand its author metadata to anyone who downloads it. Once poppler is installed,
/// "Thử lại" processes it again.
/// </summary>
/// <remarks>The libvips in NetVips.Native has no PDF loader, so poppler's command-line tools do the reading.</remarks>
public sealed partial class DocumentProcessor(IOptions<MediaOptions> options, ILogger<DocumentProcessor> logger)
{
    public const int PreviewWidth = 800;
    private int _missingLogged;

    /// <exception cref="MediaRejectedException">The PDF is damaged or locked with a password (Vietnamese message).</exception>
    public async Task<DocumentResult> ProcessAsync(string inputPath, string outputDirectory, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Directory.CreateDirectory(outputDirectory);
        var pdfinfo = ExternalTool.Locate(settings.PdfinfoPath);
        var pdftoppm = ExternalTool.Locate(settings.PdftoppmPath);
        var pdftocairo = ExternalTool.Locate(settings.PdftocairoPath);
        if ((pdfinfo is null || pdftoppm is null || pdftocairo is null) && Interlocked.Exchange(ref _missingLogged, 1) == 0)
            logger.LogWarning("poppler-utils (pdfinfo, pdftoppm, pdftocairo) is not installed: " +
                (pdftocairo is null ? "PDFs cannot be cleaned of their metadata and fail" : "PDFs get no preview or a page count read from the file") +
                " (apt-get install poppler-utils)");
        if (pdftocairo is null)
            throw new MediaRejectedException(MediaMessages.PdfCleanerMissing);

        var pages = pdfinfo is null
            ? await CountPagesAsync(inputPath, cancellationToken)
            : await PageCountAsync(pdfinfo, inputPath, settings.DocumentTimeout, cancellationToken);

        var files = new List<DerivedFile>
        {
            new(DerivedKeys.PlaybackDocument, "application/pdf",
                await CleanAsync(pdftocairo, inputPath, outputDirectory, settings.DocumentTimeout, cancellationToken)),
        };
        var preview = pdftoppm is null || pages == 0
            ? null
            : await PreviewAsync(pdftoppm, inputPath, outputDirectory, settings.DocumentTimeout, cancellationToken);
        if (preview is null)
            return new DocumentResult(pages, null, null, files);
        files.Add(preview.Value.File);
        return new DocumentResult(pages, preview.Value.Width, preview.Value.Height, files);
    }

    /// <summary>Rewrites the PDF without its metadata.</summary>
    /// <exception cref="MediaRejectedException">pdftocairo failed or timed out: there is no clean copy to serve.</exception>
    private async Task<string> CleanAsync(string pdftocairo, string input, string outputDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var output = Path.Combine(outputDirectory, DerivedKeys.PlaybackDocument);
        try
        {
            var result = await RunAsync(pdftocairo, ["-pdf", input, output], timeout, cancellationToken);
            if (result is { Succeeded: true } && File.Exists(output) && new FileInfo(output).Length > 0)
                return output;
            logger.LogWarning("pdftocairo could not rewrite the PDF, which is therefore not served: {Error}", result?.Error.Trim());
        }
        catch (ToolTimeoutException ex)
        {
            logger.LogWarning("{Message} The PDF is not served.", ex.Message);
        }
        throw new MediaRejectedException(MediaMessages.PdfCleanFailed);
    }

    private async Task<int?> PageCountAsync(string pdfinfo, string input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await RunAsync(pdfinfo, [input], timeout, cancellationToken);
        if (result is null)
            return await CountPagesAsync(input, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogInformation("pdfinfo refused the file: {Error}", result.Error.Trim());
            throw new MediaRejectedException(result.Error.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? MediaMessages.PdfEncrypted
                : MediaMessages.PdfUnreadable);
        }

        var match = PagesLine().Match(result.Output);
        return match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var pages) ? pages : null;
    }

    private async Task<(DerivedFile File, int Width, int Height)?> PreviewAsync(
        string pdftoppm, string input, string outputDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var prefix = Path.Combine(outputDirectory, "page1");
        ToolResult? result;
        try
        {
            result = await RunAsync(pdftoppm,
            [
                "-f", "1", "-l", "1", "-singlefile",
                "-scale-to-x", PreviewWidth.ToString(CultureInfo.InvariantCulture), "-scale-to-y", "-1",
                "-jpeg", "-jpegopt", "quality=85,progressive=y,optimize=y",
                input, prefix,
            ], timeout, cancellationToken);
        }
        catch (ToolTimeoutException ex)
        {
            logger.LogWarning("{Message} The PDF gets no preview.", ex.Message);
            return null;
        }

        var rendered = prefix + ".jpg";
        if (result is null || !result.Succeeded || !File.Exists(rendered))
        {
            // The page count is still useful; a preview is a nicety.
            logger.LogInformation("pdftoppm could not render the first page: {Error}", result?.Error.Trim());
            return null;
        }

        var poster = Path.Combine(outputDirectory, DerivedKeys.Poster);
        File.Move(rendered, poster, overwrite: true);
        using var header = Image.NewFromFile(poster, access: Enums.Access.Sequential);
        return (new DerivedFile(DerivedKeys.Poster, "image/jpeg", poster), header.Width, header.Height);
    }

    /// <summary>
    /// Counts page objects in the raw file. Works for PDFs written without object streams (most scanners and
    /// office exports before PDF 1.5); gives null when the page tree is compressed.
    /// </summary>
    private static async Task<int?> CountPagesAsync(string input, CancellationToken cancellationToken)
    {
        var text = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(input, cancellationToken));
        if (!text.StartsWith("%PDF-", StringComparison.Ordinal))
            throw new MediaRejectedException(MediaMessages.PdfUnreadable);
        var count = PageObject().Count(text);
        return count > 0 ? count : null;
    }

    private static async Task<ToolResult?> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ExternalTool.RunAsync(tool, arguments, timeout, cancellationToken);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageObject();
}
