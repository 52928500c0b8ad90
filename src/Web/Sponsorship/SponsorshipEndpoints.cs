using ContestPlatform.Storage;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Media.Serving;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Sponsorship;

/// <summary>
/// The sponsorship files, GET and HEAD, through <see cref="BlobFileResult"/> (fixed content type, nosniff, a
/// sandboxing CSP):
/// <list type="bullet">
/// <item><c>/tep/nha-tai-tro/{id}/{name}.png</c>: a sponsor's logo, always the PNG the platform drew. Public
/// (cached for a year: the name changes with every new logo) once the sponsor is on /nha-tai-tro; before that
/// only organizers see it, uncached.</item>
/// <item><c>/tep/bien-ban/{id}/ban-ky</c>: the signed scan of an MoU, for organizers only, as a download.</item>
/// </list>
/// Anyone else gets 404, as for entry files: these live outside /quan-tri so that a refusal does not reveal
/// that the file exists.
/// </summary>
public static class SponsorshipEndpoints
{
    public const string LogoPath = "/tep/nha-tai-tro";

    public static string ScanUrl(int mouId) => $"/tep/bien-ban/{mouId}/ban-ky";

    public static WebApplication MapSponsorshipFiles(this WebApplication app)
    {
        app.MapMethods(LogoPath + "/{id:int}/{name}", [HttpMethods.Get, HttpMethods.Head], ServeLogoAsync).ExcludeFromDescription();
        app.MapMethods("/tep/bien-ban/{id:int}/ban-ky", [HttpMethods.Get, HttpMethods.Head], ServeScanAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeLogoAsync(int id, string name, HttpContext context, AppDbContext db, IBlobStore store, CancellationToken cancellationToken)
    {
        var sponsor = await db.Sponsors.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.LogoKey }).FirstOrDefaultAsync(cancellationToken);
        // Only the current logo answers: an old address would otherwise keep serving a logo that was replaced.
        if (sponsor is null || sponsor.LogoKey.Length == 0 || Path.GetFileName(sponsor.LogoKey) != name)
            return Results.NotFound();
        var isPublic = await db.SponsorshipMous.AnyAsync(m => m.SponsorId == id && m.Status >= MouStatus.Signed && m.BenefitLogoOnSite, cancellationToken);
        if (!isPublic && !await MediaEndpoints.IsTrustedOrganizerAsync(context.User, db, cancellationToken))
            return Results.NotFound();
        var info = await store.GetInfoAsync(sponsor.LogoKey, cancellationToken);
        return info is null ? Results.NotFound() : new BlobFileResult(store, info, SponsorshipFiles.LogoContentType, isPublic, null);
    }

    private static async Task<IResult> ServeScanAsync(int id, HttpContext context, AppDbContext db, IBlobStore store, CancellationToken cancellationToken)
    {
        if (!await MediaEndpoints.IsTrustedOrganizerAsync(context.User, db, cancellationToken))
            return Results.NotFound();
        var mou = await db.SponsorshipMous.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.ScanKey, m.ScanFileName }).FirstOrDefaultAsync(cancellationToken);
        if (mou is null || mou.ScanKey.Length == 0)
            return Results.NotFound();
        var info = await store.GetInfoAsync(mou.ScanKey, cancellationToken);
        if (info is null)
            return Results.NotFound();
        // Always a download: a PDF shown in the browser's viewer would run on our origin.
        var name = mou.ScanFileName.Length > 0 ? mou.ScanFileName : SponsorshipFiles.DownloadName("", Path.GetExtension(mou.ScanKey));
        return new BlobFileResult(store, info, ScanContentType(mou.ScanKey), isPublic: false, downloadName: name);
    }

    /// <summary>The type follows from the key, which the platform chose from the sniffed content; never from the upload.</summary>
    private static string ScanContentType(string key) => Path.GetExtension(key) switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        _ => "application/octet-stream",
    };
}
