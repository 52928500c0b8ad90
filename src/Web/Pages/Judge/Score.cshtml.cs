using System.Globalization;
using System.Security.Claims;
using ContestPlatform.Judging;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Judge;

/// <summary>
/// Scoring one entry: the redacted entry beside the rubric's inputs; save a draft, submit (after a confirmation
/// step showing exactly what will be submitted), go to the next entry, or declare a conflict of interest.
/// The round and the label come from the route, the judge from the signed-in account: nothing posted can point the
/// form at another entry, round or judge. Anything the judge may not open answers 404, GET or POST alike —
/// including an entry the judge is conflicted with (a 404 rather than a page without content, so the URL does not
/// even confirm that the entry exists).
/// </summary>
public sealed class ScoreModel(JudgeWorkspace workspace, ScoringService scoring, AssignmentService assignments, CouncilData data, AppDbContext db)
    : PageModel
{
    public const string CommandSave = "luu";
    public const string CommandSubmit = "nop";

    [BindProperty] public SheetInput Input { get; set; } = new();
    [BindProperty(Name = "lyDoXungDot")] public string? ConflictReason { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public JudgeTask Work { get; private set; } = null!;
    public Rubric Rubric { get; private set; } = null!;
    public string? NextLabel { get; private set; }
    public string? ReopenReason { get; private set; }

    /// <summary>The saved sheet as the domain reads it (for the confirmation and the submitted view); null before the first save.</summary>
    public Scorecard? Saved { get; private set; }

    /// <summary>Showing the confirmation step before submitting.</summary>
    public bool Confirming { get; private set; }

    public string Title => EntryLabels.Display(Work.Label);
    public bool CanEdit => Work.IsOpen && !Work.IsSubmitted;

    public async Task<IActionResult> OnGetAsync([FromRoute] int roundId, [FromRoute] string label, [FromQuery(Name = "xacNhan")] bool confirm,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, label, cancellationToken))
            return NotFound();
        Input = FromSheet();
        Confirming = confirm && CanEdit && Saved is { IsComplete: true };
        return Page();
    }

    /// <summary>"Lưu nháp" and "Nộp phiếu chấm": both validate and save; submitting then asks for confirmation.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] int roundId, [FromRoute] string label, [FromForm(Name = "thaoTac")] string? command,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, label, cancellationToken))
            return NotFound();
        var submit = command == CommandSubmit;
        // Points are bound as text and checked by the scoring service; a garbled version simply reads as stale.
        ModelState.Clear();
        try
        {
            var problems = await scoring.SaveAsync(Work, Input, submit, CouncilLabels.ActorOf(User), cancellationToken);
            if (problems.Any)
            {
                foreach (var (field, message) in problems.ByField)
                    ModelState.AddModelError($"{nameof(Input)}.{field}", message);
                foreach (var message in problems.General)
                    ModelState.AddModelError(string.Empty, message);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }
        catch (EntryRuleException ex)
        {
            return await RefusedAsync(roundId, label, ex, cancellationToken);
        }
        if (submit)
            return Redirect($"{SelfUrl()}?xacNhan=true");
        StatusMessage = "Đã lưu nháp phiếu chấm.";
        return Redirect(SelfUrl());
    }

    /// <summary>The confirmation step's button: submits the saved draft of that version.</summary>
    public async Task<IActionResult> OnPostConfirmAsync([FromRoute] int roundId, [FromRoute] string label, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, label, cancellationToken))
            return NotFound();
        try
        {
            await scoring.SubmitAsync(Work, Input.Version, CouncilLabels.ActorOf(User), cancellationToken);
        }
        catch (EntryRuleException ex)
        {
            ModelState.Clear();
            return await RefusedAsync(roundId, label, ex, cancellationToken);
        }
        StatusMessage = $"Đã nộp phiếu chấm {Title}. Phiếu đã nộp không sửa được nữa.";
        return Redirect(SelfUrl());
    }

    public async Task<IActionResult> OnPostConflictAsync([FromRoute] int roundId, [FromRoute] string label, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roundId, label, cancellationToken))
            return NotFound();
        ModelState.Clear();
        Input = FromSheet();
        if (!Work.IsOpen)
        {
            ModelState.AddModelError(string.Empty, ScoringService.ClosedMessage);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        try
        {
            await assignments.DeclareConflictAsync(Work.Judge.Id, Work.EntryId, ConflictReason, CouncilLabels.ActorOf(User), cancellationToken);
        }
        catch (EntryRuleException ex)
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(ConflictReason) ? "lyDoXungDot" : string.Empty, ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        StatusMessage = $"Đã ghi nhận khai báo xung đột lợi ích với {Title}. Công trình đã được chuyển cho giám khảo khác và không còn trong danh sách của bạn.";
        return Redirect("/giam-khao");
    }

    /// <summary>The value a number input shows: invariant notation ("25.5"), as browsers expect.</summary>
    public string PointsText(string code) =>
        Input.Points.GetValueOrDefault(code) ?? "";

    public string CommentText(string code) => Input.Comments.GetValueOrDefault(code) ?? "";

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string Step(decimal step) => step.ToString("0.############", CultureInfo.InvariantCulture);

    private string SelfUrl() => $"/giam-khao/vong/{Work.Round.Id}/cong-trinh/{Work.Label}";

    /// <summary>A refused save or submit: shown on the page as it now is (the stored sheet), with 409.</summary>
    private async Task<IActionResult> RefusedAsync(int roundId, string label, EntryRuleException ex, CancellationToken cancellationToken)
    {
        var posted = Input;
        db.ChangeTracker.Clear();
        if (!await LoadAsync(roundId, label, cancellationToken))
            return NotFound();
        // Keep what the judge typed when the sheet can still be edited, so nothing is lost on screen.
        Input = CanEdit ? posted : FromSheet();
        ModelState.AddModelError(string.Empty, ex.Message);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(int roundId, string label, CancellationToken cancellationToken)
    {
        var judge = await workspace.JudgeOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (judge is null || await workspace.FindAsync(judge, roundId, label, cancellationToken) is not { } work)
            return false;
        Work = work;
        Rubric = await data.RubricAsync(cancellationToken);
        Saved = null;
        if (work.Sheet is { } sheet)
        {
            try
            {
                Saved = ScoringService.ToScorecard(Rubric, sheet);
            }
            catch (JudgingException)
            {
                // The rubric changed after this sheet was saved: the judge re-enters the scores.
            }
            ReopenReason = await scoring.LastReopenReasonAsync(sheet, cancellationToken);
        }
        NextLabel = (await workspace.RoundQueueAsync(judge, work.Round, cancellationToken))?.NextAfter(work.Label);
        return true;
    }

    private SheetInput FromSheet()
    {
        var sheet = Work.Sheet;
        return new SheetInput
        {
            Points = sheet?.Lines.ToDictionary(l => l.CriterionCode, l => (string?)l.Points.ToString("0.############", CultureInfo.InvariantCulture)) ?? [],
            Comments = sheet?.Lines.ToDictionary(l => l.CriterionCode, l => (string?)l.Comment) ?? [],
            Comment = sheet?.Comment,
            Version = sheet?.Version ?? Guid.Empty,
        };
    }
}
