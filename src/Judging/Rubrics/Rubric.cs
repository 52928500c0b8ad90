namespace ContestPlatform.Judging.Rubrics;

/// <summary>
/// The scoring rubric in force: judged criteria plus at most one community-vote criterion.
/// Validated on construction so a broken rubric can never be saved or used.
/// </summary>
public sealed class Rubric
{
    private readonly IReadOnlyList<Criterion> judged;

    public Rubric(IEnumerable<Criterion> criteria)
    {
        var list = criteria?.ToList() ?? throw new JudgingException("Bộ tiêu chí chưa có tiêu chí nào.");
        if (list.Count == 0 || list.Count > 20)
            throw new JudgingException("Bộ tiêu chí phải có từ 1 đến 20 tiêu chí.");
        if (!list.Any(c => c.Kind == CriterionKind.Judged))
            throw new JudgingException("Bộ tiêu chí phải có ít nhất một tiêu chí do Hội đồng chấm.");
        if (list.Count(c => c.Kind == CriterionKind.CommunityVote) > 1)
            throw new JudgingException("Chỉ được có một tiêu chí bình chọn cộng đồng.");
        var duplicate = list.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new JudgingException($"Mã tiêu chí {duplicate.Key} bị trùng.");

        Criteria = list;
        judged = list.Where(c => c.Kind == CriterionKind.Judged).ToList().AsReadOnly();
    }

    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>The criteria judges score, in rubric order.</summary>
    public IEnumerable<Criterion> Judged => judged;

    /// <summary>The judged criteria as a list, for code that needs positions.</summary>
    public IReadOnlyList<Criterion> JudgedCriteria => judged;

    public Criterion? CommunityVote => Criteria.FirstOrDefault(c => c.Kind == CriterionKind.CommunityVote);

    /// <summary>Highest council score: the weighted sum of the judged criteria's maxima (80 in the real contest).</summary>
    public decimal CouncilMax => judged.Sum(c => c.MaxPoints * c.Weight);

    /// <summary>Highest vote score (20 in the real contest), 0 without a vote criterion.</summary>
    public decimal VoteMax => CommunityVote?.MaxPoints ?? 0;

    public decimal TotalMax => CouncilMax + VoteMax;

    /// <summary>The criterion with this code, or null.</summary>
    public Criterion? Find(string code) => Criteria.FirstOrDefault(c => c.Code == code);

    public Criterion this[string code] =>
        Criteria.FirstOrDefault(c => c.Code == code) ?? throw new JudgingException($"Không có tiêu chí mã {code}.");
}
