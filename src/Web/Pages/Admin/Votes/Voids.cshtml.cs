using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Votes;

/// <summary>/quan-tri/binh-chon/da-huy: every void — when, by whom, why, how many votes, which entries.</summary>
public sealed class VoidsModel(VoteService votes) : PageModel
{
    public IReadOnlyList<VoidBatch> Voids { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Voids = await votes.VoidsAsync(cancellationToken: cancellationToken);
}
