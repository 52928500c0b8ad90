using ContestPlatform.Judging.Awards;

namespace ContestPlatform.Judging.Tests.Awards;

public class AwardApprovalTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    [InlineData(6, 4)]
    [InlineData(7, 5)]
    [InlineData(9, 6)]
    [InlineData(10, 7)]
    public void Award_needs_two_thirds_of_committee(int committeeSize, int required)
    {
        Assert.Equal(required, AwardApproval.RequiredApprovals(committeeSize));
    }

    [Fact]
    public void Required_approvals_is_the_ceiling_of_two_thirds_for_every_size()
    {
        for (var size = 1; size <= 200; size++)
            Assert.Equal((int)Math.Ceiling(2m * size / 3m), AwardApproval.RequiredApprovals(size));
    }

    [Fact]
    public void Committee_size_counts_not_the_members_who_answered()
    {
        // 3 of 3 answers approve, but the committee has 5 members.
        Assert.False(AwardApproval.IsApproved(3, committeeSize: 5));
        Assert.True(AwardApproval.IsApproved(4, committeeSize: 5));
    }

    [Theory]
    [InlineData(6, 0, 9, ApprovalOutcome.Approved)]
    [InlineData(5, 0, 9, ApprovalOutcome.Pending)]
    [InlineData(5, 3, 9, ApprovalOutcome.Pending)]
    [InlineData(5, 4, 9, ApprovalOutcome.Rejected)]
    [InlineData(0, 2, 5, ApprovalOutcome.Rejected)]
    public void Outcome_is_decided_once_approval_is_reached_or_out_of_reach(int approvals, int rejections, int size, ApprovalOutcome outcome)
    {
        Assert.Equal(outcome, AwardApproval.Decide(approvals, rejections, size));
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(-1, 0, 5)]
    [InlineData(4, 2, 5)]
    public void Impossible_counts_are_refused(int approvals, int rejections, int size)
    {
        Assert.Throws<JudgingException>(() => AwardApproval.Decide(approvals, rejections, size));
    }
}
