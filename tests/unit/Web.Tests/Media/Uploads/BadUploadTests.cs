using System.Net;
using System.Text;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Media.Uploads.UploadSteps;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>
/// The bad input of the issue, each refused with a 4xx and a Vietnamese message, and nothing stored:
/// no media or job row, no blob, no session, no staging file.
/// </summary>
public sealed class BadUploadTests(UploadSite site) : IClassFixture<UploadSite>
{
    private async Task<(Entrant Who, int EntryId)> DraftAsync()
    {
        var who = await EntrantAsync(site);
        return (who, await EntryAsync(site, who));
    }

    /// <summary>Uploads <paramref name="content"/> and checks it is refused with <paramref name="status"/> and nothing is kept.</summary>
    private async Task<string> RefusedAsync(string kind, string fileName, byte[] content, HttpStatusCode status)
    {
        var (who, entryId) = await DraftAsync();
        var outcome = await UploadAsync(who, entryId, kind, fileName, content);
        Assert.True(outcome.Status == status, $"expected {(int)status}, got {(int)outcome.Status}: {outcome.Error}");
        AssertVietnamese(outcome.Error);
        await AssertNothingStoredAsync(site, entryId, content, outcome.SessionId);
        return outcome.Error!;
    }

    [Fact]
    public async Task A_jpg_that_is_really_an_html_page_is_refused()
    {
        var error = await RefusedAsync("Photo", "anh-dep.jpg", SampleFiles.HtmlPage(), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("HTML", error);
    }

    [Fact]
    public async Task Programs_are_refused_whatever_their_name()
    {
        Assert.Contains("chương trình", await RefusedAsync("Photo", "anh.jpg", SampleFiles.WindowsExecutable(), HttpStatusCode.UnsupportedMediaType));
        Assert.Contains("chương trình", await RefusedAsync("Document", "tai-lieu.pdf", SampleFiles.LinuxExecutable(), HttpStatusCode.UnsupportedMediaType));
        await RefusedAsync("Video", "video.mp4", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf / --no-preserve-root\n"), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_zip_is_refused_with_a_hint_to_send_pdf()
    {
        var error = await RefusedAsync("Document", "ho-so.pdf", SampleFiles.Zip(), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("ZIP", error);
        Assert.Contains("PDF", error);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused()
    {
        var error = await RefusedAsync("Photo", "anh.jpg", SampleFiles.TruncatedJpeg(), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("bị hỏng", error);
    }

    [Fact]
    public async Task A_webp_shorter_than_its_header_says_is_refused()
    {
        var webp = SampleFiles.WebP(400, 300);
        await RefusedAsync("Photo", "anh.webp", webp[..^10], HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_png_decompression_bomb_is_refused_from_its_header_without_decoding()
    {
        var bomb = SampleFiles.PngBomb();
        Assert.True(bomb.Length < 200_000, $"the bomb is {bomb.Length} bytes");
        var baseline = Memory.ResetPeak();

        var error = await RefusedAsync("Photo", "anh.png", bomb, HttpStatusCode.UnprocessableEntity);

        Assert.Contains("30000×30000", error);
        Assert.Contains("megapixel", error);
        // Decoding would take 900 MB; reading the header takes next to nothing. Other tests may run
        // meanwhile in this process, hence the generous margin.
        if (baseline is not null)
            Assert.True(Memory.PeakGrowthSince(baseline.Value) < 300_000_000, $"peak memory grew by {Memory.PeakGrowthSince(baseline.Value) / 1_000_000} MB");
    }

    [Fact]
    public async Task An_svg_is_refused()
    {
        var error = await RefusedAsync("Photo", "logo.png", SampleFiles.Svg(), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("SVG", error);
    }

    [Fact]
    public async Task A_jpeg_with_html_hidden_inside_is_refused()
    {
        var polyglot = SampleFiles.JpegHtmlPolyglot();

        var error = await RefusedAsync("Photo", "anh.jpg", polyglot, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Tệp ảnh chứa mã HTML/script ẩn nên không được chấp nhận. Vui lòng xuất lại ảnh từ máy ảnh hoặc phần mềm chỉnh ảnh rồi gửi lại.", error);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(document.cookie)>")]
    [InlineData("<IMG/SRC=x ONERROR=alert(1)>")]
    [InlineData("<object data=//evil.example/x.swf>")]
    [InlineData("<meta http-equiv=refresh content=0;url=//evil.example>")]
    [InlineData("<a href=javascript:alert(1)>bấm vào đây</a>")]
    public async Task A_jpeg_hiding_other_active_html_is_refused(string html)
    {
        var error = await RefusedAsync("Photo", "anh.jpg", SampleFiles.JpegWithComment(html), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(UploadMessages.Polyglot, error);
    }

    [Fact]
    public async Task A_png_with_html_after_its_end_is_refused()
    {
        byte[] polyglot = [.. SampleFiles.Png(), .. "<iframe src=//evil.example>"u8];
        Assert.Contains("HTML/script", await RefusedAsync("Photo", "anh.png", polyglot, HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var (who, entryId) = await DraftAsync();

        var start = await StartAsync(who, entryId, "Photo", "anh.jpg", 0);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, start.StatusCode);
        Assert.Contains("rỗng", await ErrorAsync(start));
        await AssertNothingStoredAsync(site, entryId, [], null);
    }

    [Fact]
    public async Task A_file_declared_over_its_limit_is_refused_before_any_byte_is_sent()
    {
        var (who, entryId) = await DraftAsync();

        var photo = await StartAsync(who, entryId, "Photo", "anh.jpg", 20L * 1024 * 1024 + 1);
        var video = await StartAsync(who, entryId, "Video", "phim.mp4", 1024L * 1024 * 1024 + 1);
        var pdf = await StartAsync(who, entryId, "Document", "tm.pdf", 30L * 1024 * 1024 + 1);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, photo.StatusCode);
        Assert.Equal("Ảnh quá lớn: tối đa 20 MB mỗi tệp.", await ErrorAsync(photo));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, video.StatusCode);
        Assert.Equal("Video quá lớn: tối đa 1 GB mỗi tệp.", await ErrorAsync(video));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, pdf.StatusCode);
        Assert.Contains("30 MB", await ErrorAsync(pdf));
        await AssertNothingStoredAsync(site, entryId, [], null);
    }

    [Fact]
    public async Task Sending_more_bytes_than_declared_is_refused()
    {
        var (who, entryId) = await DraftAsync();
        var jpeg = SampleFiles.Jpeg(200, 200);
        var id = (await JsonAsync(await StartAsync(who, entryId, "Photo", "anh.jpg", jpeg.Length - 100))).GetProperty("id").GetString()!;

        var put = await PutAsync(who, id, 0, jpeg);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        AssertVietnamese(await ErrorAsync(put));
        await AssertNothingStoredAsync(site, entryId, jpeg, id);
        Assert.Equal(HttpStatusCode.NotFound, (await CompleteAsync(who, id)).StatusCode);
    }

    [Fact]
    public async Task A_chunk_larger_than_the_chunk_size_is_refused()
    {
        var (who, entryId) = await DraftAsync();
        var jpeg = SampleFiles.Jpeg(1600, 1200);
        Assert.True(jpeg.Length > UploadSite.ChunkBytes + 1);
        var id = (await JsonAsync(await StartAsync(who, entryId, "Photo", "anh.jpg", jpeg.Length))).GetProperty("id").GetString()!;

        var put = await PutAsync(who, id, 0, jpeg.AsMemory(0, UploadSite.ChunkBytes + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Contains("64 KB", await ErrorAsync(put));
        await AssertNothingStoredAsync(site, entryId, jpeg, id);
    }

    [Fact]
    public async Task The_twenty_first_file_of_an_entry_is_refused()
    {
        var (who, entryId) = await DraftAsync();
        await AddStoredFilesAsync(entryId, 20);
        var pdf = SampleFiles.Pdf();

        var start = await StartAsync(who, entryId, "Document", "them.pdf", pdf.Length);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, start.StatusCode);
        Assert.Contains("tối đa 20 tệp", await ErrorAsync(start));
        Assert.Equal(20, await site.QueryAsync(db => db.MediaFiles.CountAsync(m => m.EntryId == entryId)));
        Assert.Equal(0, await site.QueryAsync(db => db.UploadSessions.CountAsync(s => s.EntryId == entryId)));
    }

    [Fact]
    public async Task Unfinished_uploads_count_towards_the_file_limit()
    {
        var (who, entryId) = await DraftAsync();
        await AddStoredFilesAsync(entryId, 19);
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(who, entryId, "Photo", "cuoi.jpg", 1000)).StatusCode);

        var start = await StartAsync(who, entryId, "Photo", "thua.jpg", 1000);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, start.StatusCode);
        Assert.Contains("tối đa 20 tệp", await ErrorAsync(start));
    }

    [Fact]
    public async Task Parallel_completions_cannot_take_an_entry_past_twenty_files()
    {
        // Ten uploads started while the entry was empty; meanwhile fifteen other files were stored.
        var (who, entryId) = await DraftAsync();
        var photos = Enumerable.Range(0, 10).Select(i => SampleFiles.Jpeg(40 + i, 30)).ToList();
        var sessions = new List<string>();
        foreach (var photo in photos)
        {
            var id = (await JsonAsync(await StartAsync(who, entryId, "Photo", "anh.jpg", photo.Length))).GetProperty("id").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, id, 0, photo)).StatusCode);
            sessions.Add(id);
        }
        await AddStoredFilesAsync(entryId, 15);

        var completed = await Task.WhenAll(sessions.Select(id => Task.Run(() => CompleteAsync(who, id))));

        Assert.Equal(5, completed.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = completed.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(5, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("tối đa 20 tệp", await ErrorAsync(response));
        }
        Assert.Equal(20, await site.QueryAsync(db => db.MediaFiles.CountAsync(m => m.EntryId == entryId)));
        Assert.Equal(0, await site.QueryAsync(db => db.UploadSessions.CountAsync(s => s.EntryId == entryId)));
        var storedPhotos = 0;
        foreach (var photo in photos)
            storedPhotos += await site.Blobs.ExistsAsync(UploadService.OriginalKey(Sha256(photo))) ? 1 : 0;
        Assert.Equal(5, storedPhotos);
    }

    [Fact]
    public async Task An_heic_photo_is_refused_with_how_to_send_jpeg_instead()
    {
        var error = await RefusedAsync("Photo", "IMG_0001.HEIC", SampleFiles.HeicHeader(), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("HEIC", error);
        Assert.Contains("JPEG", error);
        Assert.Contains("Cài đặt › Camera › Định dạng", error);
        Assert.Contains("Tương thích nhất", error);
    }

    [Fact]
    public async Task A_pdf_sent_as_a_photo_is_refused()
    {
        var error = await RefusedAsync("Photo", "anh.jpg", SampleFiles.Pdf(), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("tài liệu PDF, không phải ảnh", error);
    }

    [Fact]
    public async Task A_photo_sent_as_the_thuyet_minh_is_refused()
    {
        var error = await RefusedAsync("Document", "tm.pdf", SampleFiles.Png(), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("không phải tài liệu PDF", error);
    }

    [Fact]
    public async Task A_pdf_without_its_end_is_refused()
    {
        var pdf = SampleFiles.Pdf();
        Assert.Contains("PDF", await RefusedAsync("Document", "tm.pdf", pdf[..(pdf.Length * 2 / 3)], HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task A_video_without_a_picture_is_refused()
    {
        var error = await RefusedAsync("Video", "am-thanh.mp4", SampleFiles.AudioOnlyMp4(), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("không có hình ảnh", error);
    }

    [Fact]
    public async Task A_wrong_file_is_stopped_after_its_first_chunk()
    {
        var (who, entryId) = await DraftAsync();
        var html = SampleFiles.HtmlPage();
        var id = (await JsonAsync(await StartAsync(who, entryId, "Video", "phim.mp4", 500_000_000))).GetProperty("id").GetString()!;
        byte[] chunk = [.. html, .. new byte[UploadSite.ChunkBytes - html.Length]];

        var put = await PutAsync(who, id, 0, chunk);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, put.StatusCode);
        AssertVietnamese(await ErrorAsync(put));
        await AssertNothingStoredAsync(site, entryId, chunk, id);
    }

    [Theory]
    [InlineData("../../etc/passwd", "“..”")]
    [InlineData("..\\..\\Windows\\system32\\anh.jpg", "“..”")]
    [InlineData("C:\\Users\\Hoa\\anh.jpg", "gạch chéo")]
    [InlineData("anh/mat.jpg", "gạch chéo")]
    [InlineData("..", "“..”")]
    [InlineData("anh\u0000mat.jpg", "ký tự điều khiển")]
    [InlineData("anh\u0007.jpg", "ký tự điều khiển")]
    [InlineData("dòng\nmới.jpg", "ký tự điều khiển")]
    [InlineData("anh\u009Bmat.jpg", "ký tự điều khiển")]
    public async Task File_names_with_a_path_or_control_characters_are_refused(string sent, string explained)
    {
        var error = await RefusedAsync("Photo", sent, SampleFiles.Jpeg(66, 66), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(explained, error);
        Assert.Contains("đổi tên tệp", error);
    }

    [Fact]
    public async Task A_300_character_name_is_refused()
    {
        var name = string.Concat(Enumerable.Repeat("Ảnh công trình ", 20))[..296] + ".jpg";
        Assert.Equal(300, name.Length);

        var error = await RefusedAsync("Photo", name, SampleFiles.Jpeg(67, 67), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Tên tệp dài 300 ký tự, tối đa 255 ký tự. Vui lòng đặt tên ngắn hơn rồi chọn lại.", error);
    }

    [Fact]
    public async Task A_255_character_name_is_accepted_and_shown_cut_to_150_keeping_its_extension()
    {
        var (who, entryId) = await DraftAsync();
        var name = string.Concat(Enumerable.Repeat("Ảnh công trình ", 20))[..251] + ".jpg";

        var outcome = await UploadAsync(who, entryId, "Photo", name, SampleFiles.Jpeg(64, 64));

        Assert.Equal(HttpStatusCode.Created, outcome.Status);
        var media = await MediaAsync(site, outcome.MediaId!.Value);
        Assert.Equal(150, media.DisplayName.Length);
        Assert.EndsWith(".jpg", media.DisplayName);
        Assert.StartsWith("Ảnh công trình Ảnh", media.DisplayName);
    }

    [Theory]
    [InlineData("  máy   sấy .jpg ", "máy sấy .jpg")]
    [InlineData("hoa-don\u202Egpj.jpg", "hoa-dongpj.jpg")]
    [InlineData(".anh.jpg", "anh.jpg")]
    public async Task Harmless_names_are_accepted_and_tidied_for_display(string sent, string shown)
    {
        var (who, entryId) = await DraftAsync();

        var outcome = await UploadAsync(who, entryId, "Photo", sent.Normalize(NormalizationForm.FormD), SampleFiles.Jpeg(64, 64));

        Assert.Equal(HttpStatusCode.Created, outcome.Status);
        var media = await MediaAsync(site, outcome.MediaId!.Value);
        Assert.Equal(shown, media.DisplayName);
        Assert.StartsWith("media/originals/", media.OriginalKey);
    }

    [Fact]
    public async Task An_upload_cut_off_mid_chunk_keeps_only_what_arrived_and_can_be_resumed()
    {
        var (who, entryId) = await DraftAsync();
        var jpeg = SampleFiles.Jpeg(1400, 1000);
        var chunk = UploadSite.ChunkBytes;
        var id = (await JsonAsync(await StartAsync(who, entryId, "Photo", "anh.jpg", jpeg.Length))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, id, 0, jpeg.AsMemory(0, chunk))).StatusCode);

        // The phone loses its network 20 000 bytes into the second chunk.
        var cut = Request(who, HttpMethod.Put, $"{Api}/{id}?offset={chunk}",
            new StreamContent(new FailingStream(jpeg.AsMemory(chunk, chunk), failAfter: 20_000)));
        cut.Content!.Headers.ContentLength = chunk;
        await Assert.ThrowsAnyAsync<Exception>(() => who.Client.SendAsync(cut));

        // No file yet: no row, no blob.
        Assert.Equal(0, await site.QueryAsync(db => db.MediaFiles.CountAsync(m => m.EntryId == entryId)));
        Assert.False(await site.Blobs.ExistsAsync(UploadService.OriginalKey(Sha256(jpeg))));
        // The server kept whole bytes only, exactly as they came, and says where to go on from.
        var received = await ReceivedEventuallyAsync(who, id, chunk);
        Assert.InRange(received, chunk, chunk + 20_000);
        var staged = await File.ReadAllBytesAsync(Path.Combine(site.StagingDirectory, id + ".part"));
        Assert.Equal(jpeg[..(int)received], staged);

        for (var offset = received; offset < jpeg.Length; offset += chunk)
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, id, offset, jpeg.AsMemory((int)offset, (int)Math.Min(chunk, jpeg.Length - offset)))).StatusCode);
        var done = await CompleteAsync(who, id);

        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var media = await MediaAsync(site, (await JsonAsync(done)).GetProperty("mediaId").GetInt32());
        Assert.Equal(Sha256(jpeg), media.Sha256);
    }

    // The server notices the broken request on its own schedule; ask until it has let go of the upload.
    private static async Task<long> ReceivedEventuallyAsync(Entrant who, string id, long atLeast)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await StatusAsync(who, id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var received = (await JsonAsync(response)).GetProperty("received").GetInt64();
            var probe = await PutAsync(who, id, received, ReadOnlyMemory<byte>.Empty);
            if (probe.StatusCode == HttpStatusCode.OK || attempt == 50)
            {
                Assert.True(received >= atLeast);
                return received;
            }
            await Task.Delay(100);
        }
    }

    private Task AddStoredFilesAsync(int entryId, int count) =>
        site.QueryAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var sha = Sha256(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()));
                db.MediaFiles.Add(new MediaFile
                {
                    EntryId = entryId, Kind = MediaKind.Photo, SortOrder = i + 1, Sha256 = sha,
                    OriginalKey = $"media/originals/{sha[..2]}/{sha}", Size = 1000, ContentType = "image/jpeg",
                    DisplayName = $"anh-{i}.jpg", UploadedAt = site.Time.GetUtcNow().UtcDateTime,
                });
            }
            return await db.SaveChangesAsync();
        });

    /// <summary>A request body that breaks after some bytes, like a connection dropped mid-upload.</summary>
    private sealed class FailingStream(ReadOnlyMemory<byte> data, int failAfter) : Stream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= failAfter)
                throw new IOException("Mất kết nối mạng (giả lập)");
            var n = Math.Min(Math.Min(buffer.Length, failAfter - _position), 4096);
            data.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Peak resident memory of this process (Linux), resettable through /proc/self/clear_refs.</summary>
internal static class Memory
{
    /// <summary>Resets the peak and returns the current resident size, or null where that is not possible.</summary>
    public static long? ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return Read("VmRSS");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static long PeakGrowthSince(long baseline) => (Read("VmHWM") ?? baseline) - baseline;

    private static long? Read(string field) =>
        File.ReadLines("/proc/self/status")
            .Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024)
            .Cast<long?>()
            .FirstOrDefault();
}
