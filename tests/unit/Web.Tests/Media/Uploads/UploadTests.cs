using System.Net;
using System.Text.Json;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Media.Uploads.UploadSteps;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>Uploads that should succeed: real files of every kind, resumed, de-duplicated, listed and removed.</summary>
public sealed class UploadTests(UploadSite site) : IClassFixture<UploadSite>
{
    private async Task<(Entrant Who, int EntryId)> DraftAsync()
    {
        var who = await EntrantAsync(site);
        return (who, await EntryAsync(site, who));
    }

    private async Task<MediaFile> AssertStoredAsync(UploadOutcome outcome, int entryId, MediaKind kind, string contentType, byte[] content, string displayName)
    {
        Assert.True(outcome.Status == HttpStatusCode.Created, $"{(int)outcome.Status}: {outcome.Error}");
        var media = await MediaAsync(site, outcome.MediaId!.Value);
        Assert.Equal(entryId, media.EntryId);
        Assert.Equal(kind, media.Kind);
        Assert.Equal(contentType, media.ContentType);
        Assert.Equal(content.Length, media.Size);
        Assert.Equal(Sha256(content), media.Sha256);
        Assert.Equal(UploadService.OriginalKey(media.Sha256), media.OriginalKey);
        Assert.Equal($"media/originals/{media.Sha256[..2]}/{media.Sha256}", media.OriginalKey);
        Assert.Equal(displayName, media.DisplayName);
        Assert.Equal(MediaState.Pending, media.State);
        Assert.Equal(site.Time.GetUtcNow().UtcDateTime, media.UploadedAt);

        var job = await site.QueryAsync(db => db.MediaJobs.AsNoTracking().SingleAsync(j => j.MediaFileId == media.Id));
        Assert.Equal(MediaState.Pending, job.State);
        Assert.Equal(0, await site.QueryAsync(db => db.UploadSessions.CountAsync(s => s.Id == outcome.SessionId)));
        Assert.False(File.Exists(Path.Combine(site.StagingDirectory, outcome.SessionId + ".part")));

        var info = await site.Blobs.GetInfoAsync(media.OriginalKey);
        Assert.NotNull(info);
        Assert.Equal(contentType, info.ContentType);
        await using var stored = (await site.Blobs.OpenReadAsync(media.OriginalKey))!;
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        return media;
    }

    [Fact]
    public async Task A_jpeg_photo_goes_up_in_chunks_and_is_stored_with_a_pending_job()
    {
        var (who, entryId) = await DraftAsync();
        var jpeg = SampleFiles.Jpeg(1200, 900);
        Assert.True(jpeg.Length > UploadSite.ChunkBytes, "the sample should need more than one chunk");

        var outcome = await UploadAsync(who, entryId, "Photo", "máy sấy.jpg", jpeg);

        var media = await AssertStoredAsync(outcome, entryId, MediaKind.Photo, "image/jpeg", jpeg, "máy sấy.jpg");
        Assert.Equal(1, media.SortOrder);
    }

    [Fact]
    public async Task Png_and_webp_photos_are_accepted_and_numbered_in_order()
    {
        var (who, entryId) = await DraftAsync();
        var png = SampleFiles.Png();
        var webp = SampleFiles.WebP();

        var first = await AssertStoredAsync(await UploadAsync(who, entryId, "Photo", "so-do.png", png), entryId, MediaKind.Photo, "image/png", png, "so-do.png");
        var second = await AssertStoredAsync(await UploadAsync(who, entryId, "photo", "anh.webp", webp), entryId, MediaKind.Photo, "image/webp", webp, "anh.webp");

        Assert.Equal(1, first.SortOrder);
        Assert.Equal(2, second.SortOrder);
    }

    [Fact]
    public async Task A_short_mp4_video_is_accepted_after_ffprobe_reads_it()
    {
        var (who, entryId) = await DraftAsync();
        var mp4 = SampleFiles.Mp4();

        var outcome = await UploadAsync(who, entryId, "Video", "gioi-thieu.mp4", mp4);

        await AssertStoredAsync(outcome, entryId, MediaKind.Video, "video/mp4", mp4, "gioi-thieu.mp4");
    }

    [Fact]
    public async Task A_pdf_is_accepted_as_the_thuyet_minh()
    {
        var (who, entryId) = await DraftAsync();
        var pdf = SampleFiles.Pdf();

        var outcome = await UploadAsync(who, entryId, "Document", "Thuyết minh công trình.pdf", pdf);

        await AssertStoredAsync(outcome, entryId, MediaKind.Document, "application/pdf", pdf, "Thuyết minh công trình.pdf");
    }

    [Fact]
    public async Task The_confirmation_of_the_applying_unit_may_be_a_pdf_or_a_scanned_photo()
    {
        var (who, entryId) = await DraftAsync();
        var pdf = SampleFiles.Pdf();
        var scan = SampleFiles.Jpeg(400, 560);

        await AssertStoredAsync(await UploadAsync(who, entryId, "Evidence", "xac-nhan.pdf", pdf), entryId, MediaKind.Evidence, "application/pdf", pdf, "xac-nhan.pdf");
        await AssertStoredAsync(await UploadAsync(who, entryId, "Evidence", "xac-nhan.jpg", scan), entryId, MediaKind.Evidence, "image/jpeg", scan, "xac-nhan.jpg");
    }

    [Fact]
    public async Task An_upload_resumes_from_the_bytes_the_server_has_after_a_lost_chunk()
    {
        var (who, entryId) = await DraftAsync();
        var jpeg = SampleFiles.Jpeg(1400, 1000);
        var chunk = UploadSite.ChunkBytes;
        var start = await StartAsync(who, entryId, "Photo", "anh.jpg", jpeg.Length);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await JsonAsync(start);
        var id = started.GetProperty("id").GetString()!;
        Assert.Equal(chunk, started.GetProperty("chunkBytes").GetInt32());
        Assert.Equal(0, started.GetProperty("received").GetInt64());
        Assert.Equal($"{Api}/{id}", start.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, id, 0, jpeg.AsMemory(0, chunk))).StatusCode);
        // The client thinks the second chunk was lost and the third is due: the server says where it stands.
        var skipped = await PutAsync(who, id, 2L * chunk, jpeg.AsMemory(2 * chunk, chunk));
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        var conflict = await JsonAsync(skipped);
        Assert.Equal(chunk, conflict.GetProperty("received").GetInt64());
        AssertVietnamese(conflict.GetProperty("error").GetString());
        // Completing too early is a 409 too, and keeps the upload.
        var early = await CompleteAsync(who, id);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(chunk, (await JsonAsync(early)).GetProperty("received").GetInt64());

        // After a reload the page asks how far it got, then carries on.
        var status = await JsonAsync(await StatusAsync(who, id));
        Assert.Equal(chunk, status.GetProperty("received").GetInt64());
        Assert.Equal(jpeg.Length, status.GetProperty("size").GetInt64());
        for (long offset = chunk; offset < jpeg.Length; offset += chunk)
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, id, offset, jpeg.AsMemory((int)offset, (int)Math.Min(chunk, jpeg.Length - offset)))).StatusCode);
        var done = await CompleteAsync(who, id);

        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var media = await MediaAsync(site, (await JsonAsync(done)).GetProperty("mediaId").GetInt32());
        Assert.Equal(Sha256(jpeg), media.Sha256);
    }

    [Fact]
    public async Task Identical_content_in_two_entries_is_stored_once()
    {
        var (first, firstEntry) = await DraftAsync();
        var (second, secondEntry) = await DraftAsync();
        var pdf = SampleFiles.Pdf("cung-noi-dung-" + Guid.NewGuid().ToString("N"));

        var a = await UploadAsync(first, firstEntry, "Document", "a.pdf", pdf);
        var b = await UploadAsync(second, secondEntry, "Document", "b.pdf", pdf);

        Assert.Equal(HttpStatusCode.Created, a.Status);
        Assert.Equal(HttpStatusCode.Created, b.Status);
        var (ma, mb) = (await MediaAsync(site, a.MediaId!.Value), await MediaAsync(site, b.MediaId!.Value));
        Assert.Equal(ma.OriginalKey, mb.OriginalKey);
        var copies = new List<string>();
        await foreach (var blob in site.Blobs.ListAsync($"media/originals/{ma.Sha256[..2]}/"))
            if (blob.Key.EndsWith(ma.Sha256, StringComparison.Ordinal))
                copies.Add(blob.Key);
        Assert.Single(copies);
    }

    [Fact]
    public async Task Removing_a_file_deletes_its_rows_and_keeps_the_blob_while_another_file_has_the_same_content()
    {
        var (first, firstEntry) = await DraftAsync();
        var (second, secondEntry) = await DraftAsync();
        var jpeg = SampleFiles.Jpeg(300, 200);
        var a = (await UploadAsync(first, firstEntry, "Photo", "a.jpg", jpeg)).MediaId!.Value;
        var b = (await UploadAsync(second, secondEntry, "Photo", "b.jpg", jpeg)).MediaId!.Value;
        var key = (await MediaAsync(site, a)).OriginalKey;

        Assert.Equal(HttpStatusCode.NoContent, (await RemoveAsync(first, a)).StatusCode);

        Assert.False(await site.QueryAsync(db => db.MediaFiles.AnyAsync(m => m.Id == a)));
        Assert.False(await site.QueryAsync(db => db.MediaJobs.AnyAsync(j => j.MediaFileId == a)));
        Assert.True(await site.Blobs.ExistsAsync(key), "the other entry still uses this content");

        Assert.Equal(HttpStatusCode.NoContent, (await RemoveAsync(second, b)).StatusCode);

        Assert.False(await site.Blobs.ExistsAsync(key));
    }

    [Fact]
    public async Task The_file_list_shows_each_file_with_its_state_in_vietnamese_and_unfinished_uploads()
    {
        var (who, entryId) = await DraftAsync();
        var photo = (await UploadAsync(who, entryId, "Photo", "anh.jpg", SampleFiles.Jpeg())).MediaId!.Value;
        var pdf = (await UploadAsync(who, entryId, "Document", "tm.pdf", SampleFiles.Pdf())).MediaId!.Value;
        await site.QueryAsync(async db =>
        {
            await db.MediaFiles.Where(m => m.Id == photo).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MediaState.Ready));
            return await db.MediaFiles.Where(m => m.Id == pdf).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, MediaState.Failed).SetProperty(m => m.Error, "Tệp PDF có mật khẩu"));
        });
        var unfinished = await JsonAsync(await StartAsync(who, entryId, "Video", "video.mp4", 5_000_000));

        var list = await JsonAsync(await ListAsync(who, entryId));

        Assert.True(list.GetProperty("canEdit").GetBoolean());
        Assert.Equal(20, list.GetProperty("maxFiles").GetInt32());
        var files = list.GetProperty("files").EnumerateArray().ToList();
        var ready = files.Single(f => f.GetProperty("id").GetInt32() == photo);
        Assert.Equal("Sẵn sàng", ready.GetProperty("stateLabel").GetString());
        Assert.Equal($"/tep/{photo}/anh-nho.jpg", ready.GetProperty("thumbnailUrl").GetString());
        var failed = files.Single(f => f.GetProperty("id").GetInt32() == pdf);
        Assert.Equal("Lỗi: Tệp PDF có mật khẩu", failed.GetProperty("stateLabel").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("thumbnailUrl").ValueKind);
        var open = Assert.Single(list.GetProperty("unfinished").EnumerateArray());
        Assert.Equal(unfinished.GetProperty("id").GetString(), open.GetProperty("id").GetString());
        Assert.Equal("video.mp4", open.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_nothing_behind()
    {
        var (who, entryId) = await DraftAsync();
        var jpeg = SampleFiles.Jpeg(900, 700);
        var id = (await JsonAsync(await StartAsync(who, entryId, "Photo", "anh.jpg", jpeg.Length))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, id, 0, jpeg.AsMemory(0, UploadSite.ChunkBytes))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await CancelAsync(who, id)).StatusCode);

        await AssertNothingStoredAsync(site, entryId, jpeg, id);
        Assert.Equal(HttpStatusCode.NotFound, (await StatusAsync(who, id)).StatusCode);
    }
}
