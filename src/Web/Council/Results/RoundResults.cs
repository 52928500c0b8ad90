using ContestPlatform.Judging.Agreement;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Rubrics;

namespace ContestPlatform.Web.Council.Results;

/// <summary>A round in the round picker.</summary>
public sealed record RoundOption(int Id, string Name, int Order, RoundState State, AggregationMethod Aggregation);

/// <summary>What the organizer needs to know about an entry to read its row (organizers see the entrant).</summary>
public sealed record EntryInfo(int Id, string Code, string Title, string EntrantName, DateTimeOffset SubmittedAt);

/// <summary>
/// One judge's work in the round. <see cref="Assigned"/> counts assignments still in force;
/// <see cref="Submitted"/> and <see cref="Drafts"/> count their sheets on those assignments.
/// </summary>
public sealed record JudgeProgress(int JudgeId, string Name, int Assigned, int Submitted, int Drafts)
{
    public int NotStarted => Math.Max(0, Assigned - Submitted - Drafts);
    public bool Done => Assigned > 0 && Submitted >= Assigned;
}

/// <summary>How far the council is with one entry; <see cref="MissingJudges"/> are assigned judges without a submitted sheet.</summary>
public sealed record EntryProgress(EntryInfo Entry, int Assigned, int Submitted, int Drafts, IReadOnlyList<string> MissingJudges)
{
    /// <summary>Fewer submitted sheets than assigned judges: "chưa đủ phiếu".</summary>
    public bool Incomplete => Submitted < Assigned;
}

/// <summary>
/// One place of the ranking: the ranked entry (council score by the ranking method, vote score, total and
/// the tie-break that placed it), with the council score of every aggregation method beside it.
/// </summary>
public sealed record ResultRow(
    RankedEntry Ranked,
    EntryInfo Entry,
    IReadOnlyDictionary<AggregationMethod, EntryAggregate> Aggregates,
    long Votes,
    EntryProgress Progress)
{
    public int Rank => Ranked.Rank;
    public decimal CouncilScore => Ranked.Candidate.CouncilScore;
    public decimal VoteScore => Ranked.Candidate.VoteScore;
    public decimal Total => Ranked.Candidate.Total;

    public decimal Council(AggregationMethod method) => Aggregates[method].CouncilScore;

    /// <summary>The per-criterion values of a method (the mean is the one the contest publishes).</summary>
    public IReadOnlyDictionary<string, decimal> Criteria(AggregationMethod method = AggregationMethod.Mean) => Aggregates[method].Criteria;

    /// <summary>Why it is below the entry above when both had the same total; null when the total decided.</summary>
    public string? TieBreak => Ranked.SeparatedBy is RankingKey.None or RankingKey.Total ? null : Ranked.Explanation;

    public bool Incomplete => Progress.Incomplete;
}

/// <summary>
/// "Top N có thay đổi khi chuẩn hóa theo giám khảo?": the first <see cref="N"/> places ranked with the mean
/// against the same places ranked with the judge-normalised (z-score) council score, vote score included in both.
/// </summary>
public sealed record TopNComparison(
    int N,
    IReadOnlyList<int> ByMean,
    IReadOnlyList<int> ByZScore,
    IReadOnlyDictionary<int, int> MeanRanks,
    IReadOnlyDictionary<int, int> ZScoreRanks)
{
    /// <summary>Entries in the z-score top N that the mean leaves out.</summary>
    public IReadOnlyList<int> Entering => [.. ByZScore.Except(ByMean)];

    /// <summary>Entries in the mean's top N that normalisation pushes out.</summary>
    public IReadOnlyList<int> Leaving => [.. ByMean.Except(ByZScore)];

    public bool SetChanges => Entering.Count > 0;

    /// <summary>Same entries or not, some place within the top N differs.</summary>
    public bool OrderChanges => !ByMean.SequenceEqual(ByZScore);
}

/// <summary>Everything the results page shows for a round, computed once from its submitted sheets.</summary>
public sealed record RoundResults(
    RoundOption Round,
    Rubric Rubric,
    IReadOnlyList<string> TieBreakCodes,
    AggregationMethod RankedBy,
    IReadOnlyList<ResultRow> Ranking,
    IReadOnlyList<EntryProgress> Entries,
    IReadOnlyList<JudgeProgress> Judges,
    AgreementReport Agreement,
    TopNComparison TopN,
    IReadOnlyList<string> Problems,
    IReadOnlyDictionary<int, string> JudgeNames)
{
    /// <summary>Submitted sheets that count, over every entry.</summary>
    public int SubmittedSheets => Entries.Sum(e => e.Submitted);

    public int AssignedSheets => Entries.Sum(e => e.Assigned);

    public int DraftSheets => Entries.Sum(e => e.Drafts);

    /// <summary>Entries of the round no judge has submitted a sheet for yet: they cannot be ranked.</summary>
    public IEnumerable<EntryProgress> Unscored => Entries.Where(e => e.Submitted == 0);

    public string JudgeName(int judgeId) => JudgeNames.TryGetValue(judgeId, out var name) ? name : $"Giám khảo #{judgeId}";

    public EntryInfo? Entry(int entryId) => Entries.FirstOrDefault(e => e.Entry.Id == entryId)?.Entry;

    public ResultRow? Row(int entryId) => Ranking.FirstOrDefault(r => r.Entry.Id == entryId);
}

/// <summary>One judge's sheet for an entry as the details page shows it.</summary>
public sealed record SheetView(
    int Id,
    int JudgeId,
    string JudgeName,
    SheetState State,
    bool Counted,
    DateTime UpdatedAt,
    DateTime? SubmittedAt,
    string Comment,
    IReadOnlyDictionary<string, SheetLine> Lines,
    decimal? Total);

public sealed record SheetLine(string CriterionCode, decimal Points, string Comment);

/// <summary>The details page of one entry: its place in the round and every judge's sheet.</summary>
public sealed record EntryResults(RoundResults Round, EntryProgress Progress, ResultRow? Row, IReadOnlyList<SheetView> Sheets);

/// <summary>One score of one submitted sheet, for the "every score" export.</summary>
public sealed record ScoreRecord(
    string Round,
    string EntryCode,
    string EntryTitle,
    string Judge,
    string CriterionCode,
    decimal Points,
    string Comment,
    string SheetComment,
    DateTime SubmittedAt);
