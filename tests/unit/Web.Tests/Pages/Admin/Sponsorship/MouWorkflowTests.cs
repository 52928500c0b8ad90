using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Sponsorship;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Tests.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestPlatform.Web.Tests.Pages.Admin.Sponsorship.SponsorshipSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin.Sponsorship;

/// <summary>
/// An MoU through the real forms: created as a draft, signed only with its number, date and scan, moved
/// forward one step at a time and back only with a reason, disbursed within its value, printed, and its
/// scan downloaded by organizers only.
/// </summary>
public sealed class MouWorkflowTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<(Browser Organizer, int MouId)> DraftAsync(long? value = 100_000_000)
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var sponsor = await CreateSponsorAsync(site, organizer, $"Công ty Tài trợ {Guid.NewGuid().ToString("N")[..6]}");
        return (organizer, await CreateMouAsync(site, organizer, sponsor, value));
    }

    private static string? Json(string data, string property) =>
        System.Text.Json.JsonDocument.Parse(data).RootElement.GetProperty(property) is var value
            ? value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : value.ToString()
            : null;

    private async Task<SponsorshipMou> MouAsync(int id) =>
        await site.QueryAsync(db => db.SponsorshipMous.AsNoTracking().Include(m => m.History).Include(m => m.Disbursements).Include(m => m.Sponsor)
            .SingleAsync(m => m.Id == id));

    [Fact]
    public async Task A_new_MoU_is_a_draft_with_every_field_of_the_form_and_its_schedule()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var sponsor = await CreateSponsorAsync(site, organizer, "Công ty Đủ trường");
        var form = await organizer.GetPageAsync(NewMou + "?nhaTaiTro=" + sponsor);
        // Bên A starts as the last MoU named it (the seeded launch MoU).
        Assert.Equal("Phạm Việt Đức", form.QuerySelector("#Input_PartyARepresentative")!.GetAttribute("value"));
        Assert.Equal(sponsor.ToString(), ((IHtmlSelectElement)form.QuerySelector("#Input_SponsorId")!).Value);

        var response = await organizer.SubmitFormAsync(NewMou + "?nhaTaiTro=" + sponsor, new()
        {
            ["Input.Number"] = "02/BBGN-BTCCT", ["Input.SignedOn"] = "2025-02-20", ["Input.Place"] = "Sở Khoa học và Công nghệ",
            ["Input.PartyBRepresentative"] = "Trần Thị Cúc", ["Input.PartyBPosition"] = "Giám đốc",
            ["Input.Purpose"] = "Tài trợ Giải Ba.", ["Input.Form"] = "Mixed", ["Input.ValueDong"] = "30000000",
            ["Input.InKindDescription"] = "10 máy tính bảng", ["Input.BenefitSpeechAtCeremony"] = "true",
            ["Input.ResponsibilitiesB"] = "Chuyển kinh phí\r\n\r\n  Cử đại diện dự Lễ trao giải ",
            ["Input.ValidFrom"] = "2025-02-20", ["Input.ValidUntil"] = "2025-12-31",
            ["Input.Schedule[0].DueOn"] = "2025-03-15", ["Input.Schedule[0].AmountDong"] = "20000000", ["Input.Schedule[0].Description"] = "Đợt 1",
            ["Input.Schedule[1].AmountDong"] = "10000000",
        }, "#mou-form");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(response));
        var page = await AdminSteps.LandAsync(organizer, response);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var mou = await site.QueryAsync(db => db.SponsorshipMous.AsNoTracking().Include(m => m.Schedule).SingleAsync(m => m.Id == id));
        Assert.Equal(MouStatus.Draft, mou.Status);
        Assert.Equal((sponsor, "02/BBGN-BTCCT", new DateOnly(2025, 2, 20), SponsorshipForm.Mixed, 30_000_000L), (mou.SponsorId, mou.Number, mou.SignedOn!.Value, mou.Form, mou.ValueDong!.Value));
        Assert.Equal("Chuyển kinh phí\nCử đại diện dự Lễ trao giải", mou.ResponsibilitiesB);
        Assert.Equal(new DateOnly(2025, 12, 31), mou.ValidUntil);
        Assert.True(mou.BenefitSpeechAtCeremony);
        Assert.Equal([20_000_000L, 10_000_000L], mou.Schedule.OrderBy(i => i.Order).Select(i => i.AmountDong));
        Assert.Contains("30.000.000 đồng (Ba mươi triệu đồng)", page.QuerySelector("#gia-tri-hint")!.TextContent);
        Assert.Contains("Dự thảo", page.QuerySelector("#trang-thai-hien-tai")!.TextContent);
        Assert.Equal(1, await site.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "mou.create" && a.Subject == $"mou:{id}")));
    }

    [Fact]
    public async Task A_schedule_beyond_the_value_is_refused_next_to_the_schedule()
    {
        var (organizer, id) = await DraftAsync(50_000_000);

        var response = await SaveTermsAsync(organizer, id, new() { ["Input.Schedule[0].AmountDong"] = "60000000" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("vượt giá trị tài trợ", (await Browser.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Schedule']")!.TextContent);
        Assert.Equal(0, await site.QueryAsync(db => db.MouInstallments.CountAsync(i => i.MouId == id)));
    }

    [Fact]
    public async Task Signing_is_refused_without_the_scan_and_says_what_is_missing()
    {
        var (organizer, id) = await DraftAsync();
        await AdminSteps.LandAsync(organizer, await SaveTermsAsync(organizer, id, new() { ["Input.Number"] = "03/BBGN", ["Input.SignedOn"] = "2025-02-28" }));

        var response = await ChangeStatusAsync(organizer, id, MouStatus.Signed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("còn thiếu bản scan biên bản đã ký", errors);
        Assert.DoesNotContain("số biên bản", errors);
        Assert.Equal(MouStatus.Draft, await StatusAsync(site, id));
    }

    [Fact]
    public async Task Status_moves_forward_one_step_at_a_time_to_completed()
    {
        var (organizer, id) = await DraftAsync(40_000_000);
        await SignAsync(site, organizer, id);

        // Skipping Đang thực hiện is refused (a crafted value: the select only offers the next step).
        var skip = await ChangeStatusAsync(organizer, id, MouStatus.Completed);
        Assert.Contains("từng bước", await ErrorsAsync(skip));

        var progress = await AdminSteps.LandAsync(organizer, await ChangeStatusAsync(organizer, id, MouStatus.InProgress));
        Assert.Contains("Đang thực hiện", progress.QuerySelector("#trang-thai-hien-tai")!.TextContent);
        var early = await ChangeStatusAsync(organizer, id, MouStatus.Completed);
        Assert.Contains("mới giải ngân 0 đồng trên giá trị cam kết 40.000.000 đồng", await ErrorsAsync(early));

        await AdminSteps.LandAsync(organizer, await DisburseAsync(organizer, id, 40_000_000));
        var done = await AdminSteps.LandAsync(organizer, await ChangeStatusAsync(organizer, id, MouStatus.Completed));

        Assert.Contains("Hoàn thành", done.QuerySelector("#trang-thai-hien-tai")!.TextContent);
        var mou = await MouAsync(id);
        Assert.Equal([(MouStatus.Draft, MouStatus.Signed), (MouStatus.Signed, MouStatus.InProgress), (MouStatus.InProgress, MouStatus.Completed)],
            mou.History.OrderBy(h => h.Id).Select(h => (h.From, h.To)));
        Assert.Null(done.QuerySelector("#disbursement-form"));
    }

    [Fact]
    public async Task Moving_back_without_a_reason_is_refused_and_changes_nothing()
    {
        var (organizer, id) = await DraftAsync();
        await SignAsync(site, organizer, id);
        var before = await MouAsync(id);
        var auditBefore = await site.QueryAsync(db => db.AuditLog.CountAsync());

        var response = await ChangeStatusAsync(organizer, id, MouStatus.Draft, "   ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("ghi rõ lý do", page.QuerySelector("[data-valmsg-for='Status.Reason']")!.TextContent);
        var after = await MouAsync(id);
        Assert.Equal(MouStatus.Signed, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Equal(auditBefore, await site.QueryAsync(db => db.AuditLog.CountAsync()));
    }

    [Fact]
    public async Task Moving_back_with_a_reason_is_kept_in_the_history_and_the_audit_chain()
    {
        var (organizer, id) = await DraftAsync();
        await SignAsync(site, organizer, id);
        const string reason = "Bên B đề nghị sửa điều 2 và ký lại";

        var page = await AdminSteps.LandAsync(organizer, await ChangeStatusAsync(organizer, id, MouStatus.Draft, reason));

        Assert.Contains("Dự thảo", page.QuerySelector("#trang-thai-hien-tai")!.TextContent);
        var back = page.QuerySelector("#lich-su-trang-thai tr.backward")!.TextContent;
        Assert.Contains("Đã ký → Dự thảo", back);
        Assert.Contains(reason, back);
        var line = await site.QueryAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "mou.status" && a.Subject == $"mou:{id}")
            .OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal(reason, Json(line.Data, "reason"));
        Assert.Equal("True", Json(line.Data, "backward"));
        Assert.True((await site.QueryAsync(db => AuditVerifier.VerifyAsync(db))).IsIntact);
    }

    [Fact]
    public async Task A_disbursement_beyond_the_committed_value_is_refused_and_the_totals_show_committed_against_disbursed()
    {
        var (organizer, id) = await DraftAsync(100_000_000);
        Assert.Null((await organizer.GetPageAsync(MouUrl(id))).QuerySelector("#disbursement-form"));
        await SignAsync(site, organizer, id);

        var first = await AdminSteps.LandAsync(organizer, await DisburseAsync(organizer, id, 70_000_000));
        Assert.Contains("chuyển sang “Đang thực hiện”", first.QuerySelector(".alert-success")!.TextContent);
        Assert.Equal(MouStatus.InProgress, await StatusAsync(site, id));

        var beyond = await DisburseAsync(organizer, id, 40_000_000, reference: "UNC 02");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.StatusCode);
        var refused = await Browser.ParseAsync(beyond);
        Assert.Contains("chỉ còn 30.000.000 đồng", refused.QuerySelector("[data-valmsg-for='Payment.AmountDong']")!.TextContent);
        Assert.Equal(40_000_000.ToString(), refused.QuerySelector("#Payment_AmountDong")!.GetAttribute("value"));
        Assert.Equal(1, await site.QueryAsync(db => db.MouDisbursements.CountAsync(d => d.MouId == id)));

        var page = await organizer.GetPageAsync(MouUrl(id));
        Assert.Contains("100.000.000 đồng", page.QuerySelector("#cam-ket")!.TextContent);
        Assert.Contains("Một trăm triệu đồng", page.QuerySelector("#cam-ket")!.TextContent);
        Assert.Equal("70.000.000 đồng", page.QuerySelector("#da-giai-ngan")!.TextContent.Trim());
        Assert.Equal("30.000.000 đồng", page.QuerySelector("#con-lai")!.TextContent.Trim());
        var list = await organizer.GetPageAsync(IndexUrl);
        var row = list.QuerySelector($"#danh-sach-bien-ban tr[data-mou='{id}']")!;
        Assert.Equal("100.000.000 đồng", row.QuerySelector("td.committed")!.TextContent.Trim());
        Assert.Equal("70.000.000 đồng", row.QuerySelector("td.disbursed")!.TextContent.Trim());
        var lines = await site.QueryAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Subject == $"mou:{id}").ToListAsync());
        Assert.Single(lines, l => l.Action == "mou.disburse" && Json(l.Data, "amount") == "70000000");
        Assert.Single(lines, l => l.Action == "mou.status" && Json(l.Data, "reason") == MouRules.AutoProgressReason);
    }

    [Fact]
    public async Task A_disbursement_on_a_draft_is_refused()
    {
        var (organizer, id) = await DraftAsync();
        var page = await organizer.GetPageAsync(MouUrl(id));
        var token = page.QuerySelector("#status-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("#Status_Version")!.GetAttribute("value")!;

        var response = await organizer.Client.PostAsync(MouUrl(id) + "?handler=Disburse", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Payment.Version"] = version, ["Payment.PaidOn"] = "2025-03-01", ["Payment.AmountDong"] = "1000000",
        }));

        Assert.Contains("còn là dự thảo", await ErrorsAsync(response));
        Assert.Equal(0, await site.QueryAsync(db => db.MouDisbursements.CountAsync(d => d.MouId == id)));
    }

    /// <summary>A signed MoU of 100 million with 70 million received and a mistaken 6 million; the ids of both disbursements.</summary>
    private async Task<(Browser Organizer, int MouId, int Right, int Mistaken)> MistakenDisbursementAsync()
    {
        var (organizer, id) = await DraftAsync(100_000_000);
        await SignAsync(site, organizer, id);
        await AdminSteps.LandAsync(organizer, await DisburseAsync(organizer, id, 70_000_000, reference: "UNC 01"));
        await AdminSteps.LandAsync(organizer, await DisburseAsync(organizer, id, 6_000_000, reference: "UNC 02"));
        var ids = await site.QueryAsync(db => db.MouDisbursements.Where(d => d.MouId == id).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());
        return (organizer, id, ids[0], ids[1]);
    }

    [Fact]
    public async Task A_mistaken_disbursement_is_cancelled_with_a_reason_stays_listed_and_no_longer_counts()
    {
        var (organizer, id, right, mistaken) = await MistakenDisbursementAsync();
        const string reason = "Ghi nhầm: UNC 02 là 60.000.000 đồng, không phải 6.000.000 đồng";

        var page = await AdminSteps.LandAsync(organizer, await CancelDisbursementAsync(organizer, id, mistaken, reason));

        Assert.Contains("Đã hủy khoản giải ngân 6.000.000 đồng", page.QuerySelector(".alert-success")!.TextContent);
        Assert.Equal("70.000.000 đồng", page.QuerySelector("#da-giai-ngan")!.TextContent.Trim());
        Assert.Equal("30.000.000 đồng", page.QuerySelector("#con-lai")!.TextContent.Trim());
        var row = page.QuerySelector($"#khoan-giai-ngan tr[data-disbursement='{mistaken}']")!;
        Assert.Contains("cancelled", row.ClassList);
        Assert.NotNull(row.QuerySelector("del"));
        Assert.Contains("Đã hủy", row.TextContent);
        Assert.Contains(reason, row.TextContent);
        Assert.Null(page.QuerySelector(CancelForm(mistaken)));
        Assert.NotNull(page.QuerySelector(CancelForm(right)));
        var list = await organizer.GetPageAsync(IndexUrl);
        Assert.Equal("70.000.000 đồng", list.QuerySelector($"#danh-sach-bien-ban tr[data-mou='{id}'] td.disbursed")!.TextContent.Trim());

        var stored = (await MouAsync(id)).Disbursements.Single(d => d.Id == mistaken);
        Assert.Equal(6_000_000, stored.AmountDong); // kept as it was recorded: a cancellation erases nothing
        Assert.Equal(reason, stored.CancelReason);
        Assert.NotNull(stored.CancelledAt);
        var line = await site.QueryAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "mou.disburse.cancel" && a.Subject == $"mou:{id}").SingleAsync());
        Assert.Equal(reason, Json(line.Data, "reason"));
        Assert.Equal("6000000", Json(line.Data, "amount"));
        Assert.Equal("70000000", Json(line.Data, "total"));
        Assert.True((await site.QueryAsync(db => AuditVerifier.VerifyAsync(db))).IsIntact);

        // The room it left takes the right amount.
        await AdminSteps.LandAsync(organizer, await DisburseAsync(organizer, id, 30_000_000, reference: "UNC 02"));
        Assert.Equal(100_000_000, (await MouAsync(id)).Disbursements.Where(d => d.CancelledAt == null).Sum(d => d.AmountDong));
    }

    [Fact]
    public async Task Cancelling_a_disbursement_without_a_reason_is_refused_next_to_it_and_changes_nothing()
    {
        var (organizer, id, _, mistaken) = await MistakenDisbursementAsync();
        var before = await MouAsync(id);

        var response = await CancelDisbursementAsync(organizer, id, mistaken, "   ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var form = page.QuerySelector(CancelForm(mistaken))!;
        Assert.Contains("lý do hủy", form.TextContent);
        Assert.NotNull(form.Closest("details")!.GetAttribute("open"));
        var after = await MouAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.All(after.Disbursements, d => Assert.Null(d.CancelledAt));
    }

    [Fact]
    public async Task A_disbursement_already_cancelled_or_of_another_MoU_cannot_be_cancelled()
    {
        var (organizer, id, right, mistaken) = await MistakenDisbursementAsync();
        var (_, otherId, otherRight, _) = await MistakenDisbursementAsync();
        var opened = await organizer.GetPageAsync(MouUrl(id));
        await AdminSteps.LandAsync(organizer, await CancelDisbursementAsync(organizer, id, mistaken, "Ghi nhầm"));

        // The same form again, as a double click or a back button sends it: the page it came from is stale.
        var again = await organizer.SubmitAsync((IHtmlFormElement)opened.QuerySelector(CancelForm(mistaken))!, MouUrl(id), new() { ["Cancel.Reason"] = "Ghi nhầm" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // With the current version but the cancelled one's id put into the form of another row.
        var current = await organizer.GetPageAsync(MouUrl(id));
        var form = (IHtmlFormElement)current.QuerySelector(CancelForm(right))!;
        var twice = await organizer.SubmitAsync(form, MouUrl(id), new() { ["Cancel.DisbursementId"] = mistaken.ToString(), ["Cancel.Reason"] = "Lần hai" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("đã được hủy", await ErrorsAsync(twice));

        // Another MoU's disbursement through this MoU's page: not found, and both MoUs unchanged.
        var foreign = await organizer.SubmitAsync(form, MouUrl(id), new() { ["Cancel.DisbursementId"] = otherRight.ToString(), ["Cancel.Reason"] = "Nhầm biên bản" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Null((await MouAsync(otherId)).Disbursements.Single(d => d.Id == otherRight).CancelledAt);
        Assert.Null((await MouAsync(id)).Disbursements.Single(d => d.Id == right).CancelledAt);
        Assert.Equal("Ghi nhầm", (await MouAsync(id)).Disbursements.Single(d => d.Id == mistaken).CancelReason);
    }

    [Fact]
    public async Task A_draft_made_by_mistake_is_deleted_with_its_scan_and_the_deletion_is_audited()
    {
        var (organizer, id) = await DraftAsync();
        await AdminSteps.LandAsync(organizer, await UploadScanAsync(organizer, id, SampleFiles.Pdf()));
        var scanKey = (await MouAsync(id)).ScanKey;
        var blobs = site.Services.GetRequiredService<ContestPlatform.Storage.IBlobStore>();
        Assert.True(await blobs.ExistsAsync(scanKey));

        var response = await DeleteDraftAsync(organizer, id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(IndexUrl, response.Headers.Location!.OriginalString);
        var list = await organizer.FollowAsync(response);
        Assert.Contains($"Đã xóa dự thảo biên bản #{id}", list.QuerySelector(".alert-success")!.TextContent);
        Assert.Null(list.QuerySelector($"#danh-sach-bien-ban tr[data-mou='{id}']"));
        Assert.False(await site.QueryAsync(db => db.SponsorshipMous.AnyAsync(m => m.Id == id)));
        Assert.False(await blobs.ExistsAsync(scanKey));
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.Client.GetAsync(MouUrl(id))).StatusCode);
        var line = await site.QueryAsync(db => db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "mou.delete" && a.Subject == $"mou:{id}"));
        Assert.Equal("bien-ban-da-ky.pdf", Json(line.Data, "scan"));
        Assert.True((await site.QueryAsync(db => AuditVerifier.VerifyAsync(db))).IsIntact);
    }

    [Fact]
    public async Task Deleting_needs_the_tick_and_only_an_unlinked_draft_can_go()
    {
        var (organizer, id) = await DraftAsync();

        var unticked = await DeleteDraftAsync(organizer, id, confirmed: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unticked.StatusCode);
        Assert.Contains("Đánh dấu ô xác nhận", await ErrorsAsync(unticked));

        // A prize tier funded by it.
        var tierId = await site.QueryAsync(async db =>
        {
            var tier = new Web.Awards.PrizeTier
            {
                Order = 90, Name = $"Giải tài trợ {id}", Places = 1, AmountDong = 5_000_000, Funding = Web.Awards.Funding.Sponsor, SponsorshipMouId = id,
            };
            db.PrizeTiers.Add(tier);
            await db.SaveChangesAsync();
            return tier.Id;
        });
        var linked = await DeleteDraftAsync(organizer, id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, linked.StatusCode);
        Assert.Contains("1 hạng giải dùng kinh phí của biên bản", await ErrorsAsync(linked));
        await site.QueryAsync(db => db.PrizeTiers.Where(t => t.Id == tierId).ExecuteDeleteAsync());
        Assert.True(await site.QueryAsync(db => db.SponsorshipMous.AnyAsync(m => m.Id == id)));

        // Signed: no delete form, and the handler refuses it when posted anyway.
        await SignAsync(site, organizer, id);
        var page = await organizer.GetPageAsync(MouUrl(id));
        Assert.Null(page.QuerySelector("#delete-form"));
        var token = page.QuerySelector("#status-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("#Status_Version")!.GetAttribute("value")!;
        var forced = await organizer.Client.PostAsync(MouUrl(id) + "?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Delete.Version"] = version, ["Delete.Confirmed"] = "true",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Contains("Chỉ xóa được biên bản ở trạng thái “Dự thảo”", await ErrorsAsync(forced));
        Assert.True(await site.QueryAsync(db => db.SponsorshipMous.AnyAsync(m => m.Id == id)));
        Assert.Equal(0, await site.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "mou.delete" && a.Subject == $"mou:{id}")));
    }

    [Fact]
    public async Task A_delete_form_opened_before_someone_else_saved_is_refused()
    {
        var (organizer, id) = await DraftAsync();
        var opened = await organizer.GetPageAsync(MouUrl(id));
        await AdminSteps.LandAsync(organizer, await SaveTermsAsync(organizer, id, new() { ["Input.Place"] = "Hội trường Sở" }));

        var late = await organizer.SubmitAsync((IHtmlFormElement)opened.QuerySelector("#delete-form")!, MouUrl(id), new() { ["Delete.Confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.True(await site.QueryAsync(db => db.SponsorshipMous.AnyAsync(m => m.Id == id)));
    }

    [Fact]
    public async Task Two_organizers_editing_one_MoU_the_later_is_told_to_reload_and_nothing_of_theirs_is_saved()
    {
        var (first, id) = await DraftAsync();
        var (second, _) = await AdminSteps.SignedInAsync(site);
        var opened = await second.GetPageAsync(MouUrl(id));

        await AdminSteps.LandAsync(first, await SaveTermsAsync(first, id, new() { ["Input.Place"] = "Hội trường Sở" }));
        var form = (IHtmlFormElement)opened.QuerySelector("#mou-form")!;
        var response = await second.SubmitAsync(form, MouUrl(id), new() { ["Input.Place"] = "Văn phòng UBND tỉnh" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", await ErrorsAsync(response));
        Assert.Equal("Hội trường Sở", (await MouAsync(id)).Place);

        // The status form opened before the change is stale too.
        var status = (IHtmlFormElement)opened.QuerySelector("#status-form")!;
        var late = await second.SubmitAsync(status, MouUrl(id), new() { ["Status.To"] = "Signed" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task The_print_view_reads_like_an_administrative_document_with_both_parties()
    {
        var (organizer, id) = await DraftAsync(100_000_000);
        await SignAsync(site, organizer, id);
        var mou = await MouAsync(id);

        var page = await organizer.GetPageAsync(PrintUrl(id));

        var document = page.QuerySelector("article.document")!;
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", document.QuerySelector(".doc-header .national")!.TextContent.Trim());
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", document.QuerySelector(".doc-header .motto span")!.TextContent.Trim());
        Assert.Equal("Số: 01/BBGN-BTCCT", document.QuerySelector(".doc-number")!.TextContent.Trim());
        Assert.Equal("Thái Nguyên, ngày 28 tháng 02 năm 2025", document.QuerySelector(".doc-date")!.TextContent.Trim());
        Assert.Equal("BIÊN BẢN GHI NHỚ TÀI TRỢ", document.QuerySelector("h1.doc-title")!.TextContent.Trim());
        Assert.Contains("Căn cứ Kế hoạch số 255/KH-UBND", document.QuerySelector(".bases")!.TextContent);
        var parties = document.QuerySelectorAll(".party").Select(p => p.TextContent).ToList();
        Assert.Contains("BÊN A:", parties[0]);
        Assert.Contains("Phạm Việt Đức", parties[0]);
        Assert.Contains("BÊN B:", parties[1]);
        Assert.Contains(mou.Sponsor.Name.ToUpper(new System.Globalization.CultureInfo("vi-VN")), parties[1]);
        Assert.Contains(TaxCode, parties[1]);
        Assert.Contains("Nguyễn Văn Bình", parties[1]);
        Assert.Contains("Điều 2. Hình thức và giá trị tài trợ", document.TextContent);
        Assert.Contains("100.000.000 đồng (Bằng chữ: Một trăm triệu đồng)", document.TextContent);
        var signatures = document.QuerySelectorAll(".signature .sign-title").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(["ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B"], signatures);
        Assert.Null(document.QuerySelector(".draft-stamp"));
        Assert.NotNull(page.QuerySelector("link[href^='/css/document.css']"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task A_draft_prints_with_blanks_for_the_number_and_date_and_says_so()
    {
        var (organizer, id) = await DraftAsync();

        var page = await organizer.GetPageAsync(PrintUrl(id));

        Assert.Equal("DỰ THẢO", page.QuerySelector(".draft-stamp")!.TextContent.Trim());
        Assert.StartsWith("Số: ………", page.QuerySelector(".doc-number")!.TextContent.Trim());
        Assert.Contains("ngày ….. tháng …..", page.QuerySelector(".doc-date")!.TextContent);
    }

    [Fact]
    public async Task The_signed_scan_downloads_as_an_attachment_for_organizers_and_is_404_for_everyone_else()
    {
        var (organizer, id) = await DraftAsync();
        var pdf = SampleFiles.Pdf();
        await AdminSteps.LandAsync(organizer, await UploadScanAsync(organizer, id, pdf, "Biên bản ký.exe"));
        var link = (await organizer.GetPageAsync(ScanPage(id))).QuerySelector("#ban-scan-hien-tai a")!.GetAttribute("href")!;

        var download = await organizer.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        // Named for what it is, whatever name it came with.
        Assert.EndsWith(".pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(download.Headers.CacheControl!.NoStore);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().Client.GetAsync(link)).StatusCode);
        foreach (var role in new[] { Roles.Entrant, Roles.Judge, Roles.Committee })
        {
            var (other, _) = await AdminSteps.SignedInAsync(site, role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(link)).StatusCode);
        }
    }

    [Fact]
    public async Task A_web_page_posing_as_a_PDF_scan_is_refused_and_the_MoU_keeps_no_scan()
    {
        var (organizer, id) = await DraftAsync();

        var response = await UploadScanAsync(organizer, id, SampleFiles.HtmlPage(), "bien-ban.pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("PDF, hoặc ảnh JPEG/PNG", (await Browser.ParseAsync(response)).QuerySelector("[data-valmsg-for=banScan]")!.TextContent);
        Assert.Equal("", (await MouAsync(id)).ScanKey);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(site.DataDirectory, "uploads", "tai-tro")));
    }

    [Fact]
    public async Task The_tiers_funded_by_an_MoU_are_listed_on_it()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);

        var page = await organizer.GetPageAsync(MouUrl(1));

        var tiers = page.QuerySelector("#hang-giai-lien-ket")!.TextContent;
        Assert.Contains("Giải Ba", tiers);
        Assert.Contains("Giải Khuyến khích", tiers);
        Assert.Contains("Lễ công bố", page.QuerySelector("#muc-chuong-trinh")!.TextContent);
    }
}
