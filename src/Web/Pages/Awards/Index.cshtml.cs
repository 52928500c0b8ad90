using ContestPlatform.Web.Awards;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Awards;

/// <summary>/giai-thuong: the published winners by tier; an empty state until the publication moment.</summary>
public sealed class IndexModel(AwardService awards) : PageModel
{
    public ProposalView? Published { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Never cached: before the moment there is nothing, right after it the winners (the embargo is exact).
        Response.Headers.CacheControl = "no-store";
        Published = await awards.PublishedAsync(cancellationToken);
    }
}
