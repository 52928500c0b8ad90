using ContestPlatform.Web.Awards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Awards;

/// <summary>
/// /chung-nhan/{code}: where a certificate's QR code leads. Shows the award as published and the hash of the
/// published results, so anyone can check a certificate; unknown (or not yet published) codes are 404.
/// </summary>
public sealed class CertificateModel(AwardService awards) : PageModel
{
    public ProposalView Results { get; private set; } = null!;
    public AwardView Award { get; private set; } = null!;
    public IReadOnlyList<string> Authors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await awards.CertificateAsync(code, cancellationToken) is not { } found)
            return NotFound();
        (Results, Award, Authors) = found;
        return Page();
    }
}
