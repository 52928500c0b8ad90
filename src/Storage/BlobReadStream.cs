namespace ContestPlatform.Storage;

/// <summary>
/// A forward-only read stream over a provider's stream that stops after a number of bytes (for ranged
/// reads) and turns the provider's read failures into <see cref="StorageException"/>.
/// </summary>
internal sealed class BlobReadStream(Stream inner, long? limit, Func<Exception, CancellationToken, StorageException?>? translate) : Stream
{
    private long? _remaining = limit;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        buffer = Limit(buffer);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        try
        {
            return Count(inner.Read(buffer));
        }
        catch (Exception ex) when (translate?.Invoke(ex, CancellationToken.None) is { } storageException)
        {
            throw storageException;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        buffer = Limit(buffer);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (translate?.Invoke(ex, cancellationToken) is { } storageException)
        {
            throw storageException;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private Span<byte> Limit(Span<byte> buffer) =>
        _remaining is { } remaining && remaining < buffer.Length ? buffer[..(int)remaining] : buffer;

    private Memory<byte> Limit(Memory<byte> buffer) =>
        _remaining is { } remaining && remaining < buffer.Length ? buffer[..(int)remaining] : buffer;

    private int Count(int read)
    {
        _remaining -= read;
        return read;
    }
}
