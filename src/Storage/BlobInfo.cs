namespace ContestPlatform.Storage;

/// <summary>The properties of a stored blob.</summary>
/// <param name="Key">The blob's key.</param>
/// <param name="Size">The blob's length in bytes.</param>
/// <param name="ContentType">The MIME type it was written with.</param>
/// <param name="Metadata">The metadata it was written with; empty when none.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record BlobInfo(
    string Key,
    long Size,
    string ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset LastModified);
