using ContestPlatform.Web.Media.Serving;

namespace ContestPlatform.Web.Tests.Media.Serving;

public class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-99", 0, 100)]
    [InlineData("bytes=100-199", 100, 100)]
    [InlineData("bytes=900-", 900, 100)]
    [InlineData("bytes=990-5000", 990, 10)]
    [InlineData("bytes=-50", 950, 50)]
    [InlineData("bytes=-5000", 0, 1000)]
    [InlineData("BYTES=5-5", 5, 1)]
    public void One_range_is_cut_to_the_file(string header, long offset, long length) =>
        Assert.Equal(new ByteRange(RangeOutcome.Partial, offset, length), ByteRange.Resolve(header, 1000));

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=1000-1001")]
    [InlineData("bytes=-0")]
    public void A_range_outside_the_file_is_unsatisfiable(string header) =>
        Assert.Equal(RangeOutcome.Unsatisfiable, ByteRange.Resolve(header, 1000).Outcome);

    [Fact]
    public void An_empty_file_satisfies_no_range() =>
        Assert.Equal(RangeOutcome.Unsatisfiable, ByteRange.Resolve("bytes=0-", 0).Outcome);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("items=0-5")]
    [InlineData("bytes=0-5,10-20")]
    [InlineData("bytes=9-5")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes=+1-5")]
    [InlineData("bytes=5")]
    [InlineData("bytes=-")]
    public void Anything_else_is_ignored_and_the_whole_file_sent(string? header) =>
        Assert.Equal(new ByteRange(RangeOutcome.Whole, 0, 1000), ByteRange.Resolve(header, 1000));
}
