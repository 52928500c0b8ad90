using System.Net;
using ContestPlatform.Web.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestPlatform.Web.Tests.Media.Uploads.UploadSteps;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>The submission deadline closes uploads, even one half-way through. (Moves its own site's clock.)</summary>
public sealed class UploadDeadlineTests(UploadSite site) : IClassFixture<UploadSite>
{
    [Fact]
    public async Task After_the_deadline_no_upload_starts_or_completes()
    {
        // Ten minutes before the window closes at 01/08/2025 00:00 Vietnam time, a PDF is sent…
        site.Time.SetUtcNow(new DateTimeOffset(2025, 7, 31, 23, 50, 0, TimeSpan.FromHours(7)));
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var pdf = SampleFiles.Pdf();
        var id = (await JsonAsync(await StartAsync(who, entryId, "Document", "tm.pdf", pdf.Length))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, id, 0, pdf)).StatusCode);

        // …but "hoàn tất" arrives when it has just closed.
        site.Time.SetUtcNow(new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.FromHours(7)));

        var complete = await CompleteAsync(who, id);
        Assert.Equal(HttpStatusCode.Forbidden, complete.StatusCode);
        Assert.Contains("hết hạn nộp hồ sơ", await ErrorAsync(complete));
        await AssertNothingStoredAsync(site, entryId, pdf, id);

        var start = await StartAsync(who, entryId, "Document", "tm.pdf", pdf.Length);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        AssertVietnamese(await ErrorAsync(start));
    }
}

/// <summary>Abandoned uploads are cleared away. (Moves its own site's clock.)</summary>
public sealed class UploadSweeperTests(UploadSite site) : IClassFixture<UploadSite>
{
    private UploadSweeper Sweeper => site.Services.GetRequiredService<UploadSweeper>();

    [Fact]
    public async Task Expired_uploads_and_orphan_staging_files_are_swept()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var jpeg = SampleFiles.Jpeg(800, 600);
        var abandoned = (await JsonAsync(await StartAsync(who, entryId, "Photo", "bo-do.jpg", jpeg.Length))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, abandoned, 0, jpeg.AsMemory(0, UploadSite.ChunkBytes))).StatusCode);
        var oldOrphan = Path.Combine(site.StagingDirectory, SessionIds.New() + StagingArea.Extension);
        var newOrphan = Path.Combine(site.StagingDirectory, SessionIds.New() + StagingArea.Extension);
        await File.WriteAllBytesAsync(oldOrphan, [1, 2, 3]);
        File.SetLastWriteTimeUtc(oldOrphan, DateTime.UtcNow.AddHours(-1));
        await File.WriteAllBytesAsync(newOrphan, [1, 2, 3]);

        site.Time.Advance(TimeSpan.FromHours(23));
        who = await SignInAgainAsync(site, who);
        var fresh = (await JsonAsync(await StartAsync(who, entryId, "Photo", "moi.jpg", jpeg.Length))).GetProperty("id").GetString()!;
        site.Time.Advance(TimeSpan.FromHours(2));
        await Sweeper.SweepAsync();
        who = await SignInAgainAsync(site, who);

        Assert.False(await site.QueryAsync(db => db.UploadSessions.AnyAsync(s => s.Id == abandoned)));
        Assert.False(File.Exists(Path.Combine(site.StagingDirectory, abandoned + StagingArea.Extension)));
        Assert.False(File.Exists(oldOrphan));
        Assert.True(File.Exists(newOrphan), "a file without a session is given a grace period");
        Assert.True(await site.QueryAsync(db => db.UploadSessions.AnyAsync(s => s.Id == fresh)));
        var gone = await StatusAsync(who, abandoned);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        AssertVietnamese(await ErrorAsync(gone));
    }

    [Fact]
    public async Task An_expired_upload_is_gone_even_before_the_sweeper_runs()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var pdf = SampleFiles.Pdf();
        var id = (await JsonAsync(await StartAsync(who, entryId, "Document", "tm.pdf", pdf.Length))).GetProperty("id").GetString()!;

        site.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        who = await SignInAgainAsync(site, who);
        var put = await PutAsync(who, id, 0, pdf);

        Assert.Equal(HttpStatusCode.Gone, put.StatusCode);
        Assert.Contains("hết hạn", await ErrorAsync(put));
        await AssertNothingStoredAsync(site, entryId, pdf, id);
    }
}
