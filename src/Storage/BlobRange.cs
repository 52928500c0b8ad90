namespace ContestPlatform.Storage;

/// <summary>A range of bytes to read from a blob: <see cref="Length"/> bytes starting at <see cref="Offset"/>.</summary>
public readonly record struct BlobRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="offset">The first byte to read, counted from 0.</param>
    /// <param name="length">How many bytes to read; <see langword="null"/> reads to the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">The offset or length is negative.</exception>
    public BlobRange(long offset, long? length = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(l, nameof(length));
        }

        Offset = offset;
        Length = length;
    }

    /// <summary>The first byte to read, counted from 0.</summary>
    public long Offset { get; }

    /// <summary>How many bytes to read; <see langword="null"/> reads to the end of the blob.</summary>
    public long? Length { get; }

    /// <summary>How many bytes this range covers in a blob of <paramref name="blobSize"/> bytes.</summary>
    internal long LengthWithin(long blobSize) =>
        Offset >= blobSize ? 0 : Math.Min(Length ?? long.MaxValue, blobSize - Offset);
}
