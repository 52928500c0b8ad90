using System.Data.Common;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>A site that counts the SQL commands reading the votes table, with live counts shown publicly.</summary>
public sealed class VoteQueryCountingSite : TestSite
{
    public VoteCommands Commands { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Commands)));
    }
}

public sealed class VoteCommands : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("FROM \"Votes\"", StringComparison.Ordinal))
            Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>The gallery's vote boxes read the votes table once per page, not once per card, and each still shows its own entry.</summary>
public sealed class GalleryVoteQueriesTests : IClassFixture<VoteQueryCountingSite>
{
    private readonly VoteQueryCountingSite _site;

    public GalleryVoteQueriesTests(VoteQueryCountingSite site)
    {
        _site = site;
        EnterWindow(site);
    }

    private async Task<(string Gallery, List<Web.Entries.Entry> Entries)> CardsAsync(int count)
    {
        var word = "doi" + Guid.NewGuid().ToString("N")[..8];
        var entries = new List<Web.Entries.Entry>();
        for (var i = 0; i < count; i++)
            entries.Add(await EntryAsync(_site, title: $"Sáng kiến {word} số {i + 1}"));
        return ($"/cong-trinh?q={word}", entries);
    }

    private async Task<int> VoteQueriesOfAsync(Browser browser, string url)
    {
        var before = _site.Commands.Count;
        await browser.GetPageAsync(url);
        return _site.Commands.Count - before;
    }

    [Fact]
    public async Task A_page_of_twelve_cards_reads_the_votes_table_as_often_as_a_page_of_one()
    {
        await SetContestAsync(_site, c => { c.ShowLiveVoteCounts = true; c.VotesPerDayCap = 5; });
        var (one, _) = await CardsAsync(1);
        var (twelve, _) = await CardsAsync(12);
        var (browser, _) = await VoterAsync(_site);
        await browser.GetPageAsync(one); // the first request of a browser reads more than the boxes do

        var forOne = await VoteQueriesOfAsync(browser, one);
        var forTwelve = await VoteQueriesOfAsync(browser, twelve);

        Assert.InRange(forOne, 1, 3); // voted?, counts, today's votes under the cap
        Assert.Equal(forOne, forTwelve);
    }

    [Fact]
    public async Task Each_card_shows_its_own_count_and_whether_the_visitor_voted_for_it()
    {
        await SetContestAsync(_site, c => { c.ShowLiveVoteCounts = true; c.VotesPerDayCap = null; });
        var (gallery, entries) = await CardsAsync(3);
        await InsertVotesAsync(_site, entries[0].Id, 4);
        var voided = await InsertVotesAsync(_site, entries[1].Id, 2);
        await _site.QueryAsync(db => db.Votes.Where(v => v.Id == voided[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.VoidedAt, DateTime.UtcNow).SetProperty(v => v.VoidReason, "Thử")));
        var (browser, voter) = await VoterAsync(_site);
        await CastAsync(_site, entries[1].Id, voter);

        var page = await browser.GetPageAsync(gallery);

        string Box(int i) => page.QuerySelector($"#binh-chon-{entries[i].Id}")!.TextContent;
        Assert.Contains("4 lượt bình chọn", Box(0));
        Assert.Contains("2 lượt bình chọn", Box(1)); // one voided, plus the visitor's own
        Assert.Contains("0 lượt bình chọn", Box(2));
        Assert.NotNull(page.QuerySelector($"#binh-chon-{entries[0].Id} form.vote-form"));
        Assert.Null(page.QuerySelector($"#binh-chon-{entries[1].Id} form.vote-form"));
        Assert.Contains("Bạn đã bình chọn", Box(1));
        Assert.NotNull(page.QuerySelector($"#binh-chon-{entries[2].Id} form.vote-form"));
    }
}
