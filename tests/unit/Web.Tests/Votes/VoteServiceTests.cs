using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>VoteService directly: the rules that hold whoever calls it, and exact counts under concurrency.</summary>
public sealed class VoteServiceTests : IClassFixture<TestSite>
{
    private readonly TestSite _site;

    public VoteServiceTests(TestSite site)
    {
        _site = site;
        EnterWindow(site);
    }

    private async Task<AppUser> CitizenAsync(bool emailConfirmed = true)
    {
        var user = await _site.CreateUserAsync($"cu-tri-{Guid.NewGuid():N}@example.vn", Password, Roles.Entrant);
        if (!emailConfirmed)
        {
            await _site.QueryAsync(async db =>
            {
                (await db.Users.FindAsync(user.Id))!.EmailConfirmed = false;
                return await db.SaveChangesAsync();
            });
            user.EmailConfirmed = false;
        }
        return user;
    }

    // Identity's RequireConfirmedEmail already keeps unconfirmed accounts from signing in, so no browser
    // can get this far; the service refuses them anyway, for any other way in (an email changed later,
    // a future API).
    [Fact]
    public async Task An_account_with_an_unconfirmed_email_cannot_vote()
    {
        var entry = await EntryAsync(_site);
        var user = await CitizenAsync(emailConfirmed: false);

        var result = await CastAsync(_site, entry.Id, user);

        Assert.Equal(VoteOutcome.EmailNotConfirmed, result.Outcome);
        Assert.Equal("Bạn cần xác nhận địa chỉ email trước khi bình chọn. Hãy mở thư xác nhận chúng tôi đã gửi.", result.Message);
        Assert.Equal(0, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task A_vote_for_an_entry_that_does_not_exist_is_not_found()
    {
        var result = await CastAsync(_site, 424242, await CitizenAsync());

        Assert.Equal(VoteOutcome.NotFound, result.Outcome);
        Assert.Equal("Không tìm thấy công trình này.", result.Message);
    }

    [Fact]
    public async Task Twenty_simultaneous_casts_by_one_account_for_one_entry_store_exactly_one_vote()
    {
        var entry = await EntryAsync(_site);
        var user = await CitizenAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => CastAsync(_site, entry.Id, user))));

        Assert.Single(results, r => r.Outcome == VoteOutcome.Recorded);
        Assert.Equal(19, results.Count(r => r.Outcome == VoteOutcome.AlreadyVoted));
        Assert.Equal(1, await AllVotesAsync(_site, entry.Id));
    }

    [Fact]
    public async Task Simultaneous_votes_for_different_entries_cannot_get_past_the_daily_cap()
    {
        var entries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => EntryAsync(_site)));
        var user = await CitizenAsync();
        await SetContestAsync(_site, c => c.VotesPerDayCap = 3);
        try
        {
            var results = await Task.WhenAll(entries.Select(e => Task.Run(() => CastAsync(_site, e.Id, user))));

            Assert.Equal(3, results.Count(r => r.Recorded));
            Assert.Equal(5, results.Count(r => r.Outcome == VoteOutcome.DailyCapReached));
            Assert.Equal(3, await _site.QueryAsync(db => db.Votes.CountAsync(v => v.UserId == user.Id)));
        }
        finally
        {
            await SetContestAsync(_site, c => c.VotesPerDayCap = null);
        }
    }

    [Fact]
    public async Task Two_hundred_citizens_voting_at_once_are_all_counted()
    {
        var entry = await EntryAsync(_site);
        var citizens = await _site.QueryAsync(async db =>
        {
            var users = Enumerable.Range(0, 200).Select(i => new AppUser
            {
                UserName = $"dong-loat-{i}-{Guid.NewGuid():N}@example.vn", EmailConfirmed = true, CreatedAt = _site.Time.GetUtcNow().UtcDateTime.AddDays(-90),
            }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            return users;
        });

        var results = await Task.WhenAll(citizens.Select(c => Task.Run(() => CastAsync(_site, entry.Id, c))));

        Assert.All(results, r => Assert.True(r.Recorded, r.Message));
        Assert.Equal(200, await AllVotesAsync(_site, entry.Id));
        var counts = await _site.ServiceAsync<VoteService, IReadOnlyDictionary<int, long>>(v => v.CountsAsync());
        Assert.Equal(200, counts[entry.Id]);
    }

    [Fact]
    public async Task A_voided_vote_no_longer_counts_and_its_account_cannot_vote_again_for_that_entry()
    {
        var entry = await EntryAsync(_site);
        var user = await CitizenAsync();
        Assert.True((await CastAsync(_site, entry.Id, user)).Recorded);
        var voteId = await _site.QueryAsync(db => db.Votes.Where(v => v.UserId == user.Id).Select(v => v.Id).SingleAsync());

        var voided = await _site.ServiceAsync<VoteService, int>(v =>
            v.VoidAsync([voteId], "Tài khoản ảo", new Entries.Actor("u-tk", "thuky@sokhcn.vn")));

        Assert.Equal(1, voided);
        Assert.Equal(0, await ValidVotesAsync(_site, entry.Id));
        Assert.Equal(VoteOutcome.AlreadyVoted, (await CastAsync(_site, entry.Id, user)).Outcome);
        var counts = await _site.ServiceAsync<VoteService, IReadOnlyDictionary<int, long>>(v => v.CountsAsync());
        Assert.Equal(0, counts[entry.Id]);
    }

    [Fact]
    public async Task A_void_needs_a_reason()
    {
        var entry = await EntryAsync(_site);
        var votes = await InsertVotesAsync(_site, entry.Id, 1);

        var error = await Assert.ThrowsAsync<Entries.EntryRuleException>(() => _site.ServiceAsync<VoteService, int>(v =>
            v.VoidAsync([votes[0].Id], "   ", new Entries.Actor("u-tk", "thuky@sokhcn.vn"))));

        Assert.Equal("Vui lòng ghi lý do hủy lượt bình chọn.", error.Message);
        Assert.Equal(1, await ValidVotesAsync(_site, entry.Id));
    }
}
