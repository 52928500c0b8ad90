using System.Security.Claims;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Entries;

namespace ContestPlatform.Web.Council;

/// <summary>How council states read in Vietnamese, and who is acting.</summary>
public static class CouncilLabels
{
    public static string Of(RoundState state) => state switch
    {
        RoundState.Draft => "Đang chuẩn bị",
        RoundState.Open => "Đang chấm",
        RoundState.Closed => "Đã kết thúc",
        _ => state.ToString(),
    };

    public static string RoundBadge(RoundState state) => state switch
    {
        RoundState.Open => "badge badge-open",
        RoundState.Closed => "badge badge-closed",
        _ => "badge badge-upcoming",
    };

    public static string Of(CutoffKind cutoff) => cutoff switch
    {
        CutoffKind.None => "Không đặt ngưỡng",
        CutoffKind.TopCount => "Theo số lượng công trình dẫn đầu",
        CutoffKind.MinimumScore => "Theo điểm sàn",
        _ => cutoff.ToString(),
    };

    public static string Of(AggregationMethod method) => method switch
    {
        AggregationMethod.Mean => "Trung bình cộng",
        AggregationMethod.Median => "Trung vị",
        AggregationMethod.TrimmedMean => "Trung bình bỏ điểm cao nhất và thấp nhất",
        AggregationMethod.ZScore => "Chuẩn hóa theo từng giám khảo (z-score)",
        _ => method.ToString(),
    };

    /// <summary>A judge's sheet state; null = not started.</summary>
    public static string Of(SheetState? state) => state switch
    {
        SheetState.Draft => "Nháp",
        SheetState.Submitted => "Đã nộp",
        _ => "Chưa chấm",
    };

    public static string SheetBadge(SheetState? state) => state switch
    {
        SheetState.Submitted => "badge badge-open",
        SheetState.Draft => "badge badge-upcoming",
        _ => "badge badge-closed",
    };

    /// <summary>The signed-in person as recorded in the audit log: user id, and name (or email when the account has none).</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ContestClaimsFactory.FullName);
        if (string.IsNullOrWhiteSpace(name))
            name = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", name);
    }
}
