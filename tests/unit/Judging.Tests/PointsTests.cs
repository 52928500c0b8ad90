namespace ContestPlatform.Judging.Tests;

public class PointsTests
{
    [Theory]
    [InlineData(0.5, "0,5")]
    [InlineData(30, "30")]
    [InlineData(30.00, "30")]
    [InlineData(12.25, "12,25")]
    public void Points_are_written_with_a_decimal_comma_and_no_trailing_zeros(decimal value, string text)
    {
        Assert.Equal(text, Points.Format(value));
    }

    [Theory]
    [InlineData(10.125, 10.13)]
    [InlineData(10.124, 10.12)]
    [InlineData(-0.005, -0.01)]
    public void Scores_round_to_two_decimals_half_away_from_zero(decimal value, decimal rounded)
    {
        Assert.Equal(rounded, Points.RoundScore(value));
    }
}
