using ContestPlatform.Judging.Agreement;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Agreement;

public class AgreementAnalysisTests
{
    private static readonly Rubric Spec = TestRubrics.Spec();

    [Fact]
    public void Leniency_is_the_mean_gap_to_co_judges()
    {
        // Entry 1: totals 60 (judge 1), 50, 40. Entry 2: 70 (judge 1), 70. Judge 4 scores alone.
        var table = Cards.Table(Spec,
            Cards.Of(Spec, 1, 1, 20, 20, 20), Cards.Of(Spec, 2, 1, 10, 20, 20), Cards.Of(Spec, 3, 1, 10, 15, 15),
            Cards.Of(Spec, 1, 2, 20, 25, 25), Cards.Of(Spec, 2, 2, 20, 25, 25),
            Cards.Of(Spec, 4, 3, 1, 1, 1));

        var leniency = AgreementAnalysis.Leniency(table).ToDictionary(l => l.JudgeId);

        Assert.Equal(new JudgeLeniency(1, 2, 7.5m), leniency[1]); // (60 − 45 + 70 − 70) / 2
        Assert.Equal(new JudgeLeniency(2, 2, 0m), leniency[2]); // (50 − 50 + 0) / 2
        Assert.Equal(new JudgeLeniency(3, 1, -15m), leniency[3]); // 40 − 55
        Assert.Equal(new JudgeLeniency(4, 0, 0m), leniency[4]);
    }

    [Fact]
    public void Total_far_from_the_others_is_flagged_by_default_above_15_percent_of_council_max()
    {
        // Others' mean 60; 12 points (15 % of 80) is allowed, 12.5 is not.
        var table = Cards.Table(Spec,
            Cards.Of(Spec, 1, 1, 20, 20, 20), Cards.Of(Spec, 2, 1, 20, 20, 20), Cards.Of(Spec, 3, 1, 20, 20, 7.5m),
            Cards.Of(Spec, 1, 2, 20, 20, 20), Cards.Of(Spec, 2, 2, 20, 20, 20), Cards.Of(Spec, 3, 2, 20, 20, 8m));

        var outlier = Assert.Single(AgreementAnalysis.Outliers(table));

        Assert.Equal(new OutlierScore(1, 3, 47.5m, 60m, -12.5m), outlier);
    }

    [Fact]
    public void Outlier_threshold_is_a_parameter()
    {
        var table = Cards.Table(Spec,
            Cards.Of(Spec, 1, 1, 10, 10, 10), Cards.Of(Spec, 2, 1, 10, 10, 10), Cards.Of(Spec, 3, 1, 10, 10, 15));

        Assert.Empty(AgreementAnalysis.Outliers(table));
        Assert.Single(AgreementAnalysis.Outliers(table, new OutlierRule(shareOfCouncilMax: 0.05m)));
    }

    [Fact]
    public void Two_judges_alone_are_not_checked_for_outliers()
    {
        var table = Cards.Table(Spec, Cards.Of(Spec, 1, 1, 0, 0, 0), Cards.Of(Spec, 2, 1, 20, 30, 30));
        Assert.Empty(AgreementAnalysis.Outliers(table));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1.5, 2)]
    [InlineData(0.15, 0)]
    public void Outlier_rule_is_validated(decimal share, int others)
    {
        Assert.Throws<JudgingException>(() => new OutlierRule(share, others));
    }

    [Fact]
    public void Panels_are_entries_sharing_one_judge_set()
    {
        var table = Cards.Table(Spec,
            Cards.Of(Spec, 1, 1, 10, 10, 10), Cards.Of(Spec, 2, 1, 12, 10, 10),
            Cards.Of(Spec, 1, 2, 15, 15, 15), Cards.Of(Spec, 2, 2, 16, 15, 15),
            Cards.Of(Spec, 1, 3, 20, 20, 20), Cards.Of(Spec, 2, 3, 19, 20, 20),
            Cards.Of(Spec, 1, 4, 20, 20, 20), Cards.Of(Spec, 3, 4, 19, 20, 20));

        var panel = Assert.Single(AgreementAnalysis.Panels(table));

        Assert.Equal([1, 2], panel.JudgeIds);
        Assert.Equal([1, 2, 3], panel.EntryIds);
        Assert.Equal(1.0, panel.KendallW!.Value, 10);
        Assert.True(panel.Icc21 > 0.9);
    }

    [Fact]
    public void Report_gathers_everything()
    {
        var table = Cards.Table(Spec,
            Cards.Of(Spec, 1, 1, 10, 15, 15), Cards.Of(Spec, 2, 1, 12, 15, 15), Cards.Of(Spec, 3, 1, 0, 10, 10),
            Cards.Of(Spec, 1, 2, 15, 15, 15), Cards.Of(Spec, 2, 2, 16, 15, 15), Cards.Of(Spec, 3, 2, 14, 15, 15));

        var report = AgreementAnalysis.Analyse(table);

        Assert.NotNull(report.Icc1);
        Assert.Single(report.Panels);
        Assert.Equal(3, report.Leniency.Count);
        Assert.Equal((1, 3), (report.Outliers.Single().EntryId, report.Outliers.Single().JudgeId));
    }
}
