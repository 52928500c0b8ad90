using System.Net;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContestPlatform.Web.Tests.Council;

/// <summary>The judging audit lines are part of the hash chain: a score changed afterwards in the database is found.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task A_submitted_score_edited_directly_in_sqlite_is_named_by_audit_verify()
    {
        using var site = new TestSite();
        var (judge, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site, judgesPerEntry: 1);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);
        var url = CouncilSeed.UrlOf(round, entry.Id);
        await browser.SubmitFormAsync(url, new() { ["Input.Points[DMST]"] = "15", ["Input.Points[HQ]"] = "20", ["Input.Points[KNAD]"] = "25" }, "#score-form", "thaoTac=nop");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(url + "?xacNhan=true", [], "#confirm-form")).StatusCode);
        var submit = Assert.Single(await CouncilSeed.AuditAsync(site, "scorecard.submit"));
        Assert.True((await site.QueryAsync(db => AuditVerifier.VerifyAsync(db))).IsIntact);

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(site.DataDirectory, "contest.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE AuditLog SET Data = replace(Data, '\"HQ\":20', '\"HQ\":30') WHERE Sequence = {submit.Sequence}";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var result = await site.QueryAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.Equal(submit.Sequence, result.FirstBadSequence);
    }
}
