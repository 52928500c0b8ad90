using System.Security.Cryptography;
using System.Text;
using ContestPlatform.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace ContestPlatform.Web.Media.Serving;

/// <summary>
/// Sends a blob with a fixed content type, conditional GET (ETag) and single byte ranges.
/// </summary>
/// <remarks>
/// Ranges are cut by the store (<see cref="BlobRange"/>) rather than by seeking: store streams may be
/// forward-only (Azure), and seeking through a 1 GB video to reach its end would read it all.
/// </remarks>
internal sealed class BlobFileResult(IBlobStore store, BlobInfo blob, string contentType, bool isPublic, string? downloadName) : IResult
{
    /// <summary>Nothing in a served file may run: no scripts, no plugins, no same-origin access if opened directly.</summary>
    public const string FileContentSecurityPolicy = "default-src 'none'; sandbox";

    /// <summary>Derivative keys are content-addressed (they contain the SHA-256), so a public one never changes.</summary>
    public const string PublicCaching = "public, max-age=31536000, immutable";

    public const string PrivateCaching = "private, no-store";

    public async Task ExecuteAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var etag = ETagOf(blob.Key);

        var headers = response.Headers;
        headers.ContentSecurityPolicy = FileContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = isPublic ? PublicCaching : PrivateCaching;
        headers.ETag = etag;
        headers.AcceptRanges = "bytes";
        if (!isPublic)
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (downloadName is not null)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(downloadName);
            headers.ContentDisposition = disposition.ToString();
        }

        if (Matches(request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var range = ByteRange.Resolve(RangeApplies(request, etag) ? request.Headers.Range.ToString() : null, blob.Size);
        if (range.Outcome == RangeOutcome.Unsatisfiable)
        {
            // A bare 416 with the size, not the HTML error page.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            headers.ContentRange = $"bytes */{blob.Size}";
            response.ContentLength = 0;
            return;
        }

        response.ContentType = contentType;
        response.ContentLength = range.Length;
        if (range.Outcome == RangeOutcome.Partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = $"bytes {range.Offset}-{range.Last}/{blob.Size}";
        }
        else
        {
            response.StatusCode = StatusCodes.Status200OK;
        }

        if (HttpMethods.IsHead(request.Method) || range.Length == 0)
            return;

        var blobRange = range.Outcome == RangeOutcome.Partial ? new BlobRange(range.Offset, range.Length) : (BlobRange?)null;
        await using var content = await store.OpenReadAsync(blob.Key, blobRange, context.RequestAborted);
        if (content is null)
        {
            // Deleted between the size check and the read; headers have not been sent yet.
            response.Headers.Clear();
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentLength = null;
            return;
        }
        await content.CopyToAsync(response.Body, context.RequestAborted);
    }

    /// <summary>A strong validator from the blob key: the key changes whenever the content does.</summary>
    internal static string ETagOf(string key) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)) + "\"";

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (tag == "*" || tag == etag)
                    return true;
            }
        }
        return false;
    }

    /// <summary>A Range is honoured unless an If-Range names another version (then the whole new file is sent).</summary>
    private static bool RangeApplies(HttpRequest request, string etag)
    {
        if (request.Headers.Range.Count == 0)
            return false;
        var ifRange = request.Headers.IfRange.ToString();
        return ifRange.Length == 0 || ifRange == etag;
    }
}
