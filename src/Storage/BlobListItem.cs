namespace ContestPlatform.Storage;

/// <summary>A blob found by <see cref="IBlobStore.ListAsync"/>.</summary>
/// <param name="Key">The blob's key.</param>
/// <param name="Size">The blob's length in bytes.</param>
public readonly record struct BlobListItem(string Key, long Size);
