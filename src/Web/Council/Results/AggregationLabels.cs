using ContestPlatform.Judging.Aggregation;

namespace ContestPlatform.Web.Council.Results;

/// <summary>What organizers read about each aggregation method: its name, its address slug and one line on what it does.</summary>
public static class AggregationLabels
{
    /// <summary>Column order everywhere: the contest's rule first.</summary>
    public static readonly IReadOnlyList<AggregationMethod> All =
        [AggregationMethod.Mean, AggregationMethod.Median, AggregationMethod.TrimmedMean, AggregationMethod.ZScore];

    public static string Name(AggregationMethod method) => method switch
    {
        AggregationMethod.Mean => "Trung bình",
        AggregationMethod.Median => "Trung vị",
        AggregationMethod.TrimmedMean => "Trung bình cắt",
        AggregationMethod.ZScore => "Chuẩn hóa (z-score)",
        _ => method.ToString(),
    };

    public static string Slug(AggregationMethod method) => method switch
    {
        AggregationMethod.Mean => "trung-binh",
        AggregationMethod.Median => "trung-vi",
        AggregationMethod.TrimmedMean => "trung-binh-cat",
        AggregationMethod.ZScore => "chuan-hoa",
        _ => method.ToString().ToLowerInvariant(),
    };

    /// <summary>The method named by a slug; null for anything else.</summary>
    public static AggregationMethod? Parse(string? slug) =>
        All.Cast<AggregationMethod?>().FirstOrDefault(m => string.Equals(Slug(m!.Value), slug?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Explanation(AggregationMethod method) => method switch
    {
        AggregationMethod.Mean =>
            "Trung bình cộng điểm của các giám khảo chấm công trình — cách tính theo Thể lệ.",
        AggregationMethod.Median =>
            "Điểm ở giữa khi xếp điểm các giám khảo từ thấp đến cao: một giám khảo chấm quá cao hay quá thấp không kéo lệch được.",
        AggregationMethod.TrimmedMean =>
            "Bỏ một điểm cao nhất và một điểm thấp nhất rồi lấy trung bình phần còn lại (dưới 3 giám khảo thì bằng trung bình).",
        AggregationMethod.ZScore =>
            "Quy điểm của mỗi giám khảo về cùng một mặt bằng (xóa thói quen chấm rộng tay hay chặt tay), đưa lại về thang điểm tiêu chí rồi lấy trung bình.",
        _ => "",
    };
}
