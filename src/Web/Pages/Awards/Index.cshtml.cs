using ContestPlatform.Web.Awards;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace ContestPlatform.Web.Pages.Awards;

/// <summary>/giai-thuong: the published winners by tier; an empty state until the publication moment.</summary>
[OutputCache(PolicyName = AwardsSetup.PublishedResultsCache)]
public sealed class IndexModel(AwardService awards) : PageModel
{
    public ProposalView? Published { get; private set; }

    public ILookup<int, string> Authors { get; private set; } = Array.Empty<string>().ToLookup(_ => 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Never cached by browsers or proxies: before the moment there is nothing, right after it the winners.
        // The server's own output cache is keyed by that moment (AwardsSetup).
        Response.Headers.CacheControl = "no-store";
        Published = await awards.PublishedAsync(cancellationToken);
        if (Published is not null)
            Authors = await awards.AuthorsAsync(Published, cancellationToken);
    }
}
