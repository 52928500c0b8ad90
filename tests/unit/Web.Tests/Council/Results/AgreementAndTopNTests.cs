using ContestPlatform.Judging.Agreement;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Council.Results;

/// <summary>Agreement figures come from the domain unchanged; the top-N indicator fires when normalisation changes the prize places.</summary>
public sealed class AgreementAndTopNTests(TestSite site) : IClassFixture<TestSite>
{
    /// <summary>Scores as (DMST, HQ, KNAD) = (d, 1,5d, 1,5d), so every criterion tells the same story.</summary>
    private static (decimal, decimal, decimal) Level(decimal d) => (d, 1.5m * d, 1.5m * d);

    /// <summary>
    /// Panel 1 (a harsh judge with An) scores P1 > P2 > P3; panel 2 (Bình, Cường) scores Q1 ≥ Q2 ≫ Q3.
    /// Means: Q1 64, Q2 60, P1 48 — the harsh judge keeps P1 out of the top 2. Normalised per judge, P1 is the
    /// best entry of both its judges (z = +1,22), while Q1 and Q2 are only slightly above their judges' average
    /// (z = +0,80 and +0,61) because of the very weak Q3: P1 enters the top 2 and Q2 leaves.
    /// </summary>
    public static readonly (string Entry, string Judge, decimal Level)[] HarshCase =
    [
        ("P1", "Khắt Khe", 8), ("P2", "Khắt Khe", 6), ("P3", "Khắt Khe", 4),
        ("P1", "An", 16), ("P2", "An", 14), ("P3", "An", 12),
        ("Q1", "Bình", 16), ("Q2", "Bình", 15), ("Q3", "Bình", 4),
        ("Q1", "Cường", 16), ("Q2", "Cường", 15), ("Q3", "Cường", 4),
    ];

    internal static async Task<RoundBuilder> SeedAsync(TestSite site, IEnumerable<(string Entry, string Judge, decimal Level)> sheets)
    {
        var list = sheets.ToList();
        var round = new RoundBuilder(site).Judge([.. list.Select(s => s.Judge).Distinct()]);
        foreach (var entry in list.Select(s => s.Entry).Distinct())
            round.Entry(entry);
        foreach (var (entry, judge, level) in list)
        {
            var (dmst, hq, knad) = Level(level);
            round.Submitted(entry, judge, dmst, hq, knad);
        }
        return await round.SaveAsync();
    }

    /// <summary>The domain's own analysis of the same sheets, for comparison.</summary>
    internal static AgreementReport Expected(RoundBuilder round, IEnumerable<(string Entry, string Judge, decimal Level)> sheets)
    {
        var rubric = DefaultRubric.Create();
        var cards = sheets.Select(s =>
        {
            var (dmst, hq, knad) = Level(s.Level);
            return new Scorecard(rubric, round.JudgeId(s.Judge), round.EntryId(s.Entry),
                new Dictionary<string, decimal> { ["DMST"] = dmst, ["HQ"] = hq, ["KNAD"] = knad });
        });
        return AgreementAnalysis.Analyse(new ScoreTable(rubric, cards));
    }

    [Fact]
    public async Task Agreement_figures_are_what_the_domain_analysis_returns()
    {
        // A third panel of three, where Dũng's total on R1 is 32 points under his colleagues': an outlier.
        (string, string, decimal)[] sheets =
        [
            .. HarshCase,
            ("R1", "Tâm", 10), ("R1", "Trí", 10), ("R1", "Dũng", 2),
            ("R2", "Tâm", 8), ("R2", "Trí", 7), ("R2", "Dũng", 8),
        ];
        var round = await SeedAsync(site, sheets);
        var expected = Expected(round, sheets);

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id);

        var actual = results.Agreement;
        Assert.NotNull(actual.Icc1);
        Assert.Equal(expected.Icc1, actual.Icc1);
        Assert.Equal(3, actual.Panels.Count);
        Assert.Equal(
            expected.Panels.Select(p => (string.Join(",", p.JudgeIds), string.Join(",", p.EntryIds), p.KendallW, p.Icc21)),
            actual.Panels.Select(p => (string.Join(",", p.JudgeIds), string.Join(",", p.EntryIds), p.KendallW, p.Icc21)));
        Assert.Equal(expected.Leniency, actual.Leniency);
        Assert.Equal(expected.Outliers, actual.Outliers);
        Assert.Contains(actual.Outliers, o => o.JudgeId == round.JudgeId("Dũng") && o.EntryId == round.EntryId("R1") && o.Deviation == -32m);
        // The harsh judge is 32 points below An on every entry.
        Assert.Equal(-32m, actual.Leniency.Single(l => l.JudgeId == round.JudgeId("Khắt Khe")).MeanDeviation);
    }

    [Fact]
    public async Task Top_N_indicator_fires_when_a_harsh_judge_keeps_an_entry_out()
    {
        var round = await SeedAsync(site, HarshCase);

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id, topN: 2);

        var top = results.TopN;
        Assert.Equal(2, top.N);
        Assert.Equal([round.EntryId("Q1"), round.EntryId("Q2")], top.ByMean);
        Assert.Equal([round.EntryId("P1"), round.EntryId("Q1")], top.ByZScore);
        Assert.True(top.SetChanges);
        Assert.Equal([round.EntryId("P1")], top.Entering);
        Assert.Equal([round.EntryId("Q2")], top.Leaving);
        Assert.Equal((3, 1), (top.MeanRanks[round.EntryId("P1")], top.ZScoreRanks[round.EntryId("P1")]));
    }

    [Fact]
    public async Task Top_N_indicator_stays_quiet_when_judges_agree()
    {
        (string, string, decimal)[] agreeing =
        [
            ("S1", "Mai", 16), ("S2", "Mai", 12), ("S3", "Mai", 8),
            ("S1", "Lan", 16), ("S2", "Lan", 12), ("S3", "Lan", 8),
        ];
        var round = await SeedAsync(site, agreeing);

        var results = await ResultsQuery.LoadAsync(site, round.Round.Id, topN: 2);

        Assert.False(results.TopN.SetChanges);
        Assert.False(results.TopN.OrderChanges);
        Assert.Empty(results.TopN.Entering);
    }
}
