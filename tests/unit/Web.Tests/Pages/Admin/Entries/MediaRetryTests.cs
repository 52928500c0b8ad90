using System.Net;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Tests.Media.Uploads;
using ContestPlatform.Web.Tests.Pages.Gallery;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin.Entries;

/// <summary>"Thử lại" beside a file whose processing failed, on the secretariat's review page. The worker is off, so the queued state stays to be seen.</summary>
public sealed class MediaRetryTests(UploadSite site) : IClassFixture<UploadSite>
{
    private async Task<(Entry Entry, MediaFile File)> FailedFileAsync(MediaState state = MediaState.Failed)
    {
        var owner = await EntrySeed.UserAsync(site, "Lê Thị Hoa");
        var entry = await EntrySeed.EntryAsync(site, owner.Id, EntryStatus.Submitted);
        var file = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Video, configure: m =>
        {
            m.State = state;
            m.Error = state == MediaState.Failed ? "Máy chủ chưa cài ffmpeg nên chưa xử lý được video." : "";
            m.DisplayName = "video-gioi-thieu.mp4";
        });
        await site.QueryAsync(async db =>
        {
            db.MediaJobs.Add(new MediaJob
            {
                MediaFileId = file.Id, State = state, Attempts = 5, Error = file.Error,
                CreatedAt = site.Time.GetUtcNow().UtcDateTime, UpdatedAt = site.Time.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        return (entry, file);
    }

    private Task<(MediaFile File, MediaJob Job)> ReloadAsync(int mediaId) =>
        site.QueryAsync(async db => (
            await db.MediaFiles.AsNoTracking().SingleAsync(m => m.Id == mediaId),
            await db.MediaJobs.AsNoTracking().SingleAsync(j => j.MediaFileId == mediaId)));

    [Fact]
    public async Task An_organizer_queues_a_failed_file_again_from_the_review_page()
    {
        var (entry, file) = await FailedFileAsync();
        var (browser, _) = await SignedInAsync(site);

        var page = await browser.GetPageAsync($"/quan-tri/ho-so/{entry.Id}");
        var item = page.QuerySelectorAll(".media-item").Single(i => i.TextContent.Contains("video-gioi-thieu.mp4"));
        Assert.Contains("Máy chủ chưa cài ffmpeg", item.QuerySelector(".media-error")!.TextContent);
        Assert.StartsWith("Thử lại", item.QuerySelector("form.media-retry button")!.TextContent.Trim());

        var landed = await LandAsync(browser, await browser.SubmitFormAsync($"/quan-tri/ho-so/{entry.Id}", [], "form.media-retry"));

        Assert.Contains("Đã đưa tệp “video-gioi-thieu.mp4” vào hàng đợi xử lý lại.", Text(landed));
        var (after, job) = await ReloadAsync(file.Id);
        Assert.Equal((MediaState.Pending, ""), (after.State, after.Error));
        Assert.Equal((MediaState.Pending, 0, ""), (job.State, job.Attempts, job.Error));
        Assert.Null(landed.QuerySelector("form.media-retry"));
    }

    [Fact]
    public async Task A_file_that_has_not_failed_is_left_as_it_is()
    {
        var (entry, file) = await FailedFileAsync(MediaState.Ready);
        var (browser, _) = await SignedInAsync(site);
        var token = (await browser.GetPageAsync($"/quan-tri/ho-so/{entry.Id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await browser.Client.PostAsync($"/quan-tri/ho-so/{entry.Id}?handler=Retry&mediaId={file.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Contains("không ở trạng thái lỗi", Text(await LandAsync(browser, response)));
        var (after, job) = await ReloadAsync(file.Id);
        Assert.Equal((MediaState.Ready, 5), (after.State, job.Attempts));
    }

    [Fact]
    public async Task A_file_of_another_entry_is_404_and_a_post_without_the_token_is_400()
    {
        var (entry, _) = await FailedFileAsync();
        var (_, other) = await FailedFileAsync();
        var (browser, _) = await SignedInAsync(site);
        var token = (await browser.GetPageAsync($"/quan-tri/ho-so/{entry.Id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var foreign = await browser.Client.PostAsync($"/quan-tri/ho-so/{entry.Id}?handler=Retry&mediaId={other.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var tokenless = await browser.Client.PostAsync($"/quan-tri/ho-so/{other.EntryId}?handler=Retry&mediaId={other.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal(MediaState.Failed, (await ReloadAsync(other.Id)).File.State);
    }

    [Fact]
    public async Task Only_organizers_may_retry_from_the_review_page()
    {
        var (entry, file) = await FailedFileAsync();
        var (browser, _) = await SignedInAsync(site, Web.Accounts.Roles.Entrant);
        var token = (await browser.GetPageAsync("/tai-khoan")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await browser.Client.PostAsync($"/quan-tri/ho-so/{entry.Id}?handler=Retry&mediaId={file.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain($"/quan-tri/ho-so/{entry.Id}", response.Headers.Location?.OriginalString ?? "");
        Assert.Equal(MediaState.Failed, (await ReloadAsync(file.Id)).File.State);
    }
}
