using ContestPlatform.Judging.Scoring;

namespace ContestPlatform.Judging.Aggregation;

/// <summary>Turns the scorecards of a round into council scores, one per entry.</summary>
public static class Aggregator
{
    /// <summary>One aggregate per entry of the table, in ascending entry id order.</summary>
    public static IReadOnlyList<EntryAggregate> Aggregate(ScoreTable table, AggregationMethod method = AggregationMethod.Mean)
    {
        ArgumentNullException.ThrowIfNull(table);
        return method switch
        {
            AggregationMethod.ZScore => ZScoreAggregation.Run(table),
            _ => PerEntryAggregation.Run(table, method),
        };
    }

    /// <summary>All four methods side by side, for the organizer's comparison view.</summary>
    public static IReadOnlyDictionary<AggregationMethod, IReadOnlyList<EntryAggregate>> AggregateAll(ScoreTable table) =>
        Enum.GetValues<AggregationMethod>().ToDictionary(m => m, m => Aggregate(table, m));
}
