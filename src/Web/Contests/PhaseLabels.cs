namespace ContestPlatform.Web.Contests;

public static class PhaseLabels
{
    public static string Of(PhaseKind kind) => kind switch
    {
        PhaseKind.Submission => "Nhận hồ sơ dự thi",
        PhaseKind.Vote => "Bình chọn cộng đồng",
        PhaseKind.Judging => "Chấm điểm",
        PhaseKind.Approval => "Phê duyệt kết quả",
        PhaseKind.Publication => "Công bố và trao giải",
        _ => kind.ToString(),
    };
}
