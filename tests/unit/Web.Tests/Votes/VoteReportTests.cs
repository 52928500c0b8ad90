using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Votes;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>The suspicious-pattern report points at groups of votes; ordinary voting is left alone.</summary>
public sealed class VoteReportTests : IClassFixture<TestSite>
{
    private readonly TestSite _site;

    public VoteReportTests(TestSite site)
    {
        _site = site;
        EnterWindow(site);
    }

    private Task<IReadOnlyList<SuspiciousGroup>> ReportAsync() =>
        _site.ServiceAsync<VoteReport, IReadOnlyList<SuspiciousGroup>>(r => r.FindAsync());

    [Fact]
    public async Task A_burst_from_one_network_is_flagged_and_a_trickle_from_another_is_not()
    {
        var entry = await EntryAsync(_site);
        var burst = await InsertVotesAsync(_site, entry.Id, 25, network: "203.113.77.0/24", spacing: TimeSpan.FromSeconds(12));
        var trickle = await InsertVotesAsync(_site, entry.Id, 25, network: "14.232.8.0/24", spacing: TimeSpan.FromMinutes(30));

        var groups = await ReportAsync();

        var flagged = Assert.Single(groups, g => g.Kind == SuspicionKind.NetworkBurst && g.Shared == "203.113.77.0/24");
        Assert.Equal(burst.Select(v => v.Id).Order(), flagged.VoteIds.Order());
        Assert.Equal("25 lượt từ mạng 203.113.77.0/24 trong 10 phút (25 tài khoản)", flagged.Description);
        Assert.Equal([entry.Id], flagged.EntryIds);
        Assert.DoesNotContain(groups, g => g.VoteIds.Intersect(trickle.Select(v => v.Id)).Any());
    }

    [Fact]
    public async Task Many_fresh_accounts_voting_for_one_entry_within_an_hour_are_flagged()
    {
        var entry = await EntryAsync(_site);
        var fresh = await InsertVotesAsync(_site, entry.Id, 12, castAt: Hour(_site).AddMinutes(5), accountAge: TimeSpan.FromHours(2), spacing: TimeSpan.FromMinutes(3));
        var seasoned = await InsertVotesAsync(_site, entry.Id, 12, castAt: Hour(_site).AddMinutes(5), accountAge: TimeSpan.FromDays(200), spacing: TimeSpan.FromMinutes(3));

        var groups = await ReportAsync();

        var flagged = Assert.Single(groups, g => g.Kind == SuspicionKind.FreshAccounts && g.EntryIds.Contains(entry.Id));
        Assert.Equal(fresh.Select(v => v.Id).Order(), flagged.VoteIds.Order());
        Assert.Contains($"12 tài khoản tạo chưa đầy 24 giờ cùng bình chọn công trình {entry.Code}", flagged.Description);
        Assert.DoesNotContain(groups, g => g.VoteIds.Intersect(seasoned.Select(v => v.Id)).Any());
    }

    [Fact]
    public async Task Fresh_accounts_voting_from_10_55_to_11_05_are_one_group_not_two_halves_of_clock_hours()
    {
        var entry = await EntryAsync(_site);
        // Ten votes two minutes apart, five before the hour turns and five after: HH:51, HH:53 … (HH+1):09.
        var start = Hour(_site).AddHours(1).AddMinutes(-9);
        var fresh = await InsertVotesAsync(_site, entry.Id, 10, castAt: start, accountAge: TimeSpan.FromHours(1), spacing: TimeSpan.FromMinutes(2));
        Assert.Equal(5, fresh.Count(v => v.CastAt.Hour == start.Hour));

        var groups = await ReportAsync();

        var flagged = Assert.Single(groups, g => g.Kind == SuspicionKind.FreshAccounts && g.EntryIds.Contains(entry.Id));
        Assert.Equal(fresh.Select(v => v.Id).Order(), flagged.VoteIds.Order());
        Assert.Equal((fresh[0].CastAt, fresh[^1].CastAt), (flagged.First, flagged.Last));
    }

    [Fact]
    public async Task Fresh_accounts_spread_over_more_than_an_hour_are_not_flagged()
    {
        var entry = await EntryAsync(_site);
        // Ten votes seven minutes apart span 63 minutes: no 60 minutes hold more than nine.
        await InsertVotesAsync(_site, entry.Id, 10, castAt: Hour(_site).AddMinutes(30), accountAge: TimeSpan.FromHours(1), spacing: TimeSpan.FromMinutes(7));

        Assert.DoesNotContain(await ReportAsync(), g => g.Kind == SuspicionKind.FreshAccounts && g.EntryIds.Contains(entry.Id));
    }

    [Fact]
    public async Task One_browser_used_by_three_accounts_is_flagged()
    {
        var entry = await EntryAsync(_site);
        var browser = Guid.NewGuid().ToString("N");
        var shared = await InsertVotesAsync(_site, entry.Id, 3, browserId: browser, spacing: TimeSpan.FromHours(3));
        var twoAccounts = await InsertVotesAsync(_site, entry.Id, 2, browserId: Guid.NewGuid().ToString("N"));

        var groups = await ReportAsync();

        var flagged = Assert.Single(groups, g => g.Kind == SuspicionKind.SharedBrowser && g.Shared == browser);
        Assert.Equal(shared.Select(v => v.Id).Order(), flagged.VoteIds.Order());
        Assert.Equal($"3 tài khoản cùng dùng một trình duyệt (mã {browser[..8]}…), 3 lượt", flagged.Description);
        Assert.DoesNotContain(groups, g => g.VoteIds.Intersect(twoAccounts.Select(v => v.Id)).Any());
    }

    [Fact]
    public async Task Voided_votes_leave_the_report()
    {
        var entry = await EntryAsync(_site);
        var burst = await InsertVotesAsync(_site, entry.Id, 20, network: "171.224.3.0/24", spacing: TimeSpan.FromSeconds(5));
        await _site.ServiceAsync<VoteService, int>(v => v.VoidAsync(burst.Select(b => b.Id).ToList(), "Bỏ phiếu hàng loạt", new Entries.Actor("u", "thuky@sokhcn.vn")));

        Assert.DoesNotContain(await ReportAsync(), g => g.Shared == "171.224.3.0/24");
    }

    /// <summary>The start of an hour an hour or more from now, so a group of votes does not straddle two hours.</summary>
    private static DateTime Hour(TestSite site)
    {
        var now = site.Time.GetUtcNow().UtcDateTime.AddHours(2);
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
    }
}
