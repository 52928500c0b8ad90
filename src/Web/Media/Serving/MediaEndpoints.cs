using System.Security.Claims;
using ContestPlatform.Storage;
using ContestPlatform.Web.Accounts;
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
/// </summary>
public static class MediaEndpoints
{
    public static WebApplication MapMediaFiles(this WebApplication app)
    {
        var files = app.MapGroup("/tep/{id:int}");
        foreach (var variant in MediaVariant.All)
        {
            files.MapMethods("/" + variant.Path, [HttpMethods.Get, HttpMethods.Head],
                    (int id, HttpContext context, AppDbContext db, IBlobStore store, CancellationToken cancellationToken) =>
                        ServeAsync(id, variant, context, db, store, cancellationToken))
                .ExcludeFromDescription();
        }
        return app;
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

        var key = variant.Key(found.Media);
        if (string.IsNullOrEmpty(key))
            return Results.NotFound();
        var info = await store.GetInfoAsync(key, cancellationToken);
        if (info is null)
            return Results.NotFound();

        return new BlobFileResult(store, info, variant.ContentType, isPublic,
            variant.Attachment ? variant.DownloadName(found.Media) : null);
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
