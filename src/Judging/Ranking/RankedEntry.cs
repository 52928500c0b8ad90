namespace ContestPlatform.Judging.Ranking;

/// <summary>A place in the ranking, with the key that separated it from the entry above (for the "why" column).</summary>
public sealed record RankedEntry(int Rank, RankingCandidate Candidate, RankingKey SeparatedBy, string? SeparatingCriterion = null)
{
    public int EntryId => Candidate.EntryId;

    /// <summary>True when scores alone could not separate it from the entry above.</summary>
    public bool TiedOnScores => SeparatedBy is RankingKey.SubmittedAt or RankingKey.EntryId;

    /// <summary>Vietnamese explanation for the organizer, e.g. "Điểm tiêu chí HQ cao hơn".</summary>
    public string Explanation => SeparatedBy switch
    {
        RankingKey.None => "Đứng đầu bảng xếp hạng",
        RankingKey.Total => "Tổng điểm thấp hơn",
        RankingKey.CouncilScore => "Bằng tổng điểm, xếp sau do điểm Hội đồng thấp hơn",
        RankingKey.Criterion => $"Bằng tổng điểm và điểm Hội đồng, xếp sau do điểm tiêu chí {SeparatingCriterion} thấp hơn",
        RankingKey.SubmittedAt => "Bằng điểm, xếp sau do nộp hồ sơ muộn hơn",
        RankingKey.EntryId => "Bằng điểm và cùng thời điểm nộp, xếp theo mã công trình",
        _ => "",
    };
}
