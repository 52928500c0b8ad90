using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using ContestPlatform.Storage;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media.Processing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Media.Uploads;

/// <summary>
/// The upload API's behaviour, one method per endpoint (see <see cref="UploadEndpoints"/>). Every refusal
/// answers a 4xx with <c>{ error }</c> in Vietnamese and leaves nothing behind: the session row and its
/// staging file are removed, and no blob or media row is written. The only exceptions are a 409 (the
/// client resumes from <c>received</c>) and a 423 (another request is still writing the same upload).
/// </summary>
public sealed class UploadService(
    AppDbContext db,
    TimeProvider time,
    IOptions<UploadOptions> options,
    StagingArea staging,
    UploadLocks locks,
    UploadInspector inspector,
    VideoProbe videoProbe,
    IBlobStore blobs,
    MediaJobSignal signal,
    MediaJobs jobs,
    ILogger<UploadService> logger)
{
    /// <summary>Room for HTTP framing above a chunk; the chunk itself is counted exactly.</summary>
    private const int BodyMargin = 64 * 1024;
    private const int CopyBlock = 64 * 1024;

    private UploadOptions Limits => options.Value;
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The blob key of an original: one per content, named by its SHA-256.</summary>
    public static string OriginalKey(string sha256) => $"media/originals/{sha256[..2]}/{sha256}";

    public async Task<IResult> StartAsync(HttpContext http)
    {
        LimitBody(http, BodyMargin);
        StartUploadRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<StartUploadRequest>(http.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Error(StatusCodes.Status400BadRequest, UploadMessages.BadRequest);
        }
        if (request is null || request.EntryId <= 0)
            return Error(StatusCodes.Status400BadRequest, UploadMessages.BadRequest);
        if (!Enum.TryParse<MediaKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
            return Error(StatusCodes.Status400BadRequest, UploadMessages.BadKind);

        var (entry, refusal) = await EditableEntryAsync(request.EntryId, UserId(http), http.RequestAborted);
        if (refusal is not null)
            return refusal;
        if (kind == MediaKind.Video && videoProbe.OffReason is { } videoOff)
            return Error(StatusCodes.Status422UnprocessableEntity, UploadMessages.VideoOff(videoOff));
        if (FileNames.Problem(request.FileName) is { } badName)
            return Error(StatusCodes.Status422UnprocessableEntity, badName);
        if (request.Size <= 0)
            return Error(StatusCodes.Status422UnprocessableEntity, UploadMessages.Empty);
        if (request.Size > Limits.MaxBytesFor(kind))
            return Error(StatusCodes.Status413PayloadTooLarge, UploadMessages.TooLarge(kind, Limits.MaxBytesFor(kind)));

        var now = Now;
        var used = await db.MediaFiles.CountAsync(m => m.EntryId == entry!.Id, http.RequestAborted)
                   + await db.UploadSessions.CountAsync(s => s.EntryId == entry!.Id && s.ExpiresAt > now, http.RequestAborted);
        if (used >= Limits.MaxFilesPerEntry)
            return Error(StatusCodes.Status422UnprocessableEntity, UploadMessages.TooManyFiles(Limits.MaxFilesPerEntry));

        var session = new UploadSession
        {
            Id = SessionIds.New(),
            EntryId = entry!.Id,
            UserId = UserId(http),
            Kind = kind,
            DisplayName = FileNames.Clean(request.FileName),
            DeclaredSize = request.Size,
            CreatedAt = now,
            ExpiresAt = now + Limits.SessionLifetime,
        };
        db.UploadSessions.Add(session);
        await db.SaveChangesAsync(http.RequestAborted);
        // The row exists before the file, so the sweeper never takes a new file for an orphan.
        staging.Create(session.Id);
        return Results.Created($"{UploadEndpoints.BasePath}/{session.Id}", new UploadStarted(session.Id, Limits.ChunkBytes, 0));
    }

    public async Task<IResult> StatusAsync(HttpContext http, string id)
    {
        var (session, refusal) = await OpenSessionAsync(http, id);
        if (refusal is not null)
            return refusal;
        var received = await SyncReceivedAsync(session!);
        return Results.Ok(new UploadProgress(received, session!.DeclaredSize));
    }

    public async Task<IResult> AppendAsync(HttpContext http, string id, string? offsetText)
    {
        if (!SessionIds.IsValid(id))
            return Error(StatusCodes.Status404NotFound, UploadMessages.SessionNotFound);
        using var held = locks.TryEnterSession(id);
        if (held is null)
            return Busy(http, id);
        var (session, refusal) = await OpenSessionAsync(http, id);
        if (refusal is not null)
            return refusal;
        if (await EditRefusalAsync(session!, http) is { } locked)
            return locked;
        if (!long.TryParse(offsetText, out var offset) || offset < 0)
            return Error(StatusCodes.Status400BadRequest, UploadMessages.BadRequest);

        var received = await SyncReceivedAsync(session!);
        if (offset != received)
            return Results.Json(new UploadResume(received, UploadMessages.OffsetMismatch(received)), statusCode: StatusCodes.Status409Conflict);
        var remaining = session!.DeclaredSize - received;
        if (http.Request.ContentLength > Limits.ChunkBytes)
            return await DiscardAsync(session, StatusCodes.Status413PayloadTooLarge, UploadMessages.ChunkTooLarge(Limits.ChunkBytes));
        if (http.Request.ContentLength > remaining)
            return await DiscardAsync(session, StatusCodes.Status413PayloadTooLarge, UploadMessages.OverDeclared);

        LimitBody(http, Limits.ChunkBytes + BodyMargin);
        var outcome = await AppendBodyAsync(http, staging.PathFor(id), received, Math.Min(Limits.ChunkBytes, remaining));
        switch (outcome)
        {
            case AppendOutcome.Busy:
                return Busy(http, id);
            case AppendOutcome.TooMuch:
                return await DiscardAsync(session, StatusCodes.Status413PayloadTooLarge,
                    remaining <= Limits.ChunkBytes ? UploadMessages.OverDeclared : UploadMessages.ChunkTooLarge(Limits.ChunkBytes));
            case AppendOutcome.Aborted:
                // The client is gone. What was written stays; the next GET or PUT resumes from there.
                received = await SyncReceivedAsync(session, CancellationToken.None);
                logger.LogInformation("Upload {Id} was cut off at {Received} of {Size} bytes", id, received, session.DeclaredSize);
                return Error(StatusCodes.Status400BadRequest, UploadMessages.Incomplete(received, session.DeclaredSize));
        }

        received = staging.Length(id);
        session.Received = received;
        session.ExpiresAt = Max(session.ExpiresAt, Now + Limits.SessionLifetime); // an upload in progress stays alive
        await db.SaveChangesAsync(CancellationToken.None);

        // Refuse a wrong file as soon as its first bytes are here, not after a gigabyte.
        if (offset < ContentSniffer.HeaderLength && (received >= ContentSniffer.HeaderLength || received == session.DeclaredSize))
        {
            try
            {
                UploadInspector.CheckHead(await ReadHeadAsync(staging.PathFor(id)), session.DeclaredSize, session.Kind);
            }
            catch (UploadRefusedException ex)
            {
                return await DiscardAsync(session, ex.StatusCode, ex.Message);
            }
        }
        return Results.Ok(new UploadProgress(received, session.DeclaredSize));
    }

    public async Task<IResult> CompleteAsync(HttpContext http, string id)
    {
        if (!SessionIds.IsValid(id))
            return Error(StatusCodes.Status404NotFound, UploadMessages.SessionNotFound);
        using var held = locks.TryEnterSession(id);
        if (held is null)
            return Busy(http, id);
        var (session, refusal) = await OpenSessionAsync(http, id);
        if (refusal is not null)
            return refusal;
        if (await EditRefusalAsync(session!, http) is { } locked)
            return locked;

        var received = await SyncReceivedAsync(session!);
        if (received < session!.DeclaredSize)
            return Results.Json(new UploadResume(received, UploadMessages.Incomplete(received, session.DeclaredSize)), statusCode: StatusCodes.Status409Conflict);
        if (received > session.DeclaredSize)
            return await DiscardAsync(session, StatusCodes.Status413PayloadTooLarge, UploadMessages.OverDeclared);
        if (await db.MediaFiles.CountAsync(m => m.EntryId == session.EntryId, http.RequestAborted) >= Limits.MaxFilesPerEntry)
            return await DiscardAsync(session, StatusCodes.Status422UnprocessableEntity, UploadMessages.TooManyFiles(Limits.MaxFilesPerEntry));

        var path = staging.PathFor(id);
        InspectedFile inspected;
        try
        {
            inspected = await inspector.InspectAsync(path, session.Kind, http.RequestAborted);
        }
        catch (UploadRefusedException ex)
        {
            logger.LogInformation("Upload {Id} ({Kind}) refused: {Reason}", id, session.Kind, ex.Message);
            return await DiscardAsync(session, ex.StatusCode, ex.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client left while its file was being checked; it can ask to complete again.
            return Error(StatusCodes.Status400BadRequest, UploadMessages.BadRequest);
        }

        MediaFile media;
        try
        {
            media = await StoreAsync(session, inspected, path, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Error(StatusCodes.Status400BadRequest, UploadMessages.BadRequest);
        }
        catch (UploadRefusedException ex)
        {
            logger.LogInformation("Upload {Id} refused at storing: {Reason}", id, ex.Message);
            return await DiscardAsync(session, ex.StatusCode, ex.Message);
        }
        catch (StorageException ex)
        {
            // Not the entrant's fault: keep the upload so "hoàn tất" can simply be tried again.
            logger.LogWarning(ex, "Storing upload {Id} failed", id);
            return Error(StatusCodes.Status503ServiceUnavailable, UploadMessages.StorageFailed);
        }
        staging.Delete(id);
        logger.LogInformation("Upload {Id} stored as media {MediaId} ({ContentType}, {Size} bytes)", id, media.Id, media.ContentType, media.Size);
        return Results.Json(new UploadCompleted(media.Id), statusCode: StatusCodes.Status201Created);
    }

    public async Task<IResult> CancelAsync(HttpContext http, string id)
    {
        if (!SessionIds.IsValid(id))
            return Error(StatusCodes.Status404NotFound, UploadMessages.SessionNotFound);
        using var held = locks.TryEnterSession(id);
        if (held is null)
            return Busy(http, id);
        var session = await db.UploadSessions.FirstOrDefaultAsync(s => s.Id == id && s.UserId == UserId(http), http.RequestAborted);
        if (session is null)
            return Error(StatusCodes.Status404NotFound, UploadMessages.SessionNotFound);
        await RemoveSessionAsync(session);
        return Results.NoContent();
    }

    /// <summary>The files of an entry with their processing state, and uploads that can still be resumed or cancelled.</summary>
    public async Task<IResult> ListAsync(HttpContext http, int entryId)
    {
        var userId = UserId(http);
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.OwnerId == userId, http.RequestAborted);
        if (entry is null)
            return Error(StatusCodes.Status404NotFound, UploadMessages.EntryNotFound);
        var canEdit = EntryWorkflow.CanEdit(entry, await db.TimelineAsync(time, http.RequestAborted));
        var media = await db.MediaFiles.AsNoTracking().Where(m => m.EntryId == entryId)
            .OrderBy(m => m.Kind).ThenBy(m => m.SortOrder).ToListAsync(http.RequestAborted);
        var now = Now;
        var sessions = await db.UploadSessions.AsNoTracking()
            .Where(s => s.EntryId == entryId && s.UserId == userId && s.ExpiresAt > now)
            .OrderBy(s => s.CreatedAt).ToListAsync(http.RequestAborted);
        return Results.Ok(new EntryMediaList(
            canEdit,
            Limits.MaxFilesPerEntry,
            media.Select(EntryUploaderModel.Describe).ToList(),
            sessions.Select(s => new UnfinishedUpload(s.Id, s.Kind.ToString(), s.DisplayName, s.DeclaredSize, staging.Length(s.Id))).ToList()));
    }

    /// <summary>Removes a file from an editable entry; its blobs go too unless another file has the same content.</summary>
    public async Task<IResult> RemoveAsync(HttpContext http, int mediaId)
    {
        var media = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == mediaId, http.RequestAborted);
        var userId = UserId(http);
        if (media is null || !await db.Entries.AnyAsync(e => e.Id == media.EntryId && e.OwnerId == userId, http.RequestAborted))
            return Error(StatusCodes.Status404NotFound, UploadMessages.MediaNotFound);
        var (_, refusal) = await EditableEntryAsync(media.EntryId, userId, http.RequestAborted);
        if (refusal is not null)
            return refusal;

        using (await locks.EnterContentAsync(media.Sha256, CancellationToken.None))
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
            {
                await db.MediaJobs.Where(j => j.MediaFileId == media.Id).ExecuteDeleteAsync(CancellationToken.None);
                db.MediaFiles.Remove(media);
                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }

            string?[] keys = [media.OriginalKey, media.DisplayKey, media.DisplayJpegKey, media.ThumbKey, media.ThumbJpegKey, media.PosterKey, media.PlaybackKey];
            foreach (var key in keys.OfType<string>().Where(k => k.Length > 0).Distinct())
            {
                var stillUsed = await db.MediaFiles.AnyAsync(m =>
                    m.OriginalKey == key || m.DisplayKey == key || m.DisplayJpegKey == key || m.ThumbKey == key
                    || m.ThumbJpegKey == key || m.PosterKey == key || m.PlaybackKey == key, CancellationToken.None);
                if (stillUsed)
                    continue;
                try
                {
                    await blobs.DeleteAsync(key, CancellationToken.None);
                }
                catch (StorageException ex)
                {
                    // The rows are gone; an unreferenced blob is only wasted space.
                    logger.LogWarning(ex, "Could not delete blob {Key} of removed media {MediaId}", key, media.Id);
                }
            }
        }
        return Results.NoContent();
    }

    /// <summary>
    /// Queues a file of an editable entry again after its processing failed ("Thử lại" beside the reason):
    /// 204, or 409 when the file is not failed (already queued, being processed or ready).
    /// </summary>
    public async Task<IResult> RetryAsync(HttpContext http, int mediaId)
    {
        var userId = UserId(http);
        var media = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, http.RequestAborted);
        if (media is null || !await db.Entries.AnyAsync(e => e.Id == media.EntryId && e.OwnerId == userId, http.RequestAborted))
            return Error(StatusCodes.Status404NotFound, UploadMessages.MediaNotFound);
        var (_, refusal) = await EditableEntryAsync(media.EntryId, userId, http.RequestAborted);
        if (refusal is not null)
            return refusal;
        if (media.State != MediaState.Failed || !await jobs.RetryAsync(mediaId, http.RequestAborted))
            return Error(StatusCodes.Status409Conflict, UploadMessages.NotFailed);
        logger.LogInformation("Media {MediaId} queued again by its owner", mediaId);
        return Results.NoContent();
    }

    // Writes the original once per content, then the media and job rows in one transaction.
    private async Task<MediaFile> StoreAsync(UploadSession session, InspectedFile inspected, string path, CancellationToken cancellationToken)
    {
        var key = OriginalKey(inspected.Sha256);
        using var contentLock = await locks.EnterContentAsync(inspected.Sha256, cancellationToken);
        var wroteBlob = false;
        if (!await blobs.ExistsAsync(key, cancellationToken))
        {
            await using var source = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = 0,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
            await blobs.WriteAsync(key, source, inspected.Content.ContentType, null, cancellationToken);
            wroteBlob = true;
        }

        var now = Now;
        try
        {
            // The limit is checked again here, under the entry's lock and in the insert's transaction: the
            // checks at start and before inspecting let parallel completions all pass with one place left.
            using var entryLock = await locks.EnterEntryAsync(session.EntryId, CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            if (await db.MediaFiles.CountAsync(m => m.EntryId == session.EntryId, CancellationToken.None) >= Limits.MaxFilesPerEntry)
                throw new UploadRefusedException(StatusCodes.Status422UnprocessableEntity, UploadMessages.TooManyFiles(Limits.MaxFilesPerEntry));
            var last = await db.MediaFiles.Where(m => m.EntryId == session.EntryId).MaxAsync(m => (int?)m.SortOrder, CancellationToken.None);
            var media = new MediaFile
            {
                EntryId = session.EntryId,
                Kind = session.Kind,
                SortOrder = (last ?? 0) + 1,
                Sha256 = inspected.Sha256,
                OriginalKey = key,
                Size = inspected.Size,
                ContentType = inspected.Content.ContentType,
                DisplayName = session.DisplayName,
                State = MediaState.Pending,
                UploadedAt = now,
            };
            db.MediaFiles.Add(media);
            db.UploadSessions.Remove(session);
            await db.SaveChangesAsync(CancellationToken.None);
            db.MediaJobs.Add(new MediaJob { MediaFileId = media.Id, State = MediaState.Pending, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            signal.Notify();
            return media;
        }
        catch
        {
            db.ChangeTracker.Clear();
            if (wroteBlob && !await db.MediaFiles.AnyAsync(m => m.Sha256 == inspected.Sha256, CancellationToken.None))
                await blobs.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    private enum AppendOutcome { Completed, TooMuch, Aborted, Busy }

    // Request body → staging file, one small block at a time: memory stays flat whatever the chunk size.
    private static async Task<AppendOutcome> AppendBodyAsync(HttpContext http, string path, long received, long allowed)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                Options = FileOptions.Asynchronous,
            });
        }
        catch (IOException)
        {
            return AppendOutcome.Busy;
        }

        var block = ArrayPool<byte>.Shared.Rent(CopyBlock);
        await using (file)
        {
            try
            {
                file.Position = received;
                long written = 0;
                while (true)
                {
                    var read = await http.Request.Body.ReadAsync(block.AsMemory(0, CopyBlock), http.RequestAborted);
                    if (read == 0)
                        return AppendOutcome.Completed;
                    if (written + read > allowed)
                        return AppendOutcome.TooMuch;
                    // Never cancel a write half-way: the file must hold whole blocks exactly as received.
                    await file.WriteAsync(block.AsMemory(0, read), CancellationToken.None);
                    written += read;
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                return AppendOutcome.Aborted;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(block);
            }
        }
    }

    private static async Task<byte[]> ReadHeadAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
        var head = new byte[ContentSniffer.HeaderLength];
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    private async Task<(UploadSession? Session, IResult? Refusal)> OpenSessionAsync(HttpContext http, string id)
    {
        if (!SessionIds.IsValid(id))
            return (null, Error(StatusCodes.Status404NotFound, UploadMessages.SessionNotFound));
        var userId = UserId(http);
        var session = await db.UploadSessions.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, http.RequestAborted);
        if (session is null)
            return (null, Error(StatusCodes.Status404NotFound, UploadMessages.SessionNotFound));
        if (session.ExpiresAt <= Now)
            return (null, await DiscardAsync(session, StatusCodes.Status410Gone, UploadMessages.SessionExpired));
        return (session, null);
    }

    private async Task<IResult?> EditRefusalAsync(UploadSession session, HttpContext http)
    {
        var (_, refusal) = await EditableEntryAsync(session.EntryId, session.UserId, http.RequestAborted);
        if (refusal is null)
            return null;
        await RemoveSessionAsync(session);
        return refusal;
    }

    /// <summary>The owner's entry if it may still be changed; another user's entry is "not found".</summary>
    private async Task<(Entry? Entry, IResult? Refusal)> EditableEntryAsync(int entryId, string userId, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.OwnerId == userId, cancellationToken);
        if (entry is null)
            return (null, Error(StatusCodes.Status404NotFound, UploadMessages.EntryNotFound));
        if (!EntryWorkflow.CanEdit(entry, await db.TimelineAsync(time, cancellationToken)))
            return (null, Error(StatusCodes.Status403Forbidden, UploadMessages.Locked));
        return (entry, null);
    }

    // The staging file's length is the truth; the row follows it (after a cut-off chunk, for instance).
    private async Task<long> SyncReceivedAsync(UploadSession session, CancellationToken cancellationToken = default)
    {
        var received = staging.Length(session.Id);
        if (session.Received != received)
        {
            session.Received = received;
            await db.SaveChangesAsync(cancellationToken);
        }
        return received;
    }

    private async Task<IResult> DiscardAsync(UploadSession session, int statusCode, string message)
    {
        await RemoveSessionAsync(session);
        return Error(statusCode, message);
    }

    private async Task RemoveSessionAsync(UploadSession session)
    {
        await db.UploadSessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(CancellationToken.None);
        db.Entry(session).State = EntityState.Detached;
        staging.Delete(session.Id);
    }

    private IResult Busy(HttpContext http, string id)
    {
        http.Response.Headers.RetryAfter = "2";
        return Results.Json(new UploadResume(staging.Length(id), UploadMessages.Busy), statusCode: StatusCodes.Status423Locked);
    }

    internal static IResult Error(int statusCode, string message) => Results.Json(new UploadError(message), statusCode: statusCode);

    internal static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static void LimitBody(HttpContext http, long bytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = bytes;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
