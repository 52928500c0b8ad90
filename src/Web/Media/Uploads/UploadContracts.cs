namespace ContestPlatform.Web.Media.Uploads;

// The JSON of the upload API (camelCase on the wire). Documented in UploadEndpoints.

/// <summary>Body of <c>POST /api/tai-len</c>. <see cref="Kind"/> is Photo, Video, Document or Evidence.</summary>
public sealed record StartUploadRequest(int EntryId, string? Kind, string? FileName, long Size);

public sealed record UploadStarted(string Id, int ChunkBytes, long Received);

public sealed record UploadProgress(long Received, long Size);

public sealed record UploadCompleted(int MediaId);

public sealed record UploadError(string Error);

/// <summary>A 409: the client's offset is not where the server stands; resume from <see cref="Received"/>.</summary>
public sealed record UploadResume(long Received, string Error);

public sealed record EntryMediaList(bool CanEdit, int MaxFiles, IReadOnlyList<MediaItem> Files, IReadOnlyList<UnfinishedUpload> Unfinished);

public sealed record MediaItem(int Id, string Kind, string Name, long Size, string State, string StateLabel, string? ThumbnailUrl);

public sealed record UnfinishedUpload(string Id, string Kind, string Name, long Size, long Received);
