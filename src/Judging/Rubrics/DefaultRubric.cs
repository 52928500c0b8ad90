namespace ContestPlatform.Judging.Rubrics;

/// <summary>The rubric of the first edition (2025), seeded as the default and used as the reference in tests.</summary>
public static class DefaultRubric
{
    public const string Innovation = "DMST";
    public const string Effectiveness = "HQ";
    public const string Applicability = "KNAD";
    public const string CommunityVote = "BC";

    public static Rubric Create() => new(
    [
        new Criterion(Innovation, "Tính đổi mới sáng tạo", 20m,
            description: "Giải pháp không trùng lặp với các công trình, giải pháp đã được công bố."),
        new Criterion(Effectiveness, "Hiệu quả kinh tế - xã hội", 30m,
            description: "Lợi ích trực tiếp sau khi áp dụng, hoặc tạo việc làm, cải thiện điều kiện sống và làm việc, sức khỏe, an toàn, môi trường."),
        new Criterion(Applicability, "Khả năng áp dụng", 30m,
            description: "Có thể áp dụng rộng rãi trong sản xuất, kinh doanh và đời sống trên địa bàn tỉnh."),
        new Criterion(CommunityVote, "Điểm bình chọn cộng đồng", 20m, step: 0.1m, kind: CriterionKind.CommunityVote,
            description: "20 × (số lượt bình chọn của công trình ÷ số lượt bình chọn cao nhất), làm tròn đến 1 chữ số thập phân."),
    ]);
}
