namespace ContestPlatform.Judging.Awards;

/// <summary>
/// An award needs approval by at least two thirds of the committee's members — of the members it has
/// (a contest setting), not of those who answered: 5 members → 4 approvals, 9 → 6.
/// </summary>
public static class AwardApproval
{
    /// <summary>⌈2/3 × committee size⌉, in integers so that 9 gives exactly 6.</summary>
    public static int RequiredApprovals(int committeeSize)
    {
        CheckSize(committeeSize);
        return (2 * committeeSize + 2) / 3;
    }

    public static bool IsApproved(int approvals, int committeeSize) => Decide(approvals, 0, committeeSize) == ApprovalOutcome.Approved;

    public static ApprovalOutcome Decide(int approvals, int rejections, int committeeSize)
    {
        CheckSize(committeeSize);
        if (approvals < 0 || rejections < 0 || approvals + rejections > committeeSize)
            throw new JudgingException(
                $"Số phiếu đồng ý ({approvals}) và không đồng ý ({rejections}) vượt quá số thành viên Ban Tổ chức ({committeeSize}).");
        var required = RequiredApprovals(committeeSize);
        if (approvals >= required)
            return ApprovalOutcome.Approved;
        return committeeSize - rejections < required ? ApprovalOutcome.Rejected : ApprovalOutcome.Pending;
    }

    private static void CheckSize(int committeeSize)
    {
        if (committeeSize < 1)
            throw new JudgingException("Số thành viên Ban Tổ chức phải ít nhất là 1.");
    }
}
