using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin.Votes;

/// <summary>
/// A site whose only votes are 4 for one entry and 2 for another: the vote score depends on the highest
/// count of all entries, so these tests keep the site to themselves.
/// </summary>
public sealed class TwoEntriesVotedSite : TestSite
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (Entry Leader, Entry Runner)? _entries;

    public async Task<(Entry Leader, Entry Runner)> EntriesAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_entries is null)
            {
                EnterWindow(this);
                var leader = await EntryAsync(this, title: "Hệ thống tưới chè tự động theo độ ẩm đất");
                var runner = await EntryAsync(this, title: "Sổ tay số cho hợp tác xã");
                await InsertVotesAsync(this, leader.Id, 4, network: "113.160.10.0/24", browserId: "a1b2c3d4e5f60718293a4b5c6d7e8f90");
                await InsertVotesAsync(this, runner.Id, 2, network: "27.72.100.0/24");
                _entries = (leader, runner);
            }
            return _entries.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed class VoteModerationTests(TwoEntriesVotedSite site) : IClassFixture<TwoEntriesVotedSite>
{
    private static string Text(AngleSharp.Dom.IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    private static string[] Row(IHtmlDocument page, Entry entry) =>
        page.QuerySelectorAll($"#bang-binh-chon tr[data-entry-id='{entry.Id}'] td").Select(Text).ToArray();

    [Fact]
    public async Task Voiding_one_of_the_leaders_votes_changes_its_count_and_the_vote_scores()
    {
        var (leader, runner) = await site.EntriesAsync();
        var (organizer, email) = await AdminSteps.SignedInAsync(site);

        // 4 votes against 2: 20 × 4 ÷ 4 = 20,0 and 20 × 2 ÷ 4 = 10,0, the leader first.
        var overview = await organizer.GetPageAsync("/quan-tri/binh-chon");
        Assert.Equal(["1", leader.Code!, leader.Title, "4", "0", "20,0"], Row(overview, leader));
        Assert.Equal(["2", runner.Code!, runner.Title, "2", "0", "10,0"], Row(overview, runner));

        // On the leader's page: four votes, each with its network and browser; void the newest with a reason.
        var entryPage = $"/quan-tri/binh-chon/cong-trinh/{leader.Id}";
        var votesPage = await organizer.GetPageAsync(entryPage);
        var boxes = votesPage.QuerySelectorAll("table.entry-votes input[type=checkbox][name=VoteIds]").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(4, boxes.Count);
        Assert.Contains("113.160.10.0/24", Text(votesPage.QuerySelector("table.entry-votes tbody tr")!));
        Assert.Contains("a1b2c3d4", Text(votesPage.QuerySelector("table.entry-votes tbody tr")!));
        Assert.Contains("60 ngày", Text(votesPage.QuerySelector("table.entry-votes tbody tr")!));
        var voided = long.Parse(boxes[0].Value);
        boxes[0].IsChecked = true;
        var response = await organizer.SubmitAsync((IHtmlFormElement)votesPage.QuerySelector("form.void-selected")!, entryPage,
            new() { ["Reason"] = "Tài khoản ảo do một người tạo hàng loạt" });
        var after = await AdminSteps.LandAsync(organizer, response);
        Assert.Contains("Đã hủy 1 lượt bình chọn", Text(after.QuerySelector(".alert-success")!));
        var voidedRow = Text(after.QuerySelectorAll("table.entry-votes tbody tr").First(tr => tr.ClassList.Contains("row-voided")));
        Assert.Contains("Đã hủy", voidedRow);
        Assert.Contains("Tài khoản ảo do một người tạo hàng loạt", voidedRow);

        // 3 against 2: 20,0 and 20 × 2 ÷ 3 = 13,3.
        overview = await organizer.GetPageAsync("/quan-tri/binh-chon");
        Assert.Equal(["1", leader.Code!, leader.Title, "3", "1", "20,0"], Row(overview, leader));
        Assert.Equal(["2", runner.Code!, runner.Title, "2", "0", "13,3"], Row(overview, runner));
        var scores = await site.ServiceAsync<VoteService, IReadOnlyDictionary<int, decimal>>(v => v.ScoresAsync());
        Assert.Equal(20.0m, scores[leader.Id]);
        Assert.Equal(13.3m, scores[runner.Id]);

        // The void is in the audit log, by whom and why, and the chain is intact.
        var line = await site.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == "vote.void" && a.Subject == $"vote:{voided}"));
        Assert.Equal(email, line.ActorName);
        Assert.Contains("Tài khoản ảo do một người tạo hàng loạt", System.Text.Json.JsonDocument.Parse(line.Data).RootElement.GetProperty("reason").GetString());
        var verification = await site.QueryAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(verification.IsIntact, verification.Problem);

        // And in the list of voids.
        var voids = Text((await organizer.GetPageAsync("/quan-tri/binh-chon/da-huy")).QuerySelector("table.void-list tbody tr")!);
        Assert.Contains(email, voids);
        Assert.Contains("Tài khoản ảo do một người tạo hàng loạt", voids);
        Assert.Contains(leader.Code!, voids);
    }

    [Fact]
    public async Task A_void_without_a_reason_or_without_a_chosen_vote_is_refused_with_a_message()
    {
        var (leader, _) = await site.EntriesAsync();
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var entryPage = $"/quan-tri/binh-chon/cong-trinh/{leader.Id}";
        var before = await ValidVotesAsync(site, leader.Id);

        var page = await organizer.GetPageAsync(entryPage);
        var box = page.QuerySelectorAll("table.entry-votes input[type=checkbox][name=VoteIds]").Cast<IHtmlInputElement>().First();
        box.IsChecked = true;
        var noReason = await organizer.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.void-selected")!, entryPage, new() { ["Reason"] = "   " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Vui lòng ghi lý do hủy các lượt đã chọn.", await AdminSteps.TextAsync(noReason));

        page = await organizer.GetPageAsync(entryPage);
        var nothingChosen = await organizer.SubmitAsync((IHtmlFormElement)page.QuerySelector("form.void-selected")!, entryPage, new() { ["Reason"] = "Nghi ngờ gian lận" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothingChosen.StatusCode);
        Assert.Contains("Chọn ít nhất một lượt bình chọn cần hủy.", await AdminSteps.TextAsync(nothingChosen));
        Assert.Equal(before, await ValidVotesAsync(site, leader.Id));
        Assert.Equal(0, await site.QueryAsync(db => db.Votes.CountAsync(v => v.VoidReason == "Nghi ngờ gian lận")));
    }

    [Fact]
    public async Task An_entrys_votes_narrow_to_one_network_with_filter_fields_styled_like_every_field()
    {
        var (leader, _) = await site.EntriesAsync();
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var entryPage = $"/quan-tri/binh-chon/cong-trinh/{leader.Id}";

        // The site's field style applies to input[type=text]: an input without a type showed as a bare browser box.
        var page = await organizer.GetPageAsync(entryPage);
        Assert.Equal("text", page.QuerySelector("input#mang")!.GetAttribute("type"));
        Assert.Equal("text", page.QuerySelector("input#trinhDuyet")!.GetAttribute("type"));

        var sameNetwork = await organizer.GetPageAsync($"{entryPage}?mang={Uri.EscapeDataString("113.160.10.0/24")}");
        Assert.Equal(4, sameNetwork.QuerySelectorAll("table.entry-votes tbody tr").Length);
        var otherNetwork = await organizer.GetPageAsync($"{entryPage}?mang={Uri.EscapeDataString("27.72.100.0/24")}");
        Assert.Empty(otherNetwork.QuerySelectorAll("table.entry-votes tbody tr"));
        Assert.Contains("Không có lượt bình chọn nào phù hợp.", Text(otherNetwork.QuerySelector("p.meta[role=status]")!));
    }

    [Fact]
    public async Task The_overview_draws_cumulative_votes_per_day_with_a_table_of_the_same_numbers()
    {
        var (leader, runner) = await site.EntriesAsync();
        var (organizer, _) = await AdminSteps.SignedInAsync(site);

        var page = await organizer.GetPageAsync("/quan-tri/binh-chon");

        // Two entries have votes: the heading counts them rather than promising five.
        Assert.Equal("Số lượt theo ngày của 2 công trình dẫn đầu", Text(page.QuerySelector("#chart-title")!));
        var chart = page.QuerySelector("figure.vote-chart svg[role=img]")!;
        Assert.Equal("Số lượt bình chọn hợp lệ cộng dồn theo ngày", chart.QuerySelector("title")!.TextContent);
        Assert.Equal(2, chart.QuerySelectorAll("polyline").Length);
        var legend = page.QuerySelectorAll(".chart-legend li").Select(Text).ToList();
        Assert.StartsWith(leader.Code!, legend[0]);
        Assert.StartsWith(runner.Code!, legend[1]);
        // The window opened on 01/08; the votes were cast on 02/08 (Vietnam time).
        var table = page.QuerySelector("details.chart-data table")!;
        Assert.Equal(["Ngày", leader.Code!, runner.Code!], table.QuerySelectorAll("thead th").Select(Text));
        var rows = table.QuerySelectorAll("tbody tr").Select(tr => tr.Children.Select(Text).ToArray()).ToList();
        Assert.Equal(["01/08/2025", "0", "0"], rows[0]);
        Assert.Equal("02/08/2025", rows[1][0]);
        Assert.Equal(2, int.Parse(rows[1][2]));
    }
}
