using ContestPlatform.Judging.Ranking;

namespace ContestPlatform.Judging.Rounds;

/// <summary>The split of a ranking at a round's cut-off, both parts in rank order.</summary>
public sealed record CutoffResult(IReadOnlyList<RankedEntry> Advancing, IReadOnlyList<RankedEntry> Eliminated);
