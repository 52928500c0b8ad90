using System.Net;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Pages.Judge;

/// <summary>A judge-only media address works for its judge while they may open the entry, and is 404 for anyone else.</summary>
public sealed class JudgeMediaAccessTests(TestSite site) : IClassFixture<TestSite>
{
    /// <summary>A judge assigned to an entry with one photo, and the address of that photo on the scoring page.</summary>
    private async Task<(Web.Council.Judge Judge, Browser Browser, JudgingRound Round, Web.Entries.Entry Entry, Assignment Assignment, string PhotoUrl)> ScoringAsync()
    {
        var (judge, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        var assignment = await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);
        var page = await browser.GetPageAsync(CouncilSeed.UrlOf(round, entry.Id));
        var url = page.QuerySelector(".blind-entry img")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(url)).StatusCode);
        return (judge, browser, round, entry, assignment, url);
    }

    [Fact]
    public async Task Another_judge_or_a_visitor_with_the_address_gets_404()
    {
        var (_, _, round, entry, _, url) = await ScoringAsync();
        var (colleague, colleagueBrowser) = await CouncilSeed.SignedInJudgeAsync(site, "Giám khảo Khác");
        // Even one assigned to the same entry: the token is for the first judge's assignment.
        await CouncilSeed.AssignAsync(site, round, entry.Id, colleague.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await colleagueBrowser.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_address_stops_working_when_the_assignment_is_removed()
    {
        var (_, browser, _, _, assignment, url) = await ScoringAsync();
        await site.QueryAsync(async db =>
        {
            var row = await db.Assignments.SingleAsync(a => a.Id == assignment.Id);
            row.RemovedAt = site.Time.GetUtcNow().UtcDateTime;
            row.RemovedReason = "Gỡ để thử";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_address_stops_working_once_the_judge_declares_a_conflict_with_the_entry()
    {
        var (judge, browser, _, entry, _, url) = await ScoringAsync();
        await site.QueryAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                JudgeId = judge.Id, EntryId = entry.Id, Reason = "Người quen", DeclaredAt = site.Time.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task An_altered_or_made_up_token_is_404()
    {
        var (_, browser, _, _, _, url) = await ScoringAsync();
        var token = url.Split('/')[3];
        var altered = url.Replace(token, token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..]);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(altered)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/giam-khao/tep/123/anh.jpg")).StatusCode);
    }

    [Fact]
    public async Task Evidence_has_no_judge_address_even_with_a_token_for_it()
    {
        var (_, browser, _, entry, assignment, _) = await ScoringAsync();
        var evidence = await CouncilSeed.MediaAsync(site, entry.Id, MediaKind.Evidence);
        var tokens = site.Services.GetRequiredService<Web.Media.Serving.JudgeMediaTokens>();

        var url = Web.Media.Serving.JudgeMediaUrls.Display(tokens.For(assignment.Id, evidence.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(url)).StatusCode);
    }
}
