using System.Security.Claims;
using ContestPlatform.Web.Council;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Judge;

/// <summary>The judge's queue: their entries in every open round, by anonymous label, with progress.</summary>
public sealed class IndexModel(JudgeWorkspace workspace) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }

    /// <summary>False when the account has the role but is not (or no longer) a member of the council.</summary>
    public bool IsMember { get; private set; }

    public IReadOnlyList<RoundQueue> Queues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var judge = await workspace.JudgeOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        IsMember = judge is not null;
        if (judge is not null)
            Queues = await workspace.QueueAsync(judge, cancellationToken);
    }
}
