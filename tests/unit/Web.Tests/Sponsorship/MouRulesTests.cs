using ContestPlatform.Web.Sponsorship;

namespace ContestPlatform.Web.Tests.Sponsorship;

public sealed class MouRulesTests
{
    private static readonly DateOnly Today = new(2025, 3, 1);

    /// <summary>An MoU in <paramref name="status"/>; by default ready to be signed (number, date, scan) and worth 100 million.</summary>
    private static SponsorshipMou Mou(MouStatus status = MouStatus.Draft, long? value = 100_000_000, bool signable = true, params long[] disbursed) => new()
    {
        Id = 1,
        Status = status,
        Number = signable ? "01/BBGN-BTCCT" : "",
        SignedOn = signable ? Today.AddDays(-1) : null,
        ScanKey = signable ? "sponsorship/scans/a.pdf" : "",
        ValueDong = value,
        Disbursements = [.. disbursed.Select(a => new MouDisbursement { AmountDong = a, PaidOn = Today })],
    };

    private static MouRuleException Refused(Action action) => Assert.Throws<MouRuleException>(action);

    [Theory]
    [InlineData(MouStatus.Draft, MouStatus.Signed)]
    [InlineData(MouStatus.Signed, MouStatus.InProgress)]
    public void Status_moves_forward_one_step_without_a_reason(MouStatus from, MouStatus to) =>
        MouRules.CheckStatusChange(Mou(from), to, null, Today);

    [Fact]
    public void Completing_needs_no_reason_once_everything_is_disbursed() =>
        MouRules.CheckStatusChange(Mou(MouStatus.InProgress, 100_000_000, true, 60_000_000, 40_000_000), MouStatus.Completed, "", Today);

    [Theory]
    [InlineData(MouStatus.Draft, MouStatus.InProgress)]
    [InlineData(MouStatus.Draft, MouStatus.Completed)]
    [InlineData(MouStatus.Signed, MouStatus.Completed)]
    public void Status_cannot_skip_a_step(MouStatus from, MouStatus to)
    {
        var refusal = Refused(() => MouRules.CheckStatusChange(Mou(from), to, "vội", Today));
        Assert.Contains("từng bước", refusal.Message);
        Assert.Contains(MouLabels.Of(from + 1), refusal.Message);
    }

    [Fact]
    public void The_same_status_again_is_refused() =>
        Assert.Contains("đang ở trạng thái “Đã ký”", Refused(() => MouRules.CheckStatusChange(Mou(MouStatus.Signed), MouStatus.Signed, null, Today)).Message);

    [Fact]
    public void A_status_outside_the_list_is_refused() =>
        Assert.Equal(MouField.Status, Refused(() => MouRules.CheckStatusChange(Mou(), (MouStatus)7, null, Today)).Field);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Moving_back_without_a_reason_is_refused_at_the_reason_field(string? reason)
    {
        var refusal = Refused(() => MouRules.CheckStatusChange(Mou(MouStatus.InProgress), MouStatus.Signed, reason, Today));
        Assert.Equal(MouField.Reason, refusal.Field);
        Assert.Contains("lý do", refusal.Message);
        Assert.Contains("“Đang thực hiện” về “Đã ký”", refusal.Message);
    }

    [Theory]
    [InlineData(MouStatus.Signed, MouStatus.Draft)]
    [InlineData(MouStatus.Completed, MouStatus.InProgress)]
    [InlineData(MouStatus.Completed, MouStatus.Signed)]
    public void Moving_back_any_number_of_steps_is_allowed_with_a_reason(MouStatus from, MouStatus to) =>
        MouRules.CheckStatusChange(Mou(from), to, "Hai bên thống nhất ký lại bản sửa đổi", Today);

    [Fact]
    public void An_MoU_that_received_money_cannot_go_back_to_draft()
    {
        var refusal = Refused(() => MouRules.CheckStatusChange(Mou(MouStatus.InProgress, 100_000_000, true, 10_000_000), MouStatus.Draft, "Ký lại", Today));
        Assert.Contains("1 khoản giải ngân", refusal.Message);
        MouRules.CheckStatusChange(Mou(MouStatus.InProgress, 100_000_000, true, 10_000_000), MouStatus.Signed, "Ký lại", Today);
    }

    [Fact]
    public void Signing_needs_the_number_the_date_and_the_scan_and_says_which_are_missing()
    {
        var refusal = Refused(() => MouRules.CheckStatusChange(Mou(signable: false), MouStatus.Signed, null, Today));
        Assert.Contains("số biên bản, ngày ký và bản scan biên bản đã ký", refusal.Message);

        var onlyScanMissing = Mou();
        onlyScanMissing.ScanKey = "";
        var scan = Refused(() => MouRules.CheckStatusChange(onlyScanMissing, MouStatus.Signed, null, Today));
        Assert.Contains("còn thiếu bản scan biên bản đã ký.", scan.Message);
        Assert.DoesNotContain("ngày ký,", scan.Message);
    }

    [Fact]
    public void Signing_with_a_date_after_today_is_refused()
    {
        var mou = Mou();
        mou.SignedOn = Today.AddDays(3);
        Assert.Contains("04/03/2025 ở sau hôm nay", Refused(() => MouRules.CheckStatusChange(mou, MouStatus.Signed, null, Today)).Message);
        mou.SignedOn = Today;
        MouRules.CheckStatusChange(mou, MouStatus.Signed, null, Today);
    }

    [Fact]
    public void Completing_needs_the_committed_value_fully_disbursed()
    {
        var refusal = Refused(() => MouRules.CheckStatusChange(Mou(MouStatus.InProgress, 100_000_000, true, 30_000_000), MouStatus.Completed, null, Today));
        Assert.Contains("mới giải ngân 30.000.000 đồng trên giá trị cam kết 100.000.000 đồng (còn 70.000.000 đồng)", refusal.Message);
        Assert.Contains("chưa có giá trị", Refused(() => MouRules.CheckStatusChange(Mou(MouStatus.InProgress, null), MouStatus.Completed, null, Today)).Message);
    }

    [Fact]
    public void The_choices_are_the_next_step_then_every_earlier_status()
    {
        Assert.Equal([MouStatus.Signed], MouRules.Choices(MouStatus.Draft));
        Assert.Equal([MouStatus.Completed, MouStatus.Signed, MouStatus.Draft], MouRules.Choices(MouStatus.InProgress));
        Assert.Equal([MouStatus.InProgress, MouStatus.Signed, MouStatus.Draft], MouRules.Choices(MouStatus.Completed));
    }

    [Fact]
    public void The_first_disbursement_moves_a_signed_MoU_to_in_progress() =>
        Assert.Equal(MouStatus.InProgress, MouRules.CheckDisbursement(Mou(MouStatus.Signed), 50_000_000, Today, Today));

    [Fact]
    public void A_later_disbursement_keeps_the_MoU_in_progress() =>
        Assert.Equal(MouStatus.InProgress, MouRules.CheckDisbursement(Mou(MouStatus.InProgress, 100_000_000, true, 50_000_000), 50_000_000, Today, Today));

    [Theory]
    [InlineData(0)]
    [InlineData(-5_000_000)]
    public void A_disbursement_must_be_more_than_zero(long amount) =>
        Assert.Equal(MouField.Amount, Refused(() => MouRules.CheckDisbursement(Mou(MouStatus.Signed), amount, Today, Today)).Field);

    [Fact]
    public void A_disbursement_beyond_the_committed_value_is_refused_with_what_is_left()
    {
        var refusal = Refused(() => MouRules.CheckDisbursement(Mou(MouStatus.InProgress, 100_000_000, true, 70_000_000), 40_000_000, Today, Today));
        Assert.Equal(MouField.Amount, refusal.Field);
        Assert.Contains("Khoản 40.000.000 đồng vượt giá trị cam kết: đã giải ngân 70.000.000 đồng trên 100.000.000 đồng, chỉ còn 30.000.000 đồng", refusal.Message);
    }

    [Fact]
    public void A_fully_disbursed_MoU_takes_no_more() =>
        Assert.Contains("đã được giải ngân đủ",
            Refused(() => MouRules.CheckDisbursement(Mou(MouStatus.InProgress, 100_000_000, true, 100_000_000), 1, Today, Today)).Message);

    [Fact]
    public void A_disbursement_needs_the_value_first() =>
        Assert.Contains("chưa có giá trị tài trợ", Refused(() => MouRules.CheckDisbursement(Mou(MouStatus.Signed, null), 1_000_000, Today, Today)).Message);

    [Theory]
    [InlineData(MouStatus.Draft, "dự thảo")]
    [InlineData(MouStatus.Completed, "đã hoàn thành")]
    public void Disbursements_are_recorded_only_while_signed_or_in_progress(MouStatus status, string said) =>
        Assert.Contains(said, Refused(() => MouRules.CheckDisbursement(Mou(status), 1_000_000, Today, Today)).Message);

    [Fact]
    public void A_disbursement_dated_after_today_is_refused() =>
        Assert.Equal(MouField.PaidOn, Refused(() => MouRules.CheckDisbursement(Mou(MouStatus.Signed), 1_000_000, Today.AddDays(1), Today)).Field);

    private static MouInstallment Instalment(long amount) => new() { AmountDong = amount };

    [Fact]
    public void The_schedule_may_add_up_to_the_value_but_not_beyond()
    {
        MouRules.CheckSchedule(100_000_000, [Instalment(60_000_000), Instalment(40_000_000)]);
        var refusal = Refused(() => MouRules.CheckSchedule(100_000_000, [Instalment(60_000_000), Instalment(50_000_000)]));
        Assert.Equal(MouField.Schedule, refusal.Field);
        Assert.Contains("Tổng các đợt giải ngân (110.000.000 đồng) vượt giá trị tài trợ (100.000.000 đồng) là 10.000.000 đồng", refusal.Message);
    }

    [Fact]
    public void Each_instalment_is_more_than_zero_and_needs_the_value() 
    {
        Assert.Contains("Đợt 2", Refused(() => MouRules.CheckSchedule(100_000_000, [Instalment(1), Instalment(0)])).Message);
        Assert.Contains("Nhập giá trị tài trợ trước", Refused(() => MouRules.CheckSchedule(null, [Instalment(1)])).Message);
        MouRules.CheckSchedule(null, []);
    }

    private static MouTerms Terms(long? value = 100_000_000) => new()
    {
        Number = "01/BBGN-BTCCT", SignedOn = Today, ValueDong = value, SponsorId = 1,
    };

    [Fact]
    public void The_value_cannot_drop_below_what_was_disbursed_nor_be_cleared()
    {
        var mou = Mou(MouStatus.InProgress, 100_000_000, true, 80_000_000);
        MouRules.CheckTerms(mou, Terms(80_000_000), [], Today);
        Assert.Contains("không được nhỏ hơn số đã giải ngân (80.000.000 đồng)", Refused(() => MouRules.CheckTerms(mou, Terms(50_000_000), [], Today)).Message);
        Assert.Equal(MouField.Value, Refused(() => MouRules.CheckTerms(mou, Terms(null), [], Today)).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000_000_001)]
    public void The_value_is_positive_and_at_most_a_thousand_billion(long value) =>
        Assert.Equal(MouField.Value, Refused(() => MouRules.CheckTerms(Mou(), Terms(value), [], Today)).Field);

    [Fact]
    public void The_validity_ends_after_it_starts()
    {
        var refusal = Refused(() => MouRules.CheckTerms(Mou(), Terms() with { ValidFrom = Today, ValidUntil = Today.AddDays(-1) }, [], Today));
        Assert.Equal(MouField.ValidUntil, refusal.Field);
        MouRules.CheckTerms(Mou(), Terms() with { ValidFrom = Today, ValidUntil = Today.AddYears(1) }, [], Today);
    }

    [Fact]
    public void A_draft_may_carry_a_planned_signing_date_but_a_signed_MoU_keeps_its_number_and_a_past_date()
    {
        MouRules.CheckTerms(Mou(), Terms() with { Number = "", SignedOn = Today.AddDays(10) }, [], Today);
        var signed = Mou(MouStatus.Signed);
        Assert.Equal(MouField.Number, Refused(() => MouRules.CheckTerms(signed, Terms() with { Number = " " }, [], Today)).Field);
        Assert.Equal(MouField.SignedOn, Refused(() => MouRules.CheckTerms(signed, Terms() with { SignedOn = null }, [], Today)).Field);
        Assert.Equal(MouField.SignedOn, Refused(() => MouRules.CheckTerms(signed, Terms() with { SignedOn = Today.AddDays(1) }, [], Today)).Field);
    }

    [Fact]
    public void The_terms_check_the_schedule_against_the_new_value() =>
        Assert.Equal(MouField.Schedule, Refused(() => MouRules.CheckTerms(Mou(), Terms(10_000_000), [Instalment(20_000_000)], Today)).Field);

    [Fact]
    public void Only_signed_and_later_MoUs_are_public()
    {
        Assert.False(MouRules.IsPublic(MouStatus.Draft));
        Assert.True(MouRules.IsPublic(MouStatus.Signed));
        Assert.True(MouRules.IsPublic(MouStatus.InProgress));
        Assert.True(MouRules.IsPublic(MouStatus.Completed));
    }

    [Theory]
    [InlineData(MouStatus.Draft, true, false)]
    [InlineData(MouStatus.Signed, false, false)]
    [InlineData(MouStatus.Signed, true, true)]
    [InlineData(MouStatus.Completed, true, true)]
    public void A_sponsor_is_shown_once_signed_and_only_with_the_logo_benefit(MouStatus status, bool logo, bool shown) =>
        Assert.Equal(shown, MouRules.ShowsSponsor(status, logo));

    private static SponsorshipMou WithCancelled(SponsorshipMou mou, int index)
    {
        mou.Disbursements[index].CancelledAt = new DateTime(2025, 3, 1, 2, 0, 0, DateTimeKind.Utc);
        mou.Disbursements[index].CancelReason = "Ghi nhầm số tiền";
        return mou;
    }

    [Fact]
    public void A_cancelled_disbursement_no_longer_counts_in_any_total()
    {
        var mou = WithCancelled(Mou(MouStatus.InProgress, 100_000_000, true, 60_000_000, 6_000_000), 1);

        Assert.Equal(60_000_000, MouRules.Disbursed(mou));
        Assert.Equal(40_000_000, MouRules.Remaining(mou));
        // The room it leaves can be recorded again, with the right amount.
        Assert.Equal(MouStatus.InProgress, MouRules.CheckDisbursement(mou, 40_000_000, Today, Today));
        Assert.Contains("mới giải ngân 60.000.000 đồng", Refused(() => MouRules.CheckStatusChange(mou, MouStatus.Completed, null, Today)).Message);
    }

    [Fact]
    public void An_MoU_whose_every_disbursement_was_cancelled_may_go_back_to_draft() =>
        MouRules.CheckStatusChange(WithCancelled(Mou(MouStatus.InProgress, 100_000_000, true, 10_000_000), 0), MouStatus.Draft, "Ký lại", Today);

    [Fact]
    public void A_disbursement_is_cancelled_only_with_a_reason_once_and_not_on_a_completed_MoU()
    {
        var mou = Mou(MouStatus.InProgress, 100_000_000, true, 60_000_000, 40_000_000);
        MouRules.CheckCancellation(mou, mou.Disbursements[0], "Ghi nhầm số tiền");

        var noReason = Refused(() => MouRules.CheckCancellation(mou, mou.Disbursements[0], "  "));
        Assert.Equal(MouField.CancelReason, noReason.Field);
        Assert.Contains("lý do", noReason.Message);

        WithCancelled(mou, 1);
        Assert.Contains("đã được hủy", Refused(() => MouRules.CheckCancellation(mou, mou.Disbursements[1], "Lần nữa")).Message);

        var completed = Mou(MouStatus.Completed, 100_000_000, true, 100_000_000);
        Assert.Contains("“Đang thực hiện”", Refused(() => MouRules.CheckCancellation(completed, completed.Disbursements[0], "Sai")).Message);
    }

    [Fact]
    public void Only_a_draft_without_money_or_links_can_be_deleted()
    {
        MouRules.CheckDeletion(Mou(), 0, 0);

        Assert.Contains("“Đã ký”", Refused(() => MouRules.CheckDeletion(Mou(MouStatus.Signed), 0, 0)).Message);
        var wasSigned = WithCancelled(Mou(MouStatus.Draft, 100_000_000, true, 5_000_000), 0);
        Assert.Contains("kể cả khoản đã hủy", Refused(() => MouRules.CheckDeletion(wasSigned, 0, 0)).Message);
        var linked = Refused(() => MouRules.CheckDeletion(Mou(), 2, 1)).Message;
        Assert.Contains("2 hạng giải", linked);
        Assert.Contains("1 mục chương trình sự kiện", linked);
    }
}
