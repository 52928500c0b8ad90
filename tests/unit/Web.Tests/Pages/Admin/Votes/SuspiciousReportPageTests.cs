using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin.Votes;

/// <summary>The report on /quan-tri/binh-chon: each group can be voided in one go, with a reason.</summary>
public sealed class SuspiciousReportPageTests : IClassFixture<TestSite>
{
    private readonly TestSite _site;

    public SuspiciousReportPageTests(TestSite site)
    {
        _site = site;
        EnterWindow(site);
    }

    private static IHtmlFormElement GroupForm(IHtmlDocument page, string network) =>
        (IHtmlFormElement)page.QuerySelectorAll("li.suspicious-group").Single(g => g.TextContent.Contains(network)).QuerySelector("form")!;

    [Fact]
    public async Task A_burst_is_voided_as_a_group_with_a_reason_and_every_void_is_audited()
    {
        var entry = await EntryAsync(_site);
        var burst = await InsertVotesAsync(_site, entry.Id, 25, network: "117.4.250.0/24", spacing: TimeSpan.FromSeconds(8));
        var (organizer, email) = await AdminSteps.SignedInAsync(_site);

        var page = await organizer.GetPageAsync("/quan-tri/binh-chon");
        var group = page.QuerySelectorAll("li.suspicious-group").Single(g => g.TextContent.Contains("117.4.250.0/24"));
        Assert.Contains("Dồn dập từ một mạng", group.TextContent);
        Assert.Contains("25 lượt từ mạng 117.4.250.0/24 trong 10 phút (25 tài khoản)", group.TextContent);
        Assert.Equal("Hủy các lượt này", group.QuerySelector("button[type=submit]")!.TextContent.Trim());

        var response = await organizer.SubmitAsync(GroupForm(page, "117.4.250.0/24"), "/quan-tri/binh-chon",
            new() { ["Input.Reason"] = "25 tài khoản tạo cùng lúc, bình chọn cách nhau vài giây từ một mạng" });

        var after = await AdminSteps.LandAsync(organizer, response);
        Assert.Contains("Đã hủy 25 lượt bình chọn.", after.QuerySelector(".alert-success")!.TextContent);
        Assert.DoesNotContain("117.4.250.0/24", after.QuerySelector("section[aria-labelledby=report-title]")!.TextContent);
        Assert.Equal(0, await ValidVotesAsync(_site, entry.Id));
        var audited = await _site.QueryAsync(db => db.AuditLog.Where(a => a.Action == "vote.void" && a.ActorName == email).Select(a => a.Subject).ToListAsync());
        Assert.Equal(burst.Select(v => $"vote:{v.Id}").Order(), audited.Order());
        Assert.True((await _site.QueryAsync(db => AuditVerifier.VerifyAsync(db))).IsIntact);
    }

    [Fact]
    public async Task A_group_void_without_a_reason_is_refused_next_to_its_field_and_changes_nothing()
    {
        var entry = await EntryAsync(_site);
        await InsertVotesAsync(_site, entry.Id, 22, network: "42.118.9.0/24", spacing: TimeSpan.FromSeconds(8));
        var (organizer, _) = await AdminSteps.SignedInAsync(_site);
        var page = await organizer.GetPageAsync("/quan-tri/binh-chon");

        var response = await organizer.SubmitAsync(GroupForm(page, "42.118.9.0/24"), "/quan-tri/binh-chon", new() { ["Input.Reason"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var again = await Browser.ParseAsync(response);
        var field = GroupForm(again, "42.118.9.0/24").QuerySelector(".field-validation-error")!;
        Assert.Equal("Vui lòng ghi lý do hủy các lượt này.", field.TextContent.Trim());
        Assert.Equal(22, await ValidVotesAsync(_site, entry.Id));
    }
}
