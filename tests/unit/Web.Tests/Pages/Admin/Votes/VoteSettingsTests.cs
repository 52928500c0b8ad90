using System.Net;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Pages.Admin.Votes;

/// <summary>The two vote settings on /quan-tri/cuoc-thi: the daily cap and whether counts are public.</summary>
public sealed class VoteSettingsTests(TestSite site) : IClassFixture<TestSite>
{
    private const string Settings = "/quan-tri/cuoc-thi";

    private Task<Contest> ContestAsync() => site.QueryAsync(db => db.Contests.AsNoTracking().SingleAsync());

    [Fact]
    public async Task The_organizer_sets_a_daily_cap_and_public_counts_then_lifts_the_cap()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);

        var saved = await organizer.SubmitFormAsync(Settings, new()
        {
            ["Input.VotesPerDayCap"] = "3",
            ["Input.ShowLiveVoteCounts"] = "true",
        });

        var page = await AdminSteps.LandAsync(organizer, saved);
        Assert.Equal("3", page.QuerySelector("input[name='Input.VotesPerDayCap']")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='Input.ShowLiveVoteCounts'][type=checkbox]")!.HasAttribute("checked"));
        var contest = await ContestAsync();
        Assert.Equal(3, contest.VotesPerDayCap);
        Assert.True(contest.ShowLiveVoteCounts);

        // Blank means no cap; an unticked box posts only the hidden "false".
        var lifted = await organizer.SubmitFormAsync(Settings, new()
        {
            ["Input.VotesPerDayCap"] = "",
            ["Input.ShowLiveVoteCounts"] = "false",
        });

        await AdminSteps.LandAsync(organizer, lifted);
        contest = await ContestAsync();
        Assert.Null(contest.VotesPerDayCap);
        Assert.False(contest.ShowLiveVoteCounts);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task A_cap_outside_1_to_1000_is_refused_next_to_its_field(string cap)
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var before = await ContestAsync();

        var response = await organizer.SubmitFormAsync(Settings, new() { ["Input.VotesPerDayCap"] = cap });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var field = page.QuerySelector("input[name='Input.VotesPerDayCap']")!.ParentElement!;
        Assert.Contains("Số lượt bình chọn tối đa mỗi ngày của một tài khoản phải từ 1 đến 1000 lượt; để trống nếu không giới hạn.", field.TextContent);
        Assert.Equal(before.Version, (await ContestAsync()).Version);
    }
}
