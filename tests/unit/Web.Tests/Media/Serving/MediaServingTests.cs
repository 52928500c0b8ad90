using System.Net;
using System.Net.Http.Headers;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Serving;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Tests.Pages.Gallery;

namespace ContestPlatform.Web.Tests.Media.Serving;

public sealed class MediaServingTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly byte[] VideoBytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 251)).ToArray();

    private async Task<(AppUser Owner, Entry Entry)> EntryAsync(EntryStatus status)
    {
        var owner = await EntrySeed.UserAsync(site);
        return (owner, await EntrySeed.EntryAsync(site, owner.Id, status));
    }

    private HttpClient Anonymous() => site.NewBrowser().Client;

    private static Task<HttpResponseMessage> GetRangeAsync(HttpClient client, string url, string range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", range);
        return client.SendAsync(request);
    }

    /// <summary>Files only the owner and the secretariat may see are never stored by a browser or proxy.</summary>
    private static void AssertPrivate(HttpResponseMessage response)
    {
        var caching = response.Headers.CacheControl!;
        Assert.True(caching.Private && caching.NoStore, caching.ToString());
        Assert.False(caching.Public);
    }

    [Fact]
    public async Task A_public_photo_thumbnail_is_served_as_jpeg_that_nothing_can_run_in()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo);

        var response = await Anonymous().GetAsync(MediaUrls.Thumb(photo.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        var caching = response.Headers.CacheControl!;
        Assert.True(caching.Public);
        Assert.Equal(TimeSpan.FromDays(365), caching.MaxAge);
        Assert.Contains(caching.Extensions, e => e.Name == "immutable");
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal(photo.Size, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("anh-nho.webp", "image/webp")]
    [InlineData("anh-nho.jpg", "image/jpeg")]
    [InlineData("anh.webp", "image/webp")]
    [InlineData("anh.jpg", "image/jpeg")]
    public async Task Each_image_variant_has_its_fixed_type(string variant, string type)
    {
        var (_, entry) = await EntryAsync(EntryStatus.Judging);
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo);

        var response = await Anonymous().GetAsync($"/tep/{photo.Id}/{variant}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_stored_html_type_never_reaches_the_browser()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo, html, m => m.ContentType = "text/html", storedType: "text/html");

        foreach (var url in new[] { MediaUrls.Thumb(photo.Id), MediaUrls.Display(photo.Id) })
        {
            var response = await Anonymous().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.ToString());
            Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Fact]
    public async Task A_video_is_served_in_byte_ranges_so_the_player_can_seek()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var video = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Video, VideoBytes);
        var client = Anonymous();

        var middle = await GetRangeAsync(client, MediaUrls.Video(video.Id), "bytes=100-199");
        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal("video/mp4", middle.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bytes 100-199/1000", middle.Content.Headers.ContentRange!.ToString());
        Assert.Equal(100, middle.Content.Headers.ContentLength);
        Assert.Equal(VideoBytes[100..200], await middle.Content.ReadAsByteArrayAsync());

        var openEnded = await GetRangeAsync(client, MediaUrls.Video(video.Id), "bytes=900-");
        Assert.Equal(HttpStatusCode.PartialContent, openEnded.StatusCode);
        Assert.Equal("bytes 900-999/1000", openEnded.Content.Headers.ContentRange!.ToString());
        Assert.Equal(VideoBytes[900..], await openEnded.Content.ReadAsByteArrayAsync());

        var suffix = await GetRangeAsync(client, MediaUrls.Video(video.Id), "bytes=-50");
        Assert.Equal(HttpStatusCode.PartialContent, suffix.StatusCode);
        Assert.Equal("bytes 950-999/1000", suffix.Content.Headers.ContentRange!.ToString());
        Assert.Equal(VideoBytes[950..], await suffix.Content.ReadAsByteArrayAsync());

        var pastTheEnd = await GetRangeAsync(client, MediaUrls.Video(video.Id), "bytes=990-5000");
        Assert.Equal("bytes 990-999/1000", pastTheEnd.Content.Headers.ContentRange!.ToString());
        Assert.Equal(VideoBytes[990..], await pastTheEnd.Content.ReadAsByteArrayAsync());

        var whole = await client.GetAsync(MediaUrls.Video(video.Id));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(VideoBytes, await whole.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=5000-6000")]
    [InlineData("bytes=-0")]
    public async Task An_unsatisfiable_range_gets_416_with_the_size(string range)
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var video = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Video, VideoBytes);

        var response = await GetRangeAsync(Anonymous(), MediaUrls.Video(video.Id), range);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */1000", response.Content.Headers.ContentRange!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Several_ranges_or_a_stale_if_range_get_the_whole_file()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var video = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Video, VideoBytes);
        var client = Anonymous();

        var several = await GetRangeAsync(client, MediaUrls.Video(video.Id), "bytes=0-9,20-29");
        Assert.Equal(HttpStatusCode.OK, several.StatusCode);
        Assert.Equal(1000, (await several.Content.ReadAsByteArrayAsync()).Length);

        var request = new HttpRequestMessage(HttpMethod.Get, MediaUrls.Video(video.Id));
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        request.Headers.TryAddWithoutValidation("If-Range", "\"une-autre-version\"");
        var stale = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task Head_answers_with_the_headers_and_no_body()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var video = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Video, VideoBytes);

        var response = await Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, MediaUrls.Video(video.Id)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, response.Content.Headers.ContentLength);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_cached_copy_is_confirmed_with_304()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        var client = Anonymous();
        var first = await client.GetAsync(MediaUrls.Display(photo.Id));

        var request = new HttpRequestMessage(HttpMethod.Get, MediaUrls.Display(photo.Id));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Evidence_is_never_public_but_its_owner_and_the_secretariat_see_it()
    {
        var (owner, entry) = await EntryAsync(EntryStatus.Awarded);
        var evidence = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Evidence);
        var url = MediaUrls.Display(evidence.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(url)).StatusCode);
        var stranger = await EntrySeed.SignInAsync(site, await EntrySeed.UserAsync(site));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);
        var judge = await site.SignedInAsync(Roles.Judge);
        Assert.Equal(HttpStatusCode.NotFound, (await judge.Client.GetAsync(url)).StatusCode);

        var mine = await (await EntrySeed.SignInAsync(site, owner)).Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        AssertPrivate(mine);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        Assert.Equal(HttpStatusCode.OK, (await organizer.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_original_is_a_download_for_its_owner_and_404_for_everyone_else()
    {
        var (owner, entry) = await EntryAsync(EntryStatus.Accepted);
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo, configure: m => m.DisplayName = "Ảnh \"hiện trường\" số 1.jpg");
        var url = MediaUrls.Original(photo.Id);

        var response = await (await EntrySeed.SignInAsync(site, owner)).Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.ToString());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Ảnh \"hiện trường\" số 1.jpg", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single());
        AssertPrivate(response);
        Assert.Equal("default-src 'none'; sandbox", response.Headers.GetValues("Content-Security-Policy").Single());

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(url)).StatusCode);
        var stranger = await EntrySeed.SignInAsync(site, await EntrySeed.UserAsync(site));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        Assert.Equal(HttpStatusCode.OK, (await organizer.Client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData(EntryStatus.Draft)]
    [InlineData(EntryStatus.Submitted)]
    [InlineData(EntryStatus.NeedsChanges)]
    [InlineData(EntryStatus.Rejected)]
    public async Task Media_of_an_entry_that_is_not_public_is_404_to_visitors_and_private_to_its_owner(EntryStatus status)
    {
        var (owner, entry) = await EntryAsync(status);
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        var url = MediaUrls.Thumb(photo.Id);

        var anonymous = await Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Contains("Không tìm thấy", await anonymous.Content.ReadAsStringAsync());

        var mine = await (await EntrySeed.SignInAsync(site, owner)).Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        AssertPrivate(mine);
    }

    [Fact]
    public async Task A_document_is_a_pdf_download_with_a_neutral_name()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var document = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Document, configure: m => m.DisplayName = "thuyet-minh-Nguyen-Van-An.pdf");

        var response = await Anonymous().GetAsync(MediaUrls.Document(document.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.DoesNotContain("Nguyen", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync(MediaUrls.Poster(document.Id))).StatusCode);
    }

    [Fact]
    public async Task Unknown_files_and_variants_not_made_yet_are_404()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var pending = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo, configure: m =>
        {
            m.State = MediaState.Pending;
            m.DisplayKey = m.DisplayJpegKey = m.ThumbKey = m.ThumbJpegKey = null;
        });
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        var client = Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tep/987654/anh-nho.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(MediaUrls.Thumb(pending.Id))).StatusCode);
        // A photo has no video, nor a PDF; its key may not be read as one.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(MediaUrls.Video(photo.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(MediaUrls.Document(photo.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tep/{photo.Id}/khac.html")).StatusCode);
    }

    [Fact]
    public async Task A_key_whose_blob_is_missing_is_404()
    {
        var (_, entry) = await EntryAsync(EntryStatus.Accepted);
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        await site.QueryAsync(async db =>
        {
            var stored = await db.MediaFiles.FindAsync(photo.Id);
            stored!.PosterKey = $"media/derived/{photo.Sha256}/chua-ghi.jpg";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(MediaUrls.Poster(photo.Id))).StatusCode);
    }
}
