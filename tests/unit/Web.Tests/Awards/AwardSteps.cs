using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Tests.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Awards;

/// <summary>The award workflow's steps as a user takes them, shared by the award tests.</summary>
internal static class AwardSteps
{
    public const string Admin = "/quan-tri/giai-thuong";
    public const string Committee = "/ban-to-chuc";

    /// <summary>Four accepted entries ranked E1 &gt; E2 &gt; E3 &gt; E4 by three judges; committee of 5.</summary>
    public static async Task<RoundBuilder> RankedRoundAsync(TestSite site)
    {
        string[] judges = ["GK 1", "GK 2", "GK 3"];
        var round = new RoundBuilder(site, "Vòng chung khảo")
            .Judge(judges).Entry("E1").Entry("E2").Entry("E3").Entry("E4")
            .SubmittedByAll("E1", judges, 18, 27, 27)
            .SubmittedByAll("E2", judges, 16, 25, 25)
            .SubmittedByAll("E3", judges, 14, 22, 22)
            .SubmittedByAll("E4", judges, 10, 15, 15);
        await round.SaveAsync();
        await site.QueryAsync(async db =>
        {
            var contest = await db.CurrentContestAsync();
            contest.CommitteeSize = 5;
            contest.Version = Guid.NewGuid();
            return await db.SaveChangesAsync();
        });
        return round;
    }

    public static string Errors(IHtmlDocument page) =>
        string.Join(" ", page.QuerySelectorAll(".alert-error").Select(e => e.TextContent.Trim()));

    public static async Task<IHtmlDocument> ProposeAndSendAsync(Browser organizer)
    {
        await organizer.FollowAsync(await organizer.SubmitFormAsync(Admin, [], "#lap-de-nghi"));
        return await organizer.FollowAsync(await organizer.SubmitFormAsync(Admin, [], "form[action*='handler=Send']"));
    }

    public static Task<HttpResponseMessage> DecideAsync(Browser member, string code, string decision, string comment = "") =>
        member.SubmitFormAsync(Committee, new() { ["yKien"] = decision, ["ghiChu"] = comment }, $"li[data-code='{code}'] form");

    public static async Task<List<Browser>> CommitteeAsync(TestSite site, int count)
    {
        var members = new List<Browser>();
        for (var i = 0; i < count; i++)
            members.Add(await site.SignedInAsync(Roles.Committee));
        return members;
    }

    /// <summary>Four members (⌈2/3 × 5⌉) approve every award of the round's proposal.</summary>
    public static async Task ApproveAllAsync(TestSite site, RoundBuilder round)
    {
        var members = await CommitteeAsync(site, 4);
        foreach (var key in round.Entries.Keys)
            foreach (var member in members)
                await member.FollowAsync(await DecideAsync(member, round.Code(key), "dong-y"));
    }
}
