using ContestPlatform.Judging.Rubrics;

namespace ContestPlatform.Judging.Scoring;

/// <summary>
/// One judge's scores for one entry, on the judged criteria of a rubric. A draft may leave criteria
/// unscored; every score given must be within the criterion's bounds and on its step.
/// </summary>
public sealed class Scorecard
{
    public const int MaxCommentLength = 4000;

    // Scores aligned with Rubric.JudgedCriteria so aggregation can read them without dictionary look-ups.
    private readonly decimal[] scores;
    private readonly bool[] scored;

    public Scorecard(
        Rubric rubric,
        int judgeId,
        int entryId,
        IReadOnlyDictionary<string, decimal> scores,
        IReadOnlyDictionary<string, string>? criterionComments = null,
        string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        if (judgeId <= 0)
            throw new JudgingException("Mã giám khảo phải là số dương.");
        if (entryId <= 0)
            throw new JudgingException("Mã công trình phải là số dương.");

        var criteria = rubric.JudgedCriteria;
        this.scores = new decimal[criteria.Count];
        scored = new bool[criteria.Count];
        foreach (var (rawCode, score) in scores)
        {
            var index = IndexOf(rubric, rawCode);
            var criterion = criteria[index];
            if (scored[index])
                throw new JudgingException($"Tiêu chí {criterion.Code} được chấm hai lần trên cùng một phiếu.");
            if (!criterion.Accepts(score))
                throw new JudgingException(criterion.BoundsMessage);
            this.scores[index] = score;
            scored[index] = true;
        }

        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawCode, text) in criterionComments ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            var code = criteria[IndexOf(rubric, rawCode)].Code;
            comments[code] = CheckedComment(text, $"Nhận xét cho tiêu chí {code}");
        }

        Rubric = rubric;
        JudgeId = judgeId;
        EntryId = entryId;
        CriterionComments = comments;
        Comment = string.IsNullOrWhiteSpace(comment) ? "" : CheckedComment(comment, "Nhận xét chung");
        Scores = Enumerable.Range(0, criteria.Count)
            .Where(i => scored[i])
            .ToDictionary(i => criteria[i].Code, i => this.scores[i], StringComparer.Ordinal);
        MissingCodes = Enumerable.Range(0, criteria.Count)
            .Where(i => !scored[i])
            .Select(i => criteria[i].Code)
            .ToList()
            .AsReadOnly();
        WeightedTotal = Enumerable.Range(0, criteria.Count).Sum(i => this.scores[i] * criteria[i].Weight);
    }

    public Rubric Rubric { get; }
    public int JudgeId { get; }
    public int EntryId { get; }

    /// <summary>The scores given so far, by criterion code.</summary>
    public IReadOnlyDictionary<string, decimal> Scores { get; }

    public IReadOnlyDictionary<string, string> CriterionComments { get; }

    /// <summary>General comment; empty when none.</summary>
    public string Comment { get; }

    /// <summary>Judged criteria not scored yet, in rubric order.</summary>
    public IReadOnlyList<string> MissingCodes { get; }

    /// <summary>Every judged criterion has a score: the card may be submitted.</summary>
    public bool IsComplete => MissingCodes.Count == 0;

    /// <summary>Σ score × weight over the criteria scored so far (the council total once complete).</summary>
    public decimal WeightedTotal { get; }

    public decimal? ScoreOf(string code) => Scores.TryGetValue(code, out var score) ? score : null;

    /// <summary>Throws unless the card can be submitted, naming the missing criteria.</summary>
    public void EnsureComplete()
    {
        if (!IsComplete)
            throw new JudgingException($"Phiếu chấm chưa có điểm tiêu chí {string.Join(", ", MissingCodes)}.");
    }

    /// <summary>Score at the position of <see cref="Rubrics.Rubric.JudgedCriteria"/>; 0 when not scored.</summary>
    internal decimal ScoreAt(int index) => scores[index];

    private static int IndexOf(Rubric rubric, string? rawCode)
    {
        var code = (rawCode ?? "").Trim().ToUpperInvariant();
        var criteria = rubric.JudgedCriteria;
        for (var i = 0; i < criteria.Count; i++)
        {
            if (criteria[i].Code == code)
                return i;
        }
        if (rubric.CommunityVote?.Code == code)
            throw new JudgingException($"Tiêu chí {code} là điểm bình chọn cộng đồng, giám khảo không chấm tiêu chí này.");
        throw new JudgingException($"Tiêu chí {code} không có trong bộ tiêu chí đang áp dụng.");
    }

    private static string CheckedComment(string text, string what)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxCommentLength)
            throw new JudgingException($"{what} dài quá {MaxCommentLength} ký tự.");
        return trimmed;
    }
}
