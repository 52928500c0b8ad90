using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Tests.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Awards.AwardSteps;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Awards;

/// <summary>
/// The award workflow through real HTTP and forms: proposal from the ranking, committee approval at
/// ⌈2/3 × committee size⌉, refusals, scheduled publication with nothing visible before its moment.
/// Each test has a site of its own: a proposal is contest-wide state.
/// </summary>
public sealed class AwardWorkflowTests
{
    [Fact]
    public async Task The_proposal_fills_the_tiers_in_rank_order_and_a_change_needs_a_reason()
    {
        await using var site = new TestSite();
        var round = await RankedRoundAsync(site);
        var organizer = await site.SignedInAsync(Roles.Organizer);

        var page = await organizer.FollowAsync(await organizer.SubmitFormAsync(Admin, [], "#lap-de-nghi"));

        string Tier(IHtmlDocument p, string key) => p.QuerySelector($"#danh-sach-giai tr[data-code='{round.Code(key)}'] td")!.TextContent.Trim();
        Assert.Equal("Giải Nhất", Tier(page, "E1"));
        Assert.Equal("Giải Nhì", Tier(page, "E2"));
        Assert.Equal("Giải Nhì", Tier(page, "E3"));
        Assert.Equal("Giải Ba", Tier(page, "E4"));

        // Swapping E4 out for nothing better without a reason is refused and changes nothing.
        var e4Form = $"#danh-sach-giai tr[data-code='{round.Code("E4")}'] form";
        var e4 = round.Entries["E4"].Id;
        var refused = await organizer.SubmitFormAsync(Admin, new() { ["congTrinh"] = round.Entries["E3"].Id.ToString(), ["lyDo"] = "" }, e4Form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("ghi lý do", Errors(await Browser.ParseAsync(refused)));
        Assert.True(await site.QueryAsync(db => db.ProposedAwards.AnyAsync(a => a.EntryId == e4)));

        // An entry already in the proposal cannot take a second award.
        var twice = await organizer.SubmitFormAsync(Admin, new() { ["congTrinh"] = round.Entries["E1"].Id.ToString(), ["lyDo"] = "Thử" }, e4Form);
        Assert.Contains("đã có tên trong đề nghị", Errors(await Browser.ParseAsync(twice)));

        var audited = await site.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "award.propose"));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task With_a_committee_of_five_three_approvals_leave_an_award_pending_and_the_fourth_approves_it()
    {
        await using var site = new TestSite();
        var round = await RankedRoundAsync(site);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        await ProposeAndSendAsync(organizer);
        var members = await CommitteeAsync(site, 5);
        var e1 = round.Code("E1");

        for (var i = 0; i < 3; i++)
            await members[i].FollowAsync(await DecideAsync(members[i], e1, "dong-y", i == 0 ? "Xứng đáng giải cao nhất." : ""));
        var afterThree = await organizer.GetPageAsync(Admin);
        var row = afterThree.QuerySelector($"#danh-sach-giai tr[data-code='{e1}']")!.TextContent;
        Assert.Contains("Chờ phê duyệt", row);
        Assert.Contains("3 đồng ý, 0 không đồng ý", row);
        Assert.Contains("Xứng đáng giải cao nhất.", row);

        var landed = await members[3].FollowAsync(await DecideAsync(members[3], e1, "dong-y"));
        Assert.Contains("Đã ghi nhận ý kiến đồng ý", landed.QuerySelector(".alert-success")!.TextContent);
        var afterFour = await organizer.GetPageAsync(Admin);
        Assert.Contains("Được phê duyệt", afterFour.QuerySelector($"#danh-sach-giai tr[data-code='{e1}']")!.TextContent);

        // A member deciding twice on the same award is refused and nothing changes (crafted post of an old form).
        var old = await members[4].GetPageAsync(Committee);
        var form = (IHtmlFormElement)old.QuerySelector($"li[data-code='{e1}'] form")!;
        await members[4].FollowAsync(await members[4].SubmitAsync(form, Committee, new() { ["yKien"] = "khong-dong-y" }));
        var second = await members[4].SubmitAsync(form, Committee, new() { ["yKien"] = "dong-y" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("chỉ cho ý kiến một lần", Errors(await Browser.ParseAsync(second)));
        var decisions = await site.QueryAsync(db => db.CommitteeDecisions.CountAsync());
        Assert.Equal(5, decisions);
        Assert.Equal(5, await site.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "award.approve" || a.Action == "award.reject")));

        // No choice at all is refused too.
        var empty = await DecideAsync(members[4], round.Code("E2"), "");
        Assert.Contains("Đồng ý hoặc Không đồng ý", Errors(await Browser.ParseAsync(empty)));
    }

    [Fact]
    public async Task Decisions_on_a_withdrawn_proposal_are_refused()
    {
        await using var site = new TestSite();
        var round = await RankedRoundAsync(site);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        await ProposeAndSendAsync(organizer);
        var member = (await CommitteeAsync(site, 1))[0];
        var page = await member.GetPageAsync(Committee);
        var form = (IHtmlFormElement)page.QuerySelector($"li[data-code='{round.Code("E2")}'] form")!;

        var noReason = await organizer.SubmitFormAsync(Admin, new() { ["lyDo"] = "" }, "#rut-lai");
        Assert.Contains("lý do rút lại", Errors(await Browser.ParseAsync(noReason)));
        await organizer.FollowAsync(await organizer.SubmitFormAsync(Admin, new() { ["lyDo"] = "Sai sót trong bảng điểm" }, "#rut-lai"));

        var refused = await member.SubmitAsync(form, Committee, new() { ["yKien"] = "dong-y" });
        Assert.Contains("đã được Tổ thư ký rút lại", Errors(await Browser.ParseAsync(refused)));
        Assert.Equal(0, await site.QueryAsync(db => db.CommitteeDecisions.CountAsync()));
        Assert.Contains("chưa có đề nghị", (await member.GetPageAsync(Committee)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Results_publish_only_when_approved_and_not_before_the_scheduled_moment()
    {
        await using var site = new TestSite();
        var round = await RankedRoundAsync(site);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        await ProposeAndSendAsync(organizer);
        var members = await CommitteeAsync(site, 4);

        // Publishing with awards still pending is refused (a crafted post: the page offers no form yet).
        var proposalId = await site.QueryAsync(db => db.AwardProposals.Select(p => p.Id).SingleAsync());
        var page = await organizer.GetPageAsync(Admin);
        Assert.Null(page.QuerySelector("#cong-bo-form"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var early = await organizer.Client.PostAsync(Admin + "?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["deNghi"] = proposalId.ToString(), ["ngay"] = "true",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("chưa được phê duyệt", Errors(await Browser.ParseAsync(early)));
        Assert.Null(await site.QueryAsync(db => db.AwardProposals.Select(p => p.PublishAt).SingleAsync()));

        foreach (var key in new[] { "E1", "E2", "E3", "E4" })
            foreach (var member in members)
                await member.FollowAsync(await DecideAsync(member, round.Code(key), "dong-y"));

        // Scheduled two hours ahead (Vietnam time in the form).
        var at = Infrastructure.TestSite.Start.AddHours(2).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm");
        var scheduled = await organizer.FollowAsync(await organizer.SubmitFormAsync(Admin, new() { ["thoiDiem"] = at }, "#cong-bo-form"));
        Assert.Contains("sẽ được công bố", scheduled.QuerySelector(".alert-success")!.TextContent);
        var code = await site.QueryAsync(db => db.ProposedAwards.Where(a => a.EntryId == round.Entries["E1"].Id).Select(a => a.CertificateCode).SingleAsync());

        var visitor = site.NewBrowser();
        var before = await visitor.GetAsync("/giai-thuong");
        Assert.NotNull(before.Document.QuerySelector("#chua-cong-bo"));
        Assert.DoesNotContain(round.Code("E1"), before.Document.Body!.InnerHtml);
        Assert.Equal("no-store", before.Response.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/chung-nhan/{code}")).Response.StatusCode);
        Assert.Empty((await visitor.GetPageAsync("/cong-trinh")).QuerySelectorAll(".award-badge"));
        Assert.Null((await visitor.GetPageAsync($"/cong-trinh/{round.Code("E1")}")).QuerySelector(".award-badge"));
        var committeePage = await members[0].GetPageAsync(Committee);
        Assert.NotNull(committeePage.QuerySelector("form, .vote-done"));

        site.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var after = await visitor.GetPageAsync("/giai-thuong");
        var first = after.QuerySelectorAll("section.award-tier").First();
        Assert.Equal("Giải Nhất", first.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains(round.Code("E1"), first.TextContent);
        Assert.Contains("30.000.000 đồng", first.TextContent);
        var galleryCard = (await visitor.GetPageAsync("/cong-trinh")).QuerySelectorAll(".gallery-card")
            .Single(c => c.TextContent.Contains(round.Code("E1")));
        Assert.Equal("Giải Nhất", galleryCard.QuerySelector(".award-badge")!.TextContent.Trim());
        Assert.Equal("Giải Ba", (await visitor.GetPageAsync($"/cong-trinh/{round.Code("E4")}")).QuerySelector(".award-badge")!.TextContent.Trim());
        var certificate = await visitor.GetPageAsync($"/chung-nhan/{code}");
        var hash = await site.QueryAsync(db => db.AwardProposals.Select(p => p.ResultsHash).SingleAsync());
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Contains(hash, certificate.QuerySelector("#giai")!.TextContent);
        Assert.Contains("Giải Nhất", certificate.QuerySelector("#giai")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/chung-nhan/KHONGCOTHAT")).Response.StatusCode);
        var pdf = await visitor.Client.GetAsync($"/chung-nhan/{code}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/chung-nhan/KHONGCOTHAT/pdf")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/chung-nhan/{code}/khac")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/chung-nhan/" + new string('A', 300))).Response.StatusCode);

        // After publication a member can no longer change anything, and the proposal cannot be withdrawn.
        var published = await organizer.GetPageAsync(Admin);
        Assert.Null(published.QuerySelector("#rut-lai"));
        var lateToken = published.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var late = await organizer.Client.PostAsync(Admin + "?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = lateToken, ["deNghi"] = proposalId.ToString(), ["lyDo"] = "Muộn",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("đã được công bố", Errors(await Browser.ParseAsync(late)));
        var lateVote = await members[0].Client.GetAsync(Committee);
        Assert.DoesNotContain("li data-code", await lateVote.Content.ReadAsStringAsync());
        Assert.Equal(1, await site.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "award.publish")));
    }

    [Fact]
    public async Task Other_roles_cannot_reach_the_award_pages()
    {
        await using var site = new TestSite();
        var entrant = await site.SignedInAsync(Roles.Entrant);
        var judge = await site.SignedInAsync(Roles.Judge);

        Assert.Equal(HttpStatusCode.Forbidden, (await entrant.GetAsync(Admin)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync(Committee)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await entrant.GetAsync(Committee)).Response.StatusCode);
    }
}
