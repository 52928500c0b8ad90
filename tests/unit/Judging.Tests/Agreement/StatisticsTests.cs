using ContestPlatform.Judging.Agreement;

namespace ContestPlatform.Judging.Tests.Agreement;

public class StatisticsTests
{
    // Shrout & Fleiss (1979), table 2: 6 targets rated by 4 judges.
    private static readonly double[,] ShroutFleiss =
    {
        { 9, 2, 5, 8 },
        { 6, 1, 3, 2 },
        { 8, 4, 6, 8 },
        { 7, 1, 2, 6 },
        { 10, 5, 6, 9 },
        { 6, 2, 4, 7 },
    };

    [Fact]
    public void Icc21_matches_Shrout_and_Fleiss()
    {
        Assert.Equal(0.29, IntraclassCorrelation.TwoWayRandomSingle(ShroutFleiss)!.Value, 2);
    }

    [Fact]
    public void Icc1_matches_Shrout_and_Fleiss()
    {
        var groups = Enumerable.Range(0, 6).Select(i => (IReadOnlyList<double>)[.. Enumerable.Range(0, 4).Select(j => ShroutFleiss[i, j])]);
        Assert.Equal(0.17, IntraclassCorrelation.OneWay(groups)!.Value, 2);
    }

    [Fact]
    public void Icc1_handles_groups_of_different_sizes_and_skips_single_ratings()
    {
        IReadOnlyList<double>[] groups = [[10, 10, 10], [20, 20], [30], [5, 5, 5, 5]];
        Assert.Equal(1.0, IntraclassCorrelation.OneWay(groups)!.Value, 10);
    }

    [Fact]
    public void Icc_is_null_when_undefined()
    {
        Assert.Null(IntraclassCorrelation.OneWay([[1, 1], [1, 1]]));
        Assert.Null(IntraclassCorrelation.OneWay([[1, 2]]));
        Assert.Null(IntraclassCorrelation.TwoWayRandomSingle(new double[,] { { 1, 1 }, { 1, 1 } }));
        Assert.Null(IntraclassCorrelation.TwoWayRandomSingle(new double[,] { { 1, 2 } }));
    }

    [Fact]
    public void Kendall_w_matches_a_hand_computation_with_ties()
    {
        // Judge 1 ties two targets (6, 6); W with tie correction is 0.887.
        Assert.Equal(0.887, KendallW.Compute(ShroutFleiss)!.Value, 3);
    }

    [Fact]
    public void Kendall_w_is_1_for_identical_orders_and_0_for_opposite_orders()
    {
        Assert.Equal(1.0, KendallW.Compute(new double[,] { { 1, 10, 5 }, { 2, 20, 6 }, { 3, 30, 7 } })!.Value, 10);
        Assert.Equal(0.0, KendallW.Compute(new double[,] { { 1, 3 }, { 2, 2 }, { 3, 1 } })!.Value, 10);
    }

    [Fact]
    public void Kendall_w_is_null_when_undefined()
    {
        Assert.Null(KendallW.Compute(new double[,] { { 1, 2, 3 } }));
        Assert.Null(KendallW.Compute(new double[,] { { 1 }, { 2 } }));
        Assert.Null(KendallW.Compute(new double[,] { { 5, 5 }, { 5, 5 } }));
    }
}
