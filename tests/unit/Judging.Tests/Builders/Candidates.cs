using ContestPlatform.Judging.Ranking;

namespace ContestPlatform.Judging.Tests.Builders;

internal static class Candidates
{
    public static readonly DateTimeOffset Opening = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A candidate submitted <paramref name="minutes"/> after the submission window opened.</summary>
    public static RankingCandidate Of(
        int entryId,
        decimal council,
        decimal vote = 0m,
        decimal hq = 0m,
        decimal knad = 0m,
        decimal dmst = 0m,
        int minutes = 0) =>
        new(entryId, council, vote,
            new Dictionary<string, decimal> { ["HQ"] = hq, ["KNAD"] = knad, ["DMST"] = dmst },
            Opening.AddMinutes(minutes));
}
