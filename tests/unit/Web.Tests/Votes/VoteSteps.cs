using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>What citizens and the test setup do around the vote, as reusable steps.</summary>
internal static class VoteSteps
{
    public const string Password = "MatKhau123";

    /// <summary>02/08/2025 09:00 Vietnam time, inside the seeded vote window (01/08/2025 00:00 → 01/09/2025 00:00).</summary>
    public static readonly DateTimeOffset InWindow = Vietnam(2025, 8, 2, 9, 0);

    public static DateTimeOffset Vietnam(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(7));

    /// <summary>The clock only moves forward (tests of one class share it), so this never goes back.</summary>
    public static void MoveClockTo(TestSite site, DateTimeOffset instant)
    {
        if (site.Time.GetUtcNow() < instant)
            site.Time.SetUtcNow(instant);
    }

    public static void EnterWindow(TestSite site) => MoveClockTo(site, InWindow);

    /// <summary>A person takes a couple of seconds between seeing the button and pressing it.</summary>
    public static void Think(TestSite site) => site.Time.Advance(TimeSpan.FromSeconds(2));

    /// <summary>An entry in <paramref name="status"/> with a code, owned by a new entrant.</summary>
    public static async Task<Entry> EntryAsync(TestSite site, EntryStatus status = EntryStatus.Accepted, string? title = null)
    {
        var owner = await site.CreateUserAsync($"chu-{Guid.NewGuid():N}@example.vn", Password, Roles.Entrant);
        var now = site.Time.GetUtcNow().UtcDateTime;
        var entry = new Entry
        {
            OwnerId = owner.Id,
            Status = status,
            Code = $"DMST-2025-{Random.Shared.Next(1000, 9_999_999):0000}",
            Title = title ?? $"Ứng dụng bản đồ số nông sản {Guid.NewGuid().ToString("N")[..6]}",
            Summary = "Kết nối người trồng chè với người mua qua bản đồ số.",
            EntrantName = "Hợp tác xã Chè Tân Cương",
            Commune = "Xã Tân Cương",
            AuthorshipCommitted = true,
            CreatedAt = now.AddDays(-30),
            UpdatedAt = now.AddDays(-20),
            SubmittedAt = now.AddDays(-25),
        };
        entry.RefreshSearchText();
        await site.QueryAsync(async db =>
        {
            db.Entries.Add(entry);
            return await db.SaveChangesAsync();
        });
        return entry;
    }

    /// <summary>A new citizen with a confirmed email, signed in on a browser of their own.</summary>
    public static async Task<(Browser Browser, AppUser User)> VoterAsync(TestSite site)
    {
        var user = await site.CreateUserAsync($"cu-tri-{Guid.NewGuid():N}@example.vn", Password, Roles.Entrant);
        return (await SignInAsync(site, user), user);
    }

    public static async Task<Browser> SignInAsync(TestSite site, AppUser user)
    {
        var browser = site.NewBrowser();
        var response = await browser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public static string EntryPage(Entry entry) => $"/cong-trinh/{entry.Code}";

    /// <summary>The vote form on the entry page, as the browser shows it.</summary>
    public static async Task<IHtmlFormElement> VoteFormAsync(Browser browser, Entry entry)
    {
        var page = await browser.GetPageAsync(EntryPage(entry));
        return page.QuerySelector("#binh-chon form.vote-form") as IHtmlFormElement
               ?? throw new InvalidOperationException($"No vote form on {EntryPage(entry)}: {page.QuerySelector("#binh-chon")?.TextContent}");
    }

    /// <summary>Opens the entry page, waits like a person, presses "Bình chọn".</summary>
    public static async Task<HttpResponseMessage> VoteAsync(TestSite site, Browser browser, Entry entry, Dictionary<string, string>? fields = null)
    {
        var form = await VoteFormAsync(browser, entry);
        Think(site);
        return await browser.SubmitAsync(form, EntryPage(entry), fields ?? []);
    }

    /// <summary>The message the vote box shows after the redirect back to the entry page.</summary>
    public static async Task<string> MessageAfterAsync(Browser browser, HttpResponseMessage response)
    {
        var page = await browser.FollowAsync(response);
        return page.QuerySelector("#binh-chon .alert")?.TextContent.Trim() ?? "";
    }

    public static Task<int> ValidVotesAsync(TestSite site, int entryId) =>
        site.QueryAsync(db => db.Votes.CountAsync(v => v.EntryId == entryId && v.VoidedAt == null));

    public static Task<int> AllVotesAsync(TestSite site, int entryId) =>
        site.QueryAsync(db => db.Votes.CountAsync(v => v.EntryId == entryId));

    public static Task SetContestAsync(TestSite site, Action<Contest> change) =>
        site.QueryAsync(async db =>
        {
            var contest = await db.CurrentContestAsync();
            change(contest);
            contest.Version = Guid.NewGuid();
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Votes written straight into the database, as if cast earlier: <paramref name="count"/> new accounts
    /// (rows only, no password) each vote once for <paramref name="entryId"/>.
    /// </summary>
    public static async Task<List<Vote>> InsertVotesAsync(
        TestSite site, int entryId, int count, DateTime? castAt = null, string network = "", string browserId = "",
        TimeSpan? accountAge = null, TimeSpan? spacing = null)
    {
        var start = castAt ?? site.Time.GetUtcNow().UtcDateTime;
        var votes = new List<Vote>();
        await site.QueryAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var at = start + (spacing ?? TimeSpan.FromSeconds(10)) * i;
                var email = $"nguoi-{Guid.NewGuid():N}@example.vn";
                var user = new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), FullName = "Người Bình Chọn",
                    CreatedAt = at - (accountAge ?? TimeSpan.FromDays(60)),
                };
                db.Users.Add(user);
                var vote = new Vote
                {
                    EntryId = entryId, UserId = user.Id, CastAt = at, AccountCreatedAt = user.CreatedAt,
                    ClientAddress = network.Length > 0 ? network.Replace("0/24", "17") : "",
                    Network = network, BrowserId = browserId,
                };
                db.Votes.Add(vote);
                votes.Add(vote);
            }
            return await db.SaveChangesAsync();
        });
        return votes;
    }

    public static Task<VoteResult> CastAsync(TestSite site, int entryId, AppUser user, string browserId = "") =>
        site.ServiceAsync<VoteService, VoteResult>(votes =>
            votes.CastAsync(entryId, user, new VoteOrigin(IPAddress.Parse("113.160.10.20"), browserId)));

    /// <summary>Runs <paramref name="use"/> with a service from a scope of its own, like one request.</summary>
    public static async Task<TResult> ServiceAsync<TService, TResult>(this TestSite site, Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
