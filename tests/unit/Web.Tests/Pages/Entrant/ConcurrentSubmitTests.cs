using System.Net;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Entrant.EntrantSteps;

namespace ContestPlatform.Web.Tests.Pages.Entrant;

/// <summary>Entry codes under load, on a site of its own so the sequence starts at 0001.</summary>
public sealed class ConcurrentSubmitTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Twenty_entrants_submitting_at_once_get_twenty_distinct_sequential_codes()
    {
        const int count = 20;
        var entrants = new List<(EntrantUser Entrant, int Id, List<KeyValuePair<string, string>> Form)>();
        for (var i = 0; i < count; i++)
        {
            var entrant = await SignInAsync(site);
            var id = await InsertEntryAsync(site, entrant.UserId);
            // Each opens the form first, as a person would before pressing "Nộp hồ sơ".
            entrants.Add((entrant, id, FormValues(await entrant.Browser.GetPageAsync(EditUrl(id)))));
        }

        var responses = await Task.WhenAll(entrants.Select(e =>
            e.Entrant.Browser.Client.PostAsync($"{EditUrl(e.Id)}?handler=Submit", new FormUrlEncodedContent(e.Form))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var ids = entrants.Select(e => e.Id).ToList();
        var entries = await site.QueryAsync(db => db.Entries.AsNoTracking().Include(e => e.History).Where(e => ids.Contains(e.Id)).ToListAsync());
        Assert.All(entries, e => Assert.Equal(EntryStatus.Submitted, e.Status));
        Assert.All(entries, e => Assert.Single(e.History));
        Assert.Equal(
            Enumerable.Range(1, count).Select(n => $"DMST-2025-{n:0000}"),
            entries.Select(e => e.Code!).Order());
    }
}
