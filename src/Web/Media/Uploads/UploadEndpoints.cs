using Microsoft.AspNetCore.Antiforgery;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>
/// The chunked, resumable upload API used by <c>uploader.js</c>. Every endpoint needs a signed-in user who
/// owns the entry (anyone else's entry or upload is a 404); every non-GET needs the antiforgery token in the
/// <c>RequestVerificationToken</c> header (400 without it). Errors are <c>{ "error": "…" }</c> in Vietnamese.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>POST /api/tai-len</c></term><description>
/// <c>{ entryId, kind: "Photo"|"Video"|"Document"|"Evidence", fileName, size }</c> → 201 <c>{ id, chunkBytes, received: 0 }</c>.
/// Refused when the declared size is over the kind's limit (413), the file is empty (422), the entry already
/// has the most files allowed counting unfinished uploads (422), or it can no longer be edited (403).</description></item>
/// <item><term><c>PUT /api/tai-len/{id}?offset=N</c></term><description>
/// Raw bytes (at most <c>chunkBytes</c>) appended at N → 200 <c>{ received, size }</c>. N must equal the bytes
/// received so far, else 409 <c>{ received, error }</c> and the client resumes from there. More than declared → 413.
/// A first chunk whose magic bytes are refused → 415.</description></item>
/// <item><term><c>GET /api/tai-len/{id}</c></term><description>→ 200 <c>{ received, size }</c>, to resume after a dropped
/// connection or a reload.</description></item>
/// <item><term><c>POST /api/tai-len/{id}/hoan-tat</c></term><description>Checks and stores the file → 201
/// <c>{ mediaId }</c>; 409 <c>{ received, error }</c> while bytes are missing; 413/415/422 when the content is refused.</description></item>
/// <item><term><c>DELETE /api/tai-len/{id}</c></term><description>Cancels an unfinished upload → 204.</description></item>
/// <item><term><c>GET /api/tai-len/tep/{entryId}</c></term><description>→ 200 <c>{ canEdit, maxFiles, files: [{ id, kind,
/// name, size, state, stateLabel, thumbnailUrl }], unfinished: [{ id, kind, name, size, received }] }</c>.</description></item>
/// <item><term><c>POST /api/tai-len/xoa/{mediaId}</c></term><description>Removes a file from an editable entry → 204.</description></item>
/// <item><term><c>POST /api/tai-len/thu-lai/{mediaId}</c></term><description>Queues a failed file of an editable entry
/// for processing again → 204; 409 when it has not failed.</description></item>
/// </list>
/// 423 <c>{ received, error }</c> with <c>Retry-After</c> means another request is still writing the same upload.
/// </remarks>
public static class UploadEndpoints
{
    public const string BasePath = "/api/tai-len";

    public static RouteGroupBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).AddEndpointFilter(GuardAsync);
        group.MapPost("", (HttpContext http, UploadService uploads) => uploads.StartAsync(http));
        group.MapGet("{id}", (HttpContext http, string id, UploadService uploads) => uploads.StatusAsync(http, id));
        group.MapPut("{id}", (HttpContext http, string id, string? offset, UploadService uploads) => uploads.AppendAsync(http, id, offset));
        group.MapPost("{id}/hoan-tat", (HttpContext http, string id, UploadService uploads) => uploads.CompleteAsync(http, id));
        group.MapDelete("{id}", (HttpContext http, string id, UploadService uploads) => uploads.CancelAsync(http, id));
        group.MapGet("tep/{entryId:int}", (HttpContext http, int entryId, UploadService uploads) => uploads.ListAsync(http, entryId));
        group.MapPost("xoa/{mediaId:int}", (HttpContext http, int mediaId, UploadService uploads) => uploads.RemoveAsync(http, mediaId));
        group.MapPost("thu-lai/{mediaId:int}", (HttpContext http, int mediaId, UploadService uploads) => uploads.RetryAsync(http, mediaId));
        return group;
    }

    // Signed in (a 401 with a message, not a redirect to the login page: the caller is a script), and for
    // anything that changes state, the antiforgery token from the page.
    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
            return UploadService.Error(StatusCodes.Status401Unauthorized, UploadMessages.SignIn);
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return UploadService.Error(StatusCodes.Status400BadRequest, UploadMessages.Antiforgery);
            }
        }
        return await next(context);
    }
}
