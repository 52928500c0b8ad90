using ContestPlatform.Web.Contests;

namespace ContestPlatform.Web.Tests.Contests;

public class ContestTimelineTests
{
    private static readonly DateTime Day = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ContestPhase Phase(PhaseKind kind, int fromDay, int toDay) =>
        new() { Kind = kind, StartsAt = Day.AddDays(fromDay), EndsAt = Day.AddDays(toDay) };

    private static readonly ContestPhase[] Phases =
    [
        Phase(PhaseKind.Submission, 0, 10),
        Phase(PhaseKind.Vote, 10, 20),
        Phase(PhaseKind.Judging, 10, 25),
        Phase(PhaseKind.Approval, 25, 30),
        Phase(PhaseKind.Publication, 35, 40),
    ];

    [Fact]
    public void Before_the_first_phase_nothing_is_open_and_the_next_is_submission()
    {
        var timeline = new ContestTimeline(Phases, Day.AddHours(-1));
        Assert.True(timeline.NotStarted);
        Assert.Empty(timeline.Open);
        Assert.Equal(PhaseKind.Submission, timeline.Next!.Kind);
    }

    [Fact]
    public void A_window_includes_its_start_and_excludes_its_end()
    {
        Assert.True(new ContestTimeline(Phases, Day).IsOpen(PhaseKind.Submission));
        Assert.True(new ContestTimeline(Phases, Day.AddDays(10).AddTicks(-1)).IsOpen(PhaseKind.Submission));
        Assert.False(new ContestTimeline(Phases, Day.AddDays(10)).IsOpen(PhaseKind.Submission));
    }

    [Fact]
    public void Overlapping_phases_are_open_together()
    {
        var timeline = new ContestTimeline(Phases, Day.AddDays(12));
        Assert.Equal([PhaseKind.Vote, PhaseKind.Judging], timeline.Open.Select(p => p.Kind));
    }

    [Fact]
    public void Between_phases_nothing_is_open_and_the_next_is_known()
    {
        var timeline = new ContestTimeline(Phases, Day.AddDays(32));
        Assert.Empty(timeline.Open);
        Assert.False(timeline.Finished);
        Assert.Equal(PhaseKind.Publication, timeline.Next!.Kind);
    }

    [Fact]
    public void After_the_last_phase_the_contest_is_finished()
    {
        var timeline = new ContestTimeline(Phases, Day.AddDays(41));
        Assert.True(timeline.Finished);
        Assert.Null(timeline.Next);
        Assert.All(timeline.Phases, p => Assert.Equal(PhaseState.Closed, p.State));
    }

    [Fact]
    public void Phases_are_listed_in_date_order_whatever_the_stored_order()
    {
        var timeline = new ContestTimeline(Phases.Reverse(), Day);
        Assert.Equal(Phases.Select(p => p.StartsAt).Order(), timeline.Phases.Select(p => p.StartsAt));
    }
}
