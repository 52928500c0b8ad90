namespace ContestPlatform.Storage.Tests;

public sealed class BlobRangeTests
{
    [Fact]
    public void Negative_offset_or_length_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlobRange(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlobRange(0, -1));
    }

    [Theory]
    [InlineData(0L, null, 10L, 10L)]
    [InlineData(4L, null, 10L, 6L)]
    [InlineData(4L, 3L, 10L, 3L)]
    [InlineData(8L, 100L, 10L, 2L)]
    [InlineData(10L, null, 10L, 0L)]
    [InlineData(50L, 5L, 10L, 0L)]
    [InlineData(0L, 0L, 10L, 0L)]
    public void Range_is_cut_to_the_blob(long offset, long? length, long blobSize, long expected)
    {
        Assert.Equal(expected, new BlobRange(offset, length).LengthWithin(blobSize));
    }
}
