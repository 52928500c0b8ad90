namespace ContestPlatform.Judging.Agreement;

/// <summary>
/// How far one panel — the judges who scored exactly the same entries — agrees on the totals.
/// Both statistics are null when undefined (e.g. every judge gave every entry the same total).
/// </summary>
public sealed record PanelAgreement(
    IReadOnlyList<int> JudgeIds,
    IReadOnlyList<int> EntryIds,
    double? KendallW,
    double? Icc21);
