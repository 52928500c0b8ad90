using BenchmarkDotNet.Attributes;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Judging.Agreement;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Scoring;

namespace ContestPlatform.Judging.Benchmarks;

/// <summary>
/// 10,000 entries × 5 judges × 3 criteria. <see cref="WholeRound"/> is the budget that matters (target ≤ 200 ms):
/// table, all four aggregations, agreement (ICC, panels, leniency, outliers) and the ranking.
/// The other benchmarks break it down.
/// </summary>
[MemoryDiagnoser]
public class RoundBenchmarks
{
    private RoundData data = null!;
    private ScoreTable table = null!;
    private IReadOnlyList<EntryAggregate> means = null!;

    [GlobalSetup]
    public void Setup()
    {
        data = new RoundData(entries: 10_000, judgesPerEntry: 5, panels: 20);
        table = data.Table();
        means = Aggregator.Aggregate(table);
    }

    [Benchmark(Baseline = true)]
    public int WholeRound()
    {
        var scoreTable = data.Table();
        var results = 0;
        foreach (var method in Enum.GetValues<AggregationMethod>())
            results += Aggregator.Aggregate(scoreTable, method).Count;
        var report = AgreementAnalysis.Analyse(scoreTable);
        var ranking = Ranker.Rank(data.Candidates(Aggregator.Aggregate(scoreTable)));
        return results + report.Outliers.Count + report.Panels.Count + ranking.Count;
    }

    [Benchmark]
    public ScoreTable BuildTable() => data.Table();

    [Benchmark]
    public int Mean() => Aggregator.Aggregate(table, AggregationMethod.Mean).Count;

    [Benchmark]
    public int Median() => Aggregator.Aggregate(table, AggregationMethod.Median).Count;

    [Benchmark]
    public int TrimmedMean() => Aggregator.Aggregate(table, AggregationMethod.TrimmedMean).Count;

    [Benchmark]
    public int ZScore() => Aggregator.Aggregate(table, AggregationMethod.ZScore).Count;

    [Benchmark]
    public AgreementReport Agreement() => AgreementAnalysis.Analyse(table);

    [Benchmark]
    public int Rank() => Ranker.Rank(data.Candidates(means)).Count;
}
