using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Sponsorship;

/// <summary>Tài trợ: the MoUs with their status and committed against disbursed, and the sponsors with whether the public sees them.</summary>
public sealed class IndexModel(SponsorshipService sponsorship) : PageModel
{
    public const string Path = "/quan-tri/tai-tro";
    public const string SponsorPath = Path + "/nha-tai-tro";
    public const string MouPath = Path + "/bien-ban";

    [Microsoft.AspNetCore.Mvc.TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<MouSummary> Mous { get; private set; } = [];
    public IReadOnlyList<SponsorSummary> Sponsors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Mous = await sponsorship.MouSummariesAsync(cancellationToken);
        Sponsors = await sponsorship.SponsorSummariesAsync(cancellationToken);
    }
}
