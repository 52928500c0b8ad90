namespace ContestPlatform.Judging.Agreement;

/// <summary>Everything the organizer sees about inter-judge agreement for a round.</summary>
public sealed record AgreementReport(
    double? Icc1,
    IReadOnlyList<PanelAgreement> Panels,
    IReadOnlyList<JudgeLeniency> Leniency,
    IReadOnlyList<OutlierScore> Outliers);
