using System.Text;
using ContestPlatform.Web.Media.Uploads;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ContestPlatform.Web.Sponsorship;

/// <summary>A multipart form as read by <see cref="StreamedFormReader"/>: its text fields, and its file on local disk.</summary>
public sealed class StreamedForm : IDisposable
{
    public FormCollection Fields { get; init; } = FormCollection.Empty;

    /// <summary>The file as received (streamed to a staging file); null when none was chosen or it was too large.</summary>
    public StagedFile? File { get; init; }

    /// <summary>The file was cut off at the limit: nothing of it is kept.</summary>
    public bool FileTooLarge { get; init; }

    /// <summary>The name the browser gave the too-large file, for the message.</summary>
    public string RefusedFileName { get; init; } = "";

    public void Dispose() => File?.Dispose();
}

/// <summary>A received file in the staging folder; deleted when disposed. Its name is display text only.</summary>
public sealed class StagedFile(string path, string fileName, long length) : IDisposable
{
    public string Path { get; } = path;
    public string FileName { get; } = fileName;
    public long Length { get; } = length;

    public void Dispose()
    {
        try
        {
            System.IO.File.Delete(Path);
        }
        catch (IOException)
        {
            // Still open somewhere; the folder is emptied at start.
        }
    }
}

/// <summary>The request was not a form this site sent: a missing or foreign antiforgery token, or a malformed body.</summary>
public sealed class FormRefusedException(int statusCode) : Exception($"Form refused with {statusCode}.")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// Reads a <c>multipart/form-data</c> POST as it arrives, so an upload is never held whole in memory: small
/// text fields go into a <see cref="FormCollection"/> (for <c>TryUpdateModelAsync</c>), one file goes to a
/// staging file block by block and stops at its size limit.
/// </summary>
/// <remarks>
/// ASP.NET's own form reading (model binding, <c>IFormFile</c>, and the automatic antiforgery check, which
/// reads the whole form to find its token) buffers every file before the page sees it. A page that uses this
/// reader therefore carries <c>[IgnoreAntiforgeryToken]</c> and <see cref="Infrastructure.DisableFormValueModelBindingAttribute"/>,
/// and its form renders the antiforgery token as its <em>first</em> field: the token is checked here, before a
/// byte of the file is written, and a form whose first field is not a valid token is refused with 400.
/// </remarks>
public sealed class StreamedFormReader(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, IOptions<UploadOptions> uploads)
{
    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxFields = 200;
    private const int CopyBlock = 64 * 1024;

    /// <summary>Where files are staged: a folder of their own beside the entry uploads, which that sweeper leaves alone.</summary>
    public string StagingDirectory => System.IO.Path.Combine(uploads.Value.StagingDirectory, "tai-tro");

    /// <exception cref="FormRefusedException">Not a multipart form of ours (400), or larger than the request limit (413).</exception>
    public async Task<StreamedForm> ReadAsync(HttpContext http, string fileField, long maxFileBytes)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new FormRefusedException(StatusCodes.Status400BadRequest);
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
            throw new FormRefusedException(StatusCodes.Status400BadRequest);

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 8 * 1024 };
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        var tokenChecked = false;
        StagedFile? file = null;
        var tooLarge = false;
        var refusedName = "";
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(http.RequestAborted)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    throw new FormRefusedException(StatusCodes.Status400BadRequest);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                // A file input sends filename="" when nothing was chosen: still the file part, just empty.
                var isFile = disposition.FileName.HasValue || disposition.FileNameStar.HasValue;

                if (!tokenChecked)
                {
                    if (isFile || name != antiforgeryOptions.Value.FormFieldName)
                        throw new FormRefusedException(StatusCodes.Status400BadRequest);
                    await ValidateTokenAsync(http, await ReadTextAsync(section, http.RequestAborted));
                    tokenChecked = true;
                    continue;
                }

                if (!isFile)
                {
                    if (fields.Count >= MaxFields)
                        throw new FormRefusedException(StatusCodes.Status400BadRequest);
                    var value = await ReadTextAsync(section, http.RequestAborted);
                    fields[name] = fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
                    continue;
                }

                if (name != fileField || file is not null || tooLarge)
                    throw new FormRefusedException(StatusCodes.Status400BadRequest);
                var fileName = FileNames.Clean(HeaderUtilities.RemoveQuotes(
                    disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                (file, tooLarge) = await StageAsync(section.Body, fileName, maxFileBytes, http.RequestAborted);
                if (tooLarge)
                    refusedName = fileName;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            file?.Dispose();
            // Kestrel's request size limit (the page's [RequestSizeLimit]) surfaces as a BadHttpRequestException (an IOException).
            throw new FormRefusedException(ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest);
        }
        catch
        {
            file?.Dispose();
            throw;
        }
        if (!tokenChecked)
            throw new FormRefusedException(StatusCodes.Status400BadRequest);
        return new StreamedForm { Fields = new FormCollection(fields), File = file, FileTooLarge = tooLarge, RefusedFileName = refusedName };
    }

    /// <summary>Empties the staging folder: files left by a process that stopped mid-upload.</summary>
    public void ClearStaging()
    {
        if (!Directory.Exists(StagingDirectory))
            return;
        foreach (var path in Directory.EnumerateFiles(StagingDirectory))
        {
            try { System.IO.File.Delete(path); } catch (IOException) { }
        }
    }

    // The antiforgery service reads the request token from the configured header before it looks at the
    // form, and it has no public way to check a token it is handed; putting the form field's value in that
    // header lets it check the token (against the cookie and the signed-in user) without reading the body.
    private async Task ValidateTokenAsync(HttpContext http, string token)
    {
        var header = antiforgeryOptions.Value.HeaderName ?? throw new InvalidOperationException("Antiforgery needs a header name.");
        http.Request.Headers[header] = token;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            throw new FormRefusedException(StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<string> ReadTextAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (length > MaxFieldBytes)
            throw new FormRefusedException(StatusCodes.Status400BadRequest);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Copies the file to a new staging file; past the limit it stops keeping bytes and reads the rest away.</summary>
    private async Task<(StagedFile? File, bool TooLarge)> StageAsync(Stream body, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(StagingDirectory);
        var path = System.IO.Path.Combine(StagingDirectory, Guid.NewGuid().ToString("N") + ".upload");
        var staged = new StagedFile(path, fileName, 0);
        var buffer = new byte[CopyBlock];
        long length = 0;
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                        break;
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (length > maxBytes)
            {
                staged.Dispose();
                // Read the rest of the file away (the request limit bounds it), so the browser gets the page
                // with the message instead of a connection reset in the middle of its upload.
                while (await body.ReadAsync(buffer, cancellationToken) > 0)
                {
                }
                return (null, true);
            }
        }
        catch
        {
            staged.Dispose();
            throw;
        }
        if (length == 0)
        {
            // A file input left empty still sends its (empty) part.
            staged.Dispose();
            return (null, false);
        }
        return (new StagedFile(path, fileName, length), false);
    }
}
