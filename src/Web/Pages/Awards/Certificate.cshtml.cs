using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Awards.Certificates;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Data.Seeding;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Awards;

/// <summary>
/// /chung-nhan/{code}: where a certificate's QR code leads. Shows the award as published and the hash of the
/// published results, so anyone can check a certificate; unknown (or not yet published) codes are 404.
/// </summary>
public sealed class CertificateModel(AwardService awards, AppDbContext db, IConfiguration configuration) : PageModel
{
    public ProposalView Results { get; private set; } = null!;
    public AwardView Award { get; private set; } = null!;
    public IReadOnlyList<string> Authors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        // The route's optional {handler} only names the PDF; any other word is not a page.
        if (RouteData.Values["handler"] is string { Length: > 0 })
            return NotFound();
        if (await awards.CertificateAsync(code, cancellationToken) is not { } found)
            return NotFound();
        (Results, Award, Authors) = found;
        return Page();
    }

    /// <summary>/chung-nhan/{code}/pdf: the certificate itself, A4 landscape, with the QR code to this page.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string code, CancellationToken cancellationToken)
    {
        if (await awards.CertificateAsync(code, cancellationToken) is not { } found)
            return NotFound();
        var (results, award, authors) = found;
        var contest = await db.CurrentContestAsync(cancellationToken);
        var origin = PublicOrigin.Of(configuration, Request);
        var publishedOn = DateOnly.FromDateTime(VietnameseFormat.ToVietnam(results.Proposal.PublishAt!.Value));
        var pdf = new CertificatePdf(configuration["Assets:Directory"] ?? ContestSeeder.DefaultAssetsDirectory).Render(new CertificateData(
            contest.Name,
            award.Award.Tier.Name,
            AwardLabels.Of(award.Award.Tier.Honour),
            award.EntryTitle,
            award.EntryCode,
            authors.Count > 0 ? authors : [award.EntrantName],
            authors.Count > 0 && award.EntrantName.Length > 0 ? award.EntrantName : null,
            publishedOn,
            configuration["Awards:CertificatePlace"] ?? "Thái Nguyên",
            configuration["Awards:SignerTitle"] ?? "TM. BAN TỔ CHỨC\nTRƯỞNG BAN",
            configuration["Awards:SignerName"] ?? "(Họ và tên người ký)",
            $"{origin}/chung-nhan/{award.Award.CertificateCode}",
            results.Proposal.ResultsHash));
        return File(pdf, "application/pdf", $"chung-nhan-{award.Award.CertificateCode}.pdf");
    }
}
