using System.Net;
using System.Net.Http.Json;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Media.Uploads.UploadSteps;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>Who may upload to which entry, and when.</summary>
public sealed class UploadAccessTests(UploadSite site) : IClassFixture<UploadSite>
{
    [Fact]
    public async Task Another_entrants_entry_uploads_and_files_are_not_found()
    {
        var owner = await EntrantAsync(site);
        var entryId = await EntryAsync(site, owner);
        var stranger = await EntrantAsync(site);
        var jpeg = SampleFiles.Jpeg(100, 100);
        var mediaId = (await UploadAsync(owner, entryId, "Photo", "anh.jpg", jpeg)).MediaId!.Value;
        var sessionId = (await JsonAsync(await StartAsync(owner, entryId, "Photo", "dang-tai.jpg", jpeg.Length))).GetProperty("id").GetString()!;

        var start = await StartAsync(stranger, entryId, "Photo", "anh.jpg", jpeg.Length);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal("Không tìm thấy công trình.", await ErrorAsync(start));
        Assert.Equal(HttpStatusCode.NotFound, (await StatusAsync(stranger, sessionId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(stranger, sessionId, 0, jpeg)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CompleteAsync(stranger, sessionId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CancelAsync(stranger, sessionId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RemoveAsync(stranger, mediaId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ListAsync(stranger, entryId)).StatusCode);

        // The owner's upload and file are untouched.
        Assert.Equal(0, (await JsonAsync(await StatusAsync(owner, sessionId))).GetProperty("received").GetInt64());
        Assert.True(await site.QueryAsync(db => db.MediaFiles.AnyAsync(m => m.Id == mediaId)));
    }

    [Theory]
    [InlineData(EntryStatus.Submitted)]
    [InlineData(EntryStatus.Accepted)]
    [InlineData(EntryStatus.Rejected)]
    public async Task An_entry_that_is_no_longer_editable_takes_no_files(EntryStatus status)
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who, status);

        var start = await StartAsync(who, entryId, "Photo", "anh.jpg", 1000);

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Contains("không thể thay đổi tệp", await ErrorAsync(start));
        Assert.False((await JsonAsync(await ListAsync(who, entryId))).GetProperty("canEdit").GetBoolean());
    }

    [Fact]
    public async Task An_entry_returned_for_changes_takes_files_again()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who, EntryStatus.NeedsChanges);

        var outcome = await UploadAsync(who, entryId, "Document", "bo-sung.pdf", SampleFiles.Pdf());

        Assert.Equal(HttpStatusCode.Created, outcome.Status);
    }

    [Fact]
    public async Task A_file_cannot_be_removed_once_the_entry_is_submitted()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var mediaId = (await UploadAsync(who, entryId, "Photo", "anh.jpg", SampleFiles.Jpeg(80, 80))).MediaId!.Value;
        await site.QueryAsync(db => db.Entries.Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Submitted)));

        var remove = await RemoveAsync(who, mediaId);

        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        AssertVietnamese(await ErrorAsync(remove));
        Assert.True(await site.QueryAsync(db => db.MediaFiles.AnyAsync(m => m.Id == mediaId)));
    }

    [Fact]
    public async Task An_upload_started_before_submitting_cannot_be_completed_after()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var pdf = SampleFiles.Pdf();
        var id = (await JsonAsync(await StartAsync(who, entryId, "Document", "tm.pdf", pdf.Length))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(who, id, 0, pdf)).StatusCode);
        await site.QueryAsync(db => db.Entries.Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Submitted)));

        var complete = await CompleteAsync(who, id);

        Assert.Equal(HttpStatusCode.Forbidden, complete.StatusCode);
        await AssertNothingStoredAsync(site, entryId, pdf, id);
    }

    [Fact]
    public async Task Changing_files_needs_the_antiforgery_header()
    {
        var who = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var pdf = SampleFiles.Pdf();
        var mediaId = (await UploadAsync(who, entryId, "Document", "tm.pdf", pdf)).MediaId!.Value;
        var id = (await JsonAsync(await StartAsync(who, entryId, "Document", "tm2.pdf", pdf.Length))).GetProperty("id").GetString()!;

        var responses = new[]
        {
            await StartAsync(who, entryId, "Document", "tm3.pdf", pdf.Length, withToken: false),
            await PutAsync(who, id, 0, pdf, withToken: false),
            await CompleteAsync(who, id, withToken: false),
            await RemoveAsync(who, mediaId, withToken: false),
            await who.Client.SendAsync(Request(who, HttpMethod.Delete, $"{Api}/{id}", withToken: false)),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("mã bảo mật", await ErrorAsync(response));
        }
        Assert.Equal(1, await site.QueryAsync(db => db.MediaFiles.CountAsync(m => m.EntryId == entryId)));
        Assert.Equal(0, (await JsonAsync(await StatusAsync(who, id))).GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task A_token_from_another_account_is_refused()
    {
        var who = await EntrantAsync(site);
        var other = await EntrantAsync(site);
        var entryId = await EntryAsync(site, who);
        var borrowed = new Entrant(who.Browser, who.User, other.Token);

        var start = await StartAsync(borrowed, entryId, "Photo", "anh.jpg", 1000);

        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
    }

    [Fact]
    public async Task Uploading_needs_a_signed_in_user()
    {
        var anonymous = site.NewBrowser();

        var response = await anonymous.Client.PostAsJsonAsync(Api, new { entryId = 1, kind = "Photo", fileName = "a.jpg", size = 10 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("đăng nhập", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("{\"entryId\": 1, \"kind\": \"Sticker\", \"fileName\": \"a.jpg\", \"size\": 10}")]
    [InlineData("{\"entryId\": 1, \"kind\": \"1\", \"fileName\": \"a.jpg\", \"size\": 10}")]
    [InlineData("not json")]
    [InlineData("{\"entryId\": \"abc\"}")]
    public async Task A_malformed_start_is_a_bad_request_with_a_message(string body)
    {
        var who = await EntrantAsync(site);
        var request = Request(who, HttpMethod.Post, Api, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var response = await who.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertVietnamese(await ErrorAsync(response));
    }
}
