using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Sponsorship;

/// <summary>The part of an MoU form a refusal belongs next to.</summary>
public enum MouField
{
    None,
    Number,
    SignedOn,
    Value,
    Schedule,
    ValidUntil,
    Status,
    Reason,
    PaidOn,
    Amount,
    CancelReason,
}

/// <summary>A refused change to an MoU, with a Vietnamese message a person can act on; nothing was changed.</summary>
public sealed class MouRuleException(string message, MouField field = MouField.None) : Exception(message)
{
    public MouField Field { get; } = field;
}

/// <summary>
/// What may happen to a sponsorship MoU, with no database and no web in sight:
/// <list type="bullet">
/// <item>Status moves forward one step at a time, Dự thảo → Đã ký → Đang thực hiện → Hoàn thành; it may move
/// back any number of steps, but only with a reason (and never back to Dự thảo once money was received).</item>
/// <item>Đã ký needs the number, the signing date (not after today) and the signed scan.</item>
/// <item>Hoàn thành needs the committed value fully disbursed.</item>
/// <item>A disbursement is a positive amount paid on or before today, recorded only while the MoU is Đã ký or
/// Đang thực hiện, never taking the total above the committed value. The first one moves an Đã ký MoU to
/// Đang thực hiện by itself: money being handed over is what that status means.</item>
/// <item>A disbursement recorded by mistake is cancelled with a reason, once, while the MoU is not Hoàn thành;
/// it stays on record and counts in no total.</item>
/// <item>The instalments of the schedule sum to no more than the value; the value is never below what was
/// already disbursed.</item>
/// </list>
/// Every refusal is a <see cref="MouRuleException"/>.
/// </summary>
public static class MouRules
{
    /// <summary>The largest value an MoU may state: 1.000 tỷ đồng, the bound the prize tiers use too.</summary>
    public const long MaxValueDong = 1_000_000_000_000;

    public const string AutoProgressReason = "Tự động: ghi nhận khoản giải ngân đầu tiên.";

    public static long Disbursed(SponsorshipMou mou) => mou.Disbursements.Where(d => !d.IsCancelled).Sum(d => d.AmountDong);

    /// <summary>What is still to be handed over; null while the value is not agreed.</summary>
    public static long? Remaining(SponsorshipMou mou) => mou.ValueDong - Disbursed(mou);

    /// <summary>Whether the public may know of the MoU (and its sponsor): from Đã ký on.</summary>
    public static bool IsPublic(MouStatus status) => status >= MouStatus.Signed;

    /// <summary>
    /// Whether the MoU puts its sponsor on /nha-tai-tro and the home page: signed, with the logo among the
    /// benefits. (The queries behind those pages and the logo endpoint say the same in SQL.)
    /// </summary>
    public static bool ShowsSponsor(MouStatus status, bool benefitLogoOnSite) => IsPublic(status) && benefitLogoOnSite;

    /// <summary>The statuses an organizer can choose from <paramref name="from"/>: the next step, then every earlier one.</summary>
    public static IReadOnlyList<MouStatus> Choices(MouStatus from)
    {
        var choices = new List<MouStatus>();
        if (from < MouStatus.Completed)
            choices.Add(from + 1);
        for (var back = from - 1; back >= MouStatus.Draft; back--)
            choices.Add(back);
        return choices;
    }

    /// <summary>What is still missing before the MoU can be marked Đã ký (empty when nothing is).</summary>
    public static IReadOnlyList<string> MissingForSigning(SponsorshipMou mou)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(mou.Number))
            missing.Add("số biên bản");
        if (mou.SignedOn is null)
            missing.Add("ngày ký");
        if (string.IsNullOrEmpty(mou.ScanKey))
            missing.Add("bản scan biên bản đã ký");
        return missing;
    }

    /// <summary>Refuses a status change that the rules do not allow; <paramref name="today"/> is the Vietnam date.</summary>
    public static void CheckStatusChange(SponsorshipMou mou, MouStatus to, string? reason, DateOnly today)
    {
        var from = mou.Status;
        if (!Enum.IsDefined(to))
            throw new MouRuleException("Vui lòng chọn trạng thái trong danh sách.", MouField.Status);
        if (to == from)
            throw new MouRuleException($"Biên bản đang ở trạng thái “{MouLabels.Of(from)}”.", MouField.Status);

        if (to < from)
        {
            if (string.IsNullOrWhiteSpace(reason))
                throw new MouRuleException(
                    $"Chuyển biên bản từ “{MouLabels.Of(from)}” về “{MouLabels.Of(to)}” là quay lại trạng thái trước: vui lòng ghi rõ lý do.",
                    MouField.Reason);
            var received = mou.Disbursements.Count(d => !d.IsCancelled);
            if (to == MouStatus.Draft && received > 0)
                throw new MouRuleException(
                    $"Không thể đưa biên bản về “Dự thảo”: đã có {received} khoản giải ngân được ghi nhận theo biên bản đã ký. " +
                    "Có thể chuyển về “Đã ký” nếu cần.", MouField.Status);
            return;
        }

        if (to != from + 1)
            throw new MouRuleException(
                $"Trạng thái chỉ chuyển tiếp từng bước (Dự thảo → Đã ký → Đang thực hiện → Hoàn thành). " +
                $"Bước tiếp theo của biên bản này là “{MouLabels.Of(from + 1)}”.", MouField.Status);

        switch (to)
        {
            case MouStatus.Signed:
                var missing = MissingForSigning(mou);
                if (missing.Count > 0)
                    throw new MouRuleException(
                        $"Chưa thể chuyển sang “Đã ký”: còn thiếu {Join(missing)}. " +
                        "Nhập số và ngày ký trong phần Thông tin biên bản, tải bản scan đã ký lên, rồi chuyển trạng thái.", MouField.Status);
                if (mou.SignedOn > today)
                    throw new MouRuleException(
                        $"Ngày ký {VietnameseFormat.Date(mou.SignedOn.Value)} ở sau hôm nay. Chỉ chuyển sang “Đã ký” khi biên bản đã thực sự được ký.",
                        MouField.Status);
                break;
            case MouStatus.Completed:
                if (mou.ValueDong is not { } value)
                    throw new MouRuleException(
                        "Chưa thể chuyển sang “Hoàn thành”: biên bản chưa có giá trị tài trợ để đối chiếu với số đã giải ngân.", MouField.Status);
                var disbursed = Disbursed(mou);
                if (disbursed < value)
                    throw new MouRuleException(
                        $"Chưa thể chuyển sang “Hoàn thành”: mới giải ngân {VietnameseMoney.Format(disbursed)} trên giá trị cam kết " +
                        $"{VietnameseMoney.Format(value)} (còn {VietnameseMoney.Format(value - disbursed)}). Ghi nhận đủ các khoản giải ngân, " +
                        "hoặc sửa giá trị biên bản nếu hai bên đã thống nhất thay đổi.", MouField.Status);
                break;
        }
    }

    /// <summary>
    /// Refuses a disbursement the MoU cannot take, and returns the status the MoU has once it is recorded
    /// (Đã ký becomes Đang thực hiện).
    /// </summary>
    public static MouStatus CheckDisbursement(SponsorshipMou mou, long amount, DateOnly paidOn, DateOnly today)
    {
        switch (mou.Status)
        {
            case MouStatus.Draft:
                throw new MouRuleException(
                    "Biên bản còn là dự thảo. Chỉ ghi nhận giải ngân sau khi biên bản đã được ký (trạng thái “Đã ký” hoặc “Đang thực hiện”).");
            case MouStatus.Completed:
                throw new MouRuleException(
                    "Biên bản đã hoàn thành nên không ghi nhận thêm khoản giải ngân. Nếu còn khoản chưa ghi, hãy chuyển biên bản về " +
                    "“Đang thực hiện” (ghi rõ lý do) trước.");
        }
        if (amount <= 0)
            throw new MouRuleException("Số tiền giải ngân phải lớn hơn 0 đồng.", MouField.Amount);
        if (mou.ValueDong is not { } value)
            throw new MouRuleException(
                "Biên bản chưa có giá trị tài trợ. Nhập giá trị trong phần Thông tin biên bản trước khi ghi nhận giải ngân.", MouField.Amount);
        if (paidOn > today)
            throw new MouRuleException($"Ngày giải ngân {VietnameseFormat.Date(paidOn)} ở sau hôm nay. Chỉ ghi nhận khoản đã thực nhận.", MouField.PaidOn);

        var disbursed = Disbursed(mou);
        if (disbursed + amount > value)
            throw new MouRuleException(
                disbursed >= value
                    ? $"Biên bản đã được giải ngân đủ giá trị cam kết {VietnameseMoney.Format(value)}; không thể ghi nhận thêm."
                    : $"Khoản {VietnameseMoney.Format(amount)} vượt giá trị cam kết: đã giải ngân {VietnameseMoney.Format(disbursed)} trên " +
                      $"{VietnameseMoney.Format(value)}, chỉ còn {VietnameseMoney.Format(value - disbursed)} có thể ghi nhận.",
                MouField.Amount);
        return mou.Status == MouStatus.Signed ? MouStatus.InProgress : mou.Status;
    }

    /// <summary>
    /// Refuses deleting an MoU that is more than a draft made by mistake: only a Dự thảo that never received money
    /// (cancelled disbursements included: they belong to the record of a signed MoU) and that no prize tier or
    /// agenda item names.
    /// </summary>
    public static void CheckDeletion(SponsorshipMou mou, int fundedTiers, int agendaItems)
    {
        if (mou.Status != MouStatus.Draft)
            throw new MouRuleException(
                $"Chỉ xóa được biên bản ở trạng thái “Dự thảo”; biên bản này đang “{MouLabels.Of(mou.Status)}”. " +
                "Biên bản đã ký là hồ sơ của Cuộc thi và được giữ lại.");
        if (mou.Disbursements.Count > 0)
            throw new MouRuleException(
                $"Không xóa được: biên bản có {mou.Disbursements.Count} khoản giải ngân trong hồ sơ (kể cả khoản đã hủy).");
        var links = new List<string>();
        if (fundedTiers > 0)
            links.Add($"{fundedTiers} hạng giải dùng kinh phí của biên bản (sửa tại Giải thưởng)");
        if (agendaItems > 0)
            links.Add($"{agendaItems} mục chương trình sự kiện liên kết tới biên bản (sửa tại Sự kiện)");
        if (links.Count > 0)
            throw new MouRuleException($"Không xóa được: còn {Join(links)}. Bỏ liên kết trước rồi xóa dự thảo.");
    }

    /// <summary>Refuses cancelling <paramref name="disbursement"/> of <paramref name="mou"/>: without a reason, twice, or once the MoU is Hoàn thành.</summary>
    public static void CheckCancellation(SponsorshipMou mou, MouDisbursement disbursement, string? reason)
    {
        if (disbursement.IsCancelled)
            throw new MouRuleException(
                $"Khoản giải ngân {VietnameseMoney.Format(disbursement.AmountDong)} ngày {VietnameseFormat.Date(disbursement.PaidOn)} đã được hủy trước đó.");
        if (mou.Status == MouStatus.Completed)
            throw new MouRuleException(
                "Biên bản đã hoàn thành nên không hủy khoản giải ngân. Nếu cần sửa, hãy chuyển biên bản về “Đang thực hiện” (ghi rõ lý do) trước.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new MouRuleException("Vui lòng ghi lý do hủy khoản giải ngân (ví dụ: ghi nhầm số tiền hoặc ghi trùng).", MouField.CancelReason);
    }

    /// <summary>
    /// Refuses terms that do not fit the MoU as it stands: the value against what was disbursed, the schedule
    /// against the value, the validity dates, and a signed MoU losing its number or date.
    /// </summary>
    public static void CheckTerms(SponsorshipMou current, MouTerms terms, IReadOnlyList<MouInstallment> schedule, DateOnly today)
    {
        if (terms.ValueDong is { } value && (value <= 0 || value > MaxValueDong))
            throw new MouRuleException("Giá trị tài trợ phải lớn hơn 0 và không quá 1.000 tỷ đồng.", MouField.Value);
        var disbursed = Disbursed(current);
        if (disbursed > 0 && terms.ValueDong is null)
            throw new MouRuleException(
                $"Đã giải ngân {VietnameseMoney.Format(disbursed)} theo biên bản này nên không thể bỏ trống giá trị tài trợ.", MouField.Value);
        if (terms.ValueDong < disbursed)
            throw new MouRuleException(
                $"Giá trị tài trợ ({VietnameseMoney.Format(terms.ValueDong!.Value)}) không được nhỏ hơn số đã giải ngân ({VietnameseMoney.Format(disbursed)}).",
                MouField.Value);

        CheckSchedule(terms.ValueDong, schedule);

        if (terms.ValidFrom is { } from && terms.ValidUntil is { } until && until < from)
            throw new MouRuleException(
                $"Ngày hết hiệu lực ({VietnameseFormat.Date(until)}) phải sau ngày bắt đầu hiệu lực ({VietnameseFormat.Date(from)}).", MouField.ValidUntil);

        if (current.Status >= MouStatus.Signed)
        {
            if (string.IsNullOrWhiteSpace(terms.Number))
                throw new MouRuleException("Biên bản đã ký phải có số biên bản.", MouField.Number);
            if (terms.SignedOn is null)
                throw new MouRuleException("Biên bản đã ký phải có ngày ký.", MouField.SignedOn);
            if (terms.SignedOn > today)
                throw new MouRuleException($"Biên bản đã ký nên ngày ký không thể sau hôm nay ({VietnameseFormat.Date(today)}).", MouField.SignedOn);
        }
    }

    /// <summary>Each instalment is a positive amount, and together they stay within the value (which must be set first).</summary>
    public static void CheckSchedule(long? value, IReadOnlyList<MouInstallment> schedule)
    {
        if (schedule.Count == 0)
            return;
        for (var i = 0; i < schedule.Count; i++)
            if (schedule[i].AmountDong <= 0)
                throw new MouRuleException($"Đợt {i + 1} của tiến độ giải ngân: số tiền phải lớn hơn 0 đồng.", MouField.Schedule);
        if (value is null)
            throw new MouRuleException("Nhập giá trị tài trợ trước khi lập tiến độ giải ngân.", MouField.Schedule);
        var total = schedule.Sum(i => i.AmountDong);
        if (total > value)
            throw new MouRuleException(
                $"Tổng các đợt giải ngân ({VietnameseMoney.Format(total)}) vượt giá trị tài trợ ({VietnameseMoney.Format(value.Value)}) " +
                $"là {VietnameseMoney.Format(total - value.Value)}. Sửa số tiền các đợt hoặc giá trị tài trợ.", MouField.Schedule);
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " và " + items[^1];
}

/// <summary>The editable terms of an MoU, as the form sends them (already tidied).</summary>
public sealed record MouTerms
{
    public string Number { get; init; } = "";
    public DateOnly? SignedOn { get; init; }
    public string Place { get; init; } = "";
    public string PartyAName { get; init; } = "";
    public string PartyAAddress { get; init; } = "";
    public string PartyARepresentative { get; init; } = "";
    public string PartyAPosition { get; init; } = "";
    public int SponsorId { get; init; }
    public string PartyBRepresentative { get; init; } = "";
    public string PartyBPosition { get; init; } = "";
    public string Purpose { get; init; } = "";
    public SponsorshipForm Form { get; init; }
    public long? ValueDong { get; init; }
    public string InKindDescription { get; init; } = "";
    public bool BenefitLogoOnSite { get; init; }
    public bool BenefitSpeechAtCeremony { get; init; }
    public bool BenefitRecognition { get; init; }
    public string BenefitsNote { get; init; } = "";
    public string ResponsibilitiesA { get; init; } = "";
    public string ResponsibilitiesB { get; init; } = "";
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }

    public static MouTerms Of(SponsorshipMou mou) => new()
    {
        Number = mou.Number, SignedOn = mou.SignedOn, Place = mou.Place,
        PartyAName = mou.PartyAName, PartyAAddress = mou.PartyAAddress, PartyARepresentative = mou.PartyARepresentative, PartyAPosition = mou.PartyAPosition,
        SponsorId = mou.SponsorId, PartyBRepresentative = mou.PartyBRepresentative, PartyBPosition = mou.PartyBPosition,
        Purpose = mou.Purpose, Form = mou.Form, ValueDong = mou.ValueDong, InKindDescription = mou.InKindDescription,
        BenefitLogoOnSite = mou.BenefitLogoOnSite, BenefitSpeechAtCeremony = mou.BenefitSpeechAtCeremony, BenefitRecognition = mou.BenefitRecognition,
        BenefitsNote = mou.BenefitsNote, ResponsibilitiesA = mou.ResponsibilitiesA, ResponsibilitiesB = mou.ResponsibilitiesB,
        ValidFrom = mou.ValidFrom, ValidUntil = mou.ValidUntil,
    };

    public void ApplyTo(SponsorshipMou mou)
    {
        mou.Number = Number; mou.SignedOn = SignedOn; mou.Place = Place;
        mou.PartyAName = PartyAName; mou.PartyAAddress = PartyAAddress; mou.PartyARepresentative = PartyARepresentative; mou.PartyAPosition = PartyAPosition;
        mou.SponsorId = SponsorId; mou.PartyBRepresentative = PartyBRepresentative; mou.PartyBPosition = PartyBPosition;
        mou.Purpose = Purpose; mou.Form = Form; mou.ValueDong = ValueDong; mou.InKindDescription = InKindDescription;
        mou.BenefitLogoOnSite = BenefitLogoOnSite; mou.BenefitSpeechAtCeremony = BenefitSpeechAtCeremony; mou.BenefitRecognition = BenefitRecognition;
        mou.BenefitsNote = BenefitsNote; mou.ResponsibilitiesA = ResponsibilitiesA; mou.ResponsibilitiesB = ResponsibilitiesB;
        mou.ValidFrom = ValidFrom; mou.ValidUntil = ValidUntil;
    }
}
