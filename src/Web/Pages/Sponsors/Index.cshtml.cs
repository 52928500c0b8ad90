using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Sponsors;

/// <summary>/nha-tai-tro: the sponsors of a signed MoU that grants the logo on the site, with what they fund; an empty state otherwise.</summary>
public sealed class IndexModel(SponsorshipService sponsorship) : PageModel
{
    public IReadOnlyList<PublicSponsor> Sponsors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sponsors = await sponsorship.PublicSponsorsAsync(cancellationToken);
}
