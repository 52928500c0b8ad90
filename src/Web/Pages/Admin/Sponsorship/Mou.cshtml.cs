using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Pages.Admin.Entries;
using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Sponsorship;

/// <summary>
/// One MoU (/bien-ban/{id}, or /bien-ban/moi for a new draft): its terms and schedule, its status (a move back
/// needs a reason), its disbursements against the committed value, the prize tiers and agenda items linked to
/// it, and its history. The forms post to their own handlers and bind only their own fields, each
/// carrying the version the organizer saw.
/// </summary>
public sealed class MouModel(SponsorshipService sponsorship, AppDbContext db) : PageModel
{
    public const string StatusPrefix = "Status";
    public const string PaymentPrefix = "Payment";
    public const string CancelPrefix = "Cancel";
    public const string DeletePrefix = "Delete";

    [TempData] public string? StatusMessage { get; set; }

    public bool IsNew { get; private set; }
    public SponsorshipMou? Mou { get; private set; }
    public MouInput Input { get; private set; } = new();
    public StatusInput Status { get; private set; } = new();
    public PaymentInput Payment { get; private set; } = new();
    public CancelDisbursementInput Cancel { get; private set; } = new();
    public DeleteDraftInput Delete { get; private set; } = new();

    public IReadOnlyList<Sponsor> Sponsors { get; private set; } = [];
    public IReadOnlyList<PrizeTier> Tiers { get; private set; } = [];
    public IReadOnlyList<(ContestEvent Event, AgendaItem Item)> AgendaItems { get; private set; } = [];

    public long Disbursed => Mou is null ? 0 : MouRules.Disbursed(Mou);
    public DateOnly Today => sponsorship.Today;

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery(Name = "nhaTaiTro")] int? sponsorId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (Mou is null)
            Input = await NewDraftAsync(sponsorId, cancellationToken);
        Defaults();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, [FromForm(Name = "Input")] MouInput input, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input = input;
        if (!ModelState.IsValid)
            return Refused();
        try
        {
            var mou = await sponsorship.SaveMouAsync(IsNew ? null : Mou!.Id, input.Version, input.ToTerms(), input.ToSchedule(), Actor, cancellationToken);
            StatusMessage = IsNew ? "Đã lập dự thảo biên bản ghi nhớ tài trợ." : "Đã lưu thông tin biên bản.";
            return Redirect($"{IndexModel.MouPath}/{mou.Id}");
        }
        catch (MouRuleException ex)
        {
            return await RefusedAsync(ex, id, "Input", ex.Field switch
            {
                MouField.Number => "Input.Number",
                MouField.SignedOn => "Input.SignedOn",
                MouField.Value => "Input.ValueDong",
                MouField.Schedule => "Input.Schedule",
                MouField.ValidUntil => "Input.ValidUntil",
                _ => "Input",
            }, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostStatusAsync(string id, [FromForm(Name = StatusPrefix)] StatusInput status, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Mou is null)
            return NotFound();
        Status = status;
        if (!ModelState.IsValid)
            return Refused();
        try
        {
            await sponsorship.ChangeStatusAsync(Mou.Id, status.Version, status.To!.Value, AdminForms.Block(status.Reason), Actor, cancellationToken);
            StatusMessage = $"Đã chuyển biên bản sang “{MouLabels.Of(status.To.Value)}”.";
            return Redirect($"{IndexModel.MouPath}/{Mou.Id}#trang-thai");
        }
        catch (MouRuleException ex)
        {
            return await RefusedAsync(ex, id, StatusPrefix, ex.Field switch
            {
                MouField.Reason => $"{StatusPrefix}.{nameof(StatusInput.Reason)}",
                MouField.Status => $"{StatusPrefix}.{nameof(StatusInput.To)}",
                _ => StatusPrefix,
            }, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostDisburseAsync(string id, [FromForm(Name = PaymentPrefix)] PaymentInput payment, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Mou is null)
            return NotFound();
        Payment = payment;
        if (!ModelState.IsValid)
            return Refused();
        try
        {
            var details = new DisbursementDetails(payment.PaidOn!.Value, payment.AmountDong!.Value, AdminForms.Line(payment.Reference), AdminForms.Block(payment.Note));
            var wasSigned = Mou.Status == MouStatus.Signed;
            var after = await sponsorship.RecordDisbursementAsync(Mou.Id, payment.Version, details, Actor, cancellationToken);
            StatusMessage = $"Đã ghi nhận khoản giải ngân {VietnameseMoney.Format(details.AmountDong)}." +
                            (wasSigned && after == MouStatus.InProgress ? " Biên bản chuyển sang “Đang thực hiện”." : "");
            return Redirect($"{IndexModel.MouPath}/{Mou.Id}#giai-ngan");
        }
        catch (MouRuleException ex)
        {
            return await RefusedAsync(ex, id, PaymentPrefix, ex.Field switch
            {
                MouField.Amount => $"{PaymentPrefix}.{nameof(PaymentInput.AmountDong)}",
                MouField.PaidOn => $"{PaymentPrefix}.{nameof(PaymentInput.PaidOn)}",
                _ => PaymentPrefix,
            }, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostCancelDisbursementAsync(string id, [FromForm(Name = CancelPrefix)] CancelDisbursementInput cancel,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Mou is null)
            return NotFound();
        // A disbursement of another MoU (an id changed in the form) is not found here, as by URL.
        var disbursement = Mou.Disbursements.FirstOrDefault(d => d.Id == cancel.DisbursementId);
        if (disbursement is null)
            return NotFound();
        Cancel = cancel;
        if (!ModelState.IsValid)
            return Refused();
        try
        {
            await sponsorship.CancelDisbursementAsync(Mou.Id, cancel.Version, disbursement.Id, AdminForms.Block(cancel.Reason), Actor, cancellationToken);
            StatusMessage = $"Đã hủy khoản giải ngân {VietnameseMoney.Format(disbursement.AmountDong)} ngày {VietnameseFormat.Date(disbursement.PaidOn)}.";
            return Redirect($"{IndexModel.MouPath}/{Mou.Id}#giai-ngan");
        }
        catch (MouRuleException ex)
        {
            return await RefusedAsync(ex, id, CancelPrefix,
                ex.Field == MouField.CancelReason ? $"{CancelPrefix}.{nameof(CancelDisbursementInput.Reason)}" : CancelPrefix, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, [FromForm(Name = DeletePrefix)] DeleteDraftInput delete, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Mou is null)
            return NotFound();
        Delete = delete;
        if (!ModelState.IsValid)
            return Refused();
        try
        {
            await sponsorship.DeleteDraftAsync(Mou.Id, delete.Version, Actor, cancellationToken);
            StatusMessage = $"Đã xóa dự thảo biên bản #{Mou.Id} với {Mou.Sponsor.Name}.";
            return Redirect(IndexModel.Path);
        }
        catch (MouRuleException ex)
        {
            return await RefusedAsync(ex, id, DeletePrefix, DeletePrefix, cancellationToken);
        }
    }

    /// <summary>Whether the row of <paramref name="disbursement"/> opens its cancel form: the one just refused.</summary>
    public bool CancelOpen(MouDisbursement disbursement) =>
        Cancel.DisbursementId == disbursement.Id && !ModelState.IsValid;

    /// <summary>The hint under the value: the amount in figures and in words.</summary>
    public static string Words(long? dong) => dong is { } value and >= 0 ? $"{VietnameseMoney.Format(value)} ({VietnameseMoney.ToWords(value)})" : "";

    private Actor Actor => ReviewModel.CurrentActor(User);

    private PageResult Refused()
    {
        Defaults();
        return Page();
    }

    /// <summary>
    /// A refusal from the rules goes next to its field (or above its form); a stale version gets 409 and the
    /// page as it now stands, with the organizer's typing kept in the form they sent.
    /// </summary>
    private async Task<IActionResult> RefusedAsync(MouRuleException ex, string id, string form, string key, CancellationToken cancellationToken)
    {
        var stale = ex.Message == SponsorshipService.StaleMessage;
        ModelState.AddModelError(stale ? form : key, ex.Message);
        var (input, status, payment, cancel, delete) = (Input, Status, Payment, Cancel, Delete);
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        (Input, Status, Payment, Cancel, Delete) = (input, status, payment, cancel, delete);
        if (stale)
            Response.StatusCode = StatusCodes.Status409Conflict;
        Defaults();
        return Page();
    }

    /// <summary>The forms that were not posted (their version is empty) show the MoU as it now is.</summary>
    private void Defaults()
    {
        if (Mou is not null)
        {
            if (Input.Version == Guid.Empty)
                Input = MouInput.From(Mou);
            if (Status.Version == Guid.Empty)
                Status = new StatusInput { Version = Mou.Version };
            if (Payment.Version == Guid.Empty)
                Payment = new PaymentInput { Version = Mou.Version, PaidOn = Today };
            if (Cancel.Version == Guid.Empty)
                Cancel = new CancelDisbursementInput { Version = Mou.Version };
            if (Delete.Version == Guid.Empty)
                Delete = new DeleteDraftInput { Version = Mou.Version };
        }
        Input.PadSchedule();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        IsNew = id == "moi";
        Sponsors = await sponsorship.SponsorsAsync(cancellationToken);
        if (IsNew)
            return true;
        Mou = int.TryParse(id, out var mouId) ? await sponsorship.MouAsync(mouId, cancellationToken) : null;
        if (Mou is null)
            return false;
        Tiers = await sponsorship.TiersFundedByAsync(Mou.Id, cancellationToken);
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.SponsorshipMouId == Mou.Id).ToListAsync(cancellationToken);
        var eventIds = items.Select(i => i.ContestEventId).ToList();
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        AgendaItems = [.. items.Select(i => (Event: events[i.ContestEventId], Item: i)).OrderBy(x => x.Event.StartsAt).ThenBy(x => x.Item.Order)];
        return true;
    }

    /// <summary>A new draft starts with Bên A as the last MoU named it (or the contest's organiser) and the chosen sponsor.</summary>
    private async Task<MouInput> NewDraftAsync(int? sponsorId, CancellationToken cancellationToken)
    {
        var last = await db.SponsorshipMous.AsNoTracking().OrderByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        var contest = await db.CurrentContestAsync(cancellationToken);
        return new MouInput
        {
            SponsorId = Sponsors.Any(s => s.Id == sponsorId) ? sponsorId : null,
            Place = last?.Place ?? "",
            PartyAName = last?.PartyAName ?? contest.Organiser,
            PartyAAddress = last?.PartyAAddress ?? contest.StandingBody,
            PartyARepresentative = last?.PartyARepresentative ?? "",
            PartyAPosition = last?.PartyAPosition ?? "",
            BenefitLogoOnSite = true,
            BenefitRecognition = true,
        };
    }
}
