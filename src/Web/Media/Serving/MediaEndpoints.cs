using System.Security.Claims;
using ContestPlatform.Storage;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Media.Serving;

/// <summary>
/// Serves media files under <c>/tep/{id}/…</c> (see <see cref="MediaUrls"/>), GET and HEAD, with byte
/// ranges. Who may fetch what:
/// <list type="bullet">
/// <item>derivatives of photos, videos and documents: anyone once the entry is public
/// (<see cref="EntryStatusLabels.Public"/>), otherwise its owner and the secretariat;</item>
/// <item>evidence (xác nhận áp dụng): its owner and the secretariat only, whatever the status;</item>
/// <item>originals: its owner and the secretariat only, always as a download.</item>
/// </list>
/// Everyone else gets 404, never 403, so a file's existence is not revealed.
/// Judges fetch the derivatives of the entries assigned to them under <c>/giam-khao/tep/{token}/…</c>
/// (<see cref="JudgeMediaUrls"/>) instead: same variants, same response, no public id to look up.
/// </summary>
public static class MediaEndpoints
{
    /// <summary>The name a judge's document download gets: neutral, without the public media id.</summary>
    public const string JudgeDownloadName = "tai-lieu.pdf";

    public static WebApplication MapMediaFiles(this WebApplication app)
    {
        var files = app.MapGroup("/tep/{id:int}");
        var judgeFiles = app.MapGroup(JudgeMediaUrls.Root + "/{token}");
        foreach (var variant in MediaVariant.All)
        {
            files.MapMethods("/" + variant.Path, [HttpMethods.Get, HttpMethods.Head],
                    (int id, HttpContext context, AppDbContext db, IBlobStore store, CancellationToken cancellationToken) =>
                        ServeAsync(id, variant, context, db, store, cancellationToken))
                .ExcludeFromDescription();
            if (variant.OriginalOnly)
                continue;
            judgeFiles.MapMethods("/" + variant.Path, [HttpMethods.Get, HttpMethods.Head],
                    (string token, HttpContext context, JudgeWorkspace workspace, JudgeMediaTokens tokens, IBlobStore store, CancellationToken cancellationToken) =>
                        ServeToJudgeAsync(token, variant, context, workspace, tokens, store, cancellationToken))
                .ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>
    /// A judge's media: the token's assignment must be in force and the signed-in judge's, the entry one they
    /// may open (not conflicted, being judged, redacted) and the file one of its judge-visible derivatives.
    /// Anything else is 404, as on the judge's pages.
    /// </summary>
    private static async Task<IResult> ServeToJudgeAsync(
        string token, MediaVariant variant, HttpContext context, JudgeWorkspace workspace, JudgeMediaTokens tokens, IBlobStore store,
        CancellationToken cancellationToken)
    {
        if (!context.User.IsInRole(Roles.Judge) || !tokens.TryRead(token, out var assignmentId, out var mediaId))
            return Results.NotFound();
        var judge = await workspace.JudgeOfAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        var media = judge is null ? null : await workspace.MediaAsync(judge, assignmentId, mediaId, cancellationToken);
        if (media is null)
            return Results.NotFound();
        return await SendAsync(media, variant, store, isPublic: false, variant.Attachment ? JudgeDownloadName : null, cancellationToken);
    }

    private static async Task<IResult> ServeAsync(
        int id, MediaVariant variant, HttpContext context, AppDbContext db, IBlobStore store, CancellationToken cancellationToken)
    {
        var found = await db.MediaFiles.AsNoTracking()
            .Where(m => m.Id == id)
            .Join(db.Entries, m => m.EntryId, e => e.Id, (m, e) => new { Media = m, e.OwnerId, e.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return Results.NotFound();

        var isPublic = !variant.OriginalOnly
                       && found.Media.Kind != MediaKind.Evidence
                       && EntryStatusLabels.Public.Contains(found.Status);
        if (!isPublic && !await IsPrivilegedAsync(context.User, found.OwnerId, db, cancellationToken))
            return Results.NotFound();

        return await SendAsync(found.Media, variant, store, isPublic,
            variant.Attachment ? variant.DownloadName(found.Media) : null, cancellationToken);
    }

    /// <summary>The variant's blob with its fixed content type, nosniff, ranges; 404 when it has not been made.</summary>
    private static async Task<IResult> SendAsync(
        MediaFile media, MediaVariant variant, IBlobStore store, bool isPublic, string? downloadName, CancellationToken cancellationToken)
    {
        var key = variant.Key(media);
        if (string.IsNullOrEmpty(key))
            return Results.NotFound();
        var info = await store.GetInfoAsync(key, cancellationToken);
        if (info is null)
            return Results.NotFound();
        return new BlobFileResult(store, info, variant.ContentType, isPublic, downloadName);
    }

    /// <summary>
    /// The entry's owner, or an organizer. An organizer whom the contest obliges to use two-factor sign-in
    /// and who has not turned it on is not trusted here either, as the 2FA gate keeps them out of /quan-tri.
    /// </summary>
    private static async Task<bool> IsPrivilegedAsync(ClaimsPrincipal user, string ownerId, AppDbContext db, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
            return false;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId && userId == ownerId)
            return true;
        return await IsTrustedOrganizerAsync(user, db, cancellationToken);
    }

    /// <summary>An organizer who is not kept out of /quan-tri by the two-factor obligation (files outside it check this too).</summary>
    internal static async Task<bool> IsTrustedOrganizerAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Organizer))
            return false;
        return user.FindFirst(ContestClaimsFactory.TwoFactorEnabled)?.Value == "true"
               || !await db.Contests.AnyAsync(c => c.RequireTwoFactorForStaff, cancellationToken);
    }
}
