using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Judging.Rounds;

/// <summary>A round's settings, and which entries it judges.</summary>
public sealed class EditModel(RoundService rounds) : PageModel
{
    [BindProperty] public RoundInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public JudgingRound Round { get; private set; } = null!;
    public RoundEntries Entries { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = RoundInput.From(Round);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (Input.CutoffProblem() is { } problem)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RoundInput.CutoffValue)}", problem);
        if (!ModelState.IsValid)
            return Page();
        try
        {
            await rounds.UpdateAsync(id, Input.ToSettings(), Input.Version, CouncilLabels.ActorOf(User), cancellationToken);
        }
        catch (EntryRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Response.StatusCode = ex.Message == RoundService.StaleMessage ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
            return Page();
        }
        StatusMessage = $"Đã lưu vòng chấm “{AdminForms.Line(Input.Name)}”.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } round)
            return false;
        Round = round;
        Entries = await rounds.EntriesAsync(round, cancellationToken);
        return true;
    }
}
