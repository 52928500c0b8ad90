using System.Net;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Uploads;
using ContestPlatform.Web.Tests.Pages.Gallery;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Media.Uploads.UploadSteps;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>The entrant's "Thử lại" beside a failed file in the uploader: <c>POST /api/tai-len/thu-lai/{mediaId}</c>.</summary>
public sealed class UploadRetryTests(UploadSite site) : IClassFixture<UploadSite>
{
    private async Task<MediaFile> FileAsync(int entryId, MediaState state) =>
        await EntrySeed.MediaAsync(site, entryId, MediaKind.Photo, configure: m =>
        {
            m.State = state;
            m.Error = state == MediaState.Failed ? "Chưa lưu được ảnh do lỗi kho lưu trữ." : "";
        });

    private static Task<HttpResponseMessage> RetryAsync(Entrant who, int mediaId, bool withToken = true) =>
        who.Client.SendAsync(Request(who, HttpMethod.Post, $"{Api}/thu-lai/{mediaId}", null, withToken));

    private Task<MediaFile> ReloadAsync(int mediaId) =>
        site.QueryAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.Id == mediaId));

    [Fact]
    public async Task The_owner_queues_a_failed_file_again_and_the_uploader_offers_the_button()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var file = await FileAsync(entryId, MediaState.Failed);

        var page = await who.Browser.GetPageAsync($"/thi-sinh/cong-trinh/{entryId}");
        Assert.NotNull(page.QuerySelector($"button.uploader-retry[data-media-id='{file.Id}']"));

        Assert.Equal(HttpStatusCode.NoContent, (await RetryAsync(who, file.Id)).StatusCode);
        var after = await ReloadAsync(file.Id);
        Assert.Equal((MediaState.Pending, ""), (after.State, after.Error));
        Assert.Equal(MediaState.Pending, await site.QueryAsync(db => db.MediaJobs.Where(j => j.MediaFileId == file.Id).Select(j => j.State).SingleAsync()));
    }

    [Fact]
    public async Task A_file_that_has_not_failed_gets_409()
    {
        var who = await EntrantAsync(site);
        var file = await FileAsync(await EntryAsync(site, who), MediaState.Ready);

        var response = await RetryAsync(who, file.Id);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(UploadMessages.NotFailed, await ErrorAsync(response));
        Assert.Equal(MediaState.Ready, (await ReloadAsync(file.Id)).State);
    }

    [Fact]
    public async Task Someone_else_s_file_is_404_a_locked_entry_403_and_no_token_400()
    {
        var owner = await EntrantAsync(site);
        var stranger = await EntrantAsync(site);
        var file = await FileAsync(await EntryAsync(site, owner), MediaState.Failed);
        var locked = await FileAsync(await EntryAsync(site, owner, EntryStatus.Submitted), MediaState.Failed);

        Assert.Equal(HttpStatusCode.NotFound, (await RetryAsync(stranger, file.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RetryAsync(owner, locked.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RetryAsync(owner, file.Id, withToken: false)).StatusCode);
        Assert.Equal(MediaState.Failed, (await ReloadAsync(file.Id)).State);
        Assert.Equal(MediaState.Failed, (await ReloadAsync(locked.Id)).State);
    }
}
