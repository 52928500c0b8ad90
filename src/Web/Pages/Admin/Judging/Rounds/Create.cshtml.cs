using System.Security.Cryptography;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Judging.Rounds;

public sealed class CreateModel(RoundService rounds) : PageModel
{
    [BindProperty] public RoundInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var existing = await rounds.ListAsync(cancellationToken);
        Input = new RoundInput
        {
            Name = existing.Count == 0 ? "Vòng sơ khảo" : "Vòng chung khảo",
            Order = existing.Count == 0 ? 1 : existing.Max(r => r.Order) + 1,
            JudgesPerEntry = 3,
            Seed = RandomNumberGenerator.GetInt32(1, 1_000_000),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.CutoffProblem() is { } problem)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RoundInput.CutoffValue)}", problem);
        if (!ModelState.IsValid)
            return Page();
        try
        {
            var round = await rounds.CreateAsync(Input.ToSettings(), CouncilLabels.ActorOf(User), cancellationToken);
            StatusMessage = $"Đã tạo {round.Name}. Bước tiếp theo: phân công giám khảo.";
            return RedirectToPage("./Assignments", new { id = round.Id });
        }
        catch (EntryRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
    }
}
