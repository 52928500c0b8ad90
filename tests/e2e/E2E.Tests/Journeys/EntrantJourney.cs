using System.Text.Json;
using System.Text.RegularExpressions;
using ContestPlatform.E2E.Infrastructure;
using ContestPlatform.E2E.PageObjects;
using ContestPlatform.Web.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestPlatform.E2E.Journeys;

/// <summary>
/// An author group's representative, on a 360×740 phone, registers, fills the entry, uploads two photos (one
/// taken sideways, with GPS in its EXIF), a short video and a PDF while watching the progress, and submits.
/// The secretariat, at a desk, returns it as Cần bổ sung; the entrant fixes it and submits again; the
/// secretariat accepts it. A visitor then finds it in the gallery by searching without diacritics, with an
/// upright thumbnail, derivatives without metadata, and a video that seeks.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EntrantJourney(BrowserFixture browser)
{
    private const string Title = "Máy gặt lúa mini đa năng cho ruộng bậc thang";
    private const string Category = "Nông lâm nghiệp – tài nguyên môi trường";
    private const string Commune = "Xã Đại Từ";
    private const string Password = "SangTao2025";
    private const string SidewaysPhoto = "ruong-bac-thang-doc.jpg";
    private const string LandscapePhoto = "canh-dong-sau-thu-hoach.jpg";
    private const string VideoFile = "may-gat-hoat-dong.mp4";
    private const string PdfFile = "thuyet-minh-may-gat.pdf";
    private const string ChangeReason =
        "Phần Hiệu quả kinh tế - xã hội chưa có số liệu: vui lòng bổ sung giá trị làm lợi (VNĐ/năm) và số việc làm tạo ra.";

    /// <summary>Waits for the media worker and the like, not speed checks: the CI machine is slow and shared.</summary>
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(4);

    private static readonly Dictionary<string, string> Sections = new()
    {
        ["Thực trạng"] = "Ruộng bậc thang ở xã Đại Từ hẹp và dốc, máy gặt đập liên hợp cỡ lớn không vào được; "
                         + "bà con gặt tay mất 10–12 công mỗi sào, mùa vụ thiếu nhân công.",
        ["Giải pháp"] = "Cải tiến máy gặt cầm tay: khung hợp kim nhôm, bánh xích cao su bám dốc, dao cắt rộng 1,2 m, "
                        + "bộ phận gom lúa thành bó; động cơ xăng 7 mã lực.",
        ["Tính đổi mới sáng tạo"] = "Lần đầu có máy gặt dùng được trên ruộng bậc thang dốc đến 25°; "
                                    + "chế tạo từ linh kiện có sẵn tại địa phương.",
        ["Hiệu quả kinh tế - xã hội"] = "Giảm 80% công gặt, giảm thất thoát lúa khi thu hoạch.",
        ["Khả năng áp dụng, nhân rộng"] = "Đã dùng ở 3 thôn của xã Đại Từ; có thể nhân rộng ra các xã vùng cao của tỉnh.",
    };

    [Fact]
    public async Task An_entrant_submits_with_media_is_returned_fixes_it_is_accepted_and_the_gallery_shows_it()
    {
        var site = browser.Site;
        var email = $"binh{Guid.NewGuid():N}"[..16] + "@example.vn";
        var organizerEmail = $"thuky{Guid.NewGuid():N}"[..17] + "@example.vn";
        await site.CreateUserAsync(organizerEmail, Password, "Lê Thu Hà", Roles.Organizer);

        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await using var desk = await browser.NewDesktopAsync();
        var office = await desk.NewPageAsync();

        // ---- The entrant registers and completes the profile -------------------------------------------------
        await page.GotoAsync("/tai-khoan/dang-ky");
        await new RegisterPage(page).RegisterAsync("Nguyễn Văn Bình", email, Password);
        var confirmLink = await site.Mail.WaitForLinkAsync(email, "/tai-khoan/xac-nhan-email");
        await page.GotoAsync(new Uri(confirmLink).PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("đã được xác nhận");
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(email, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/tai-khoan$"));

        var dashboard = new EntrantDashboardPage(page);
        await dashboard.NavigateAsync("Công trình của tôi");
        await Expect(dashboard.MainHeading).ToHaveTextAsync("Công trình dự thi của tôi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hoàn thành hồ sơ thí sinh" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/thi-sinh/ho-so$"));
        await PhoneLayout.AssertFitsAsync(page);
        await Artifacts.ScreenshotAsync(page, "thi-sinh-01-ho-so");
        await new EntrantProfilePage(page).SaveAsync("Nhóm tác giả", "0912 345 678", Commune);
        await Expect(dashboard.StatusMessage).ToContainTextAsync("Đã lưu hồ sơ thí sinh");

        // ---- The entry, with two authors whose shares must make 100% ---------------------------------------------
        await dashboard.CreateEntryAsync();
        var form = new EntryFormPage(page);
        await Expect(form.MainHeading).ToHaveTextAsync("Tạo công trình dự thi");
        await form.FillGeneralAsync(Title, Category, Commune, "2024-09-15",
            "Máy gặt lúa cỡ nhỏ, đa năng, leo được ruộng bậc thang dốc; một người vận hành gặt được 1 sào trong 40 phút.");
        await form.FillSectionsAsync(Sections);
        await form.FillAuthorAsync(1, "Nguyễn Văn Bình", 1978, "HTX Nông nghiệp Đại Từ", "Kỹ thuật viên", "60");
        await Expect(form.ShareTotal).ToHaveTextAsync("60%");
        await Expect(form.ShareTotal).ToHaveClassAsync("total-off");
        await form.AddAuthorAsync();
        await Expect(form.AuthorCount).ToHaveCountAsync(2);
        await form.FillAuthorAsync(2, "Trần Thị Đào", 1985, "HTX Nông nghiệp Đại Từ", "Xã viên", "40");
        await Expect(form.ShareTotal).ToHaveTextAsync("100%");
        await Expect(form.ShareTotal).ToHaveClassAsync("total-ok");
        await PhoneLayout.AssertFitsAsync(page);
        await Artifacts.ScreenshotAsync(page, "thi-sinh-02-tao-cong-trinh");
        await form.SaveDraftAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/thi-sinh/cong-trinh/\d+$"));
        await Expect(form.StatusMessage).ToContainTextAsync($"Đã tạo bản nháp “{Title}”");
        await Expect(form.Status).ToHaveTextAsync("Nháp");
        var entryPath = new Uri(page.Url).AbsolutePath;

        // ---- Uploads, over a slow phone connection so the progress bar can be watched -----------------------------
        await page.RouteAsync(new Regex(@"/api/tai-len/[^/?]+\?offset="), async route =>
        {
            await Task.Delay(300);
            await route.ContinueAsync();
        });
        await RecordUploadProgressAsync(page);
        var uploader = form.Uploader;
        await uploader.ChooseAsync("Chọn ảnh để tải lên",
            SampleMedia.SidewaysPhotoWithGps(SidewaysPhoto), SampleMedia.LandscapePhoto(LandscapePhoto));
        await Expect(uploader.File("Ảnh", SidewaysPhoto)).ToBeVisibleAsync();
        await Expect(uploader.File("Ảnh", LandscapePhoto)).ToBeVisibleAsync();

        var video = await SampleMedia.VideoAsync(VideoFile);
        Assert.True(video.Buffer.Length > 3 * SiteServer.UploadChunkBytes, $"the video ({video.Buffer.Length} bytes) should take several chunks");
        await uploader.ChooseAsync("Chọn video để tải lên", video);
        var progress = uploader.Progress(VideoFile);
        await Expect(progress).ToBeVisibleAsync();
        await progress.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync(
            "name => [...document.querySelectorAll('progress')].some(p => p.getAttribute('aria-label') === 'Tiến độ tải lên ' + name && p.value > 0 && p.value < 100)",
            VideoFile);
        await Artifacts.ScreenshotAsync(page, "thi-sinh-03-dang-tai-video", fullPage: false);
        await Expect(uploader.File("Video", VideoFile)).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await uploader.ChooseAsync("Chọn tệp PDF thuyết minh để tải lên", SampleMedia.Pdf(PdfFile));
        await Expect(uploader.File("Tài liệu thuyết minh (PDF)", PdfFile)).ToBeVisibleAsync();
        await page.UnrouteAllAsync();
        await Expect(uploader.Count).ToHaveTextAsync("4");

        // The bar went up in steps, reached 100% and said what comes next.
        var steps = (await page.EvaluateAsync<string[]>("() => window.uploadLog"))
            .Where(s => s.StartsWith(VideoFile + "|", StringComparison.Ordinal)).ToList();
        var values = steps.Select(s => int.Parse(s.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(values.Count(v => v is > 0 and < 100) >= 2, "progress steps seen: " + string.Join(", ", steps));
        Assert.Equal(values.Order(), values);
        Assert.Contains(steps, s => s == $"{VideoFile}|100|Đã tải lên, đang chờ xử lý");

        // ---- Processing happens in the background: the dashboard shows it until every file is ready ---------------
        await dashboard.OpenAsync();
        await Expect(dashboard.StatusOf(Title)).ToHaveTextAsync("Nháp");
        await Artifacts.ScreenshotAsync(page, "thi-sinh-04-dang-xu-ly");
        await ReloadUntilAsync(page, dashboard.MediaCountsOf(Title), "Đang chờ xử lý: 0 Sẵn sàng: 4 Lỗi: 0");
        await PhoneLayout.AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa công trình " + Title }).ClickAsync();
        foreach (var (area, name) in new[] { ("Ảnh", SidewaysPhoto), ("Ảnh", LandscapePhoto), ("Video", VideoFile), ("Tài liệu thuyết minh (PDF)", PdfFile) })
            await Expect(uploader.File(area, name)).ToContainTextAsync("Sẵn sàng");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = $"Ảnh “{SidewaysPhoto}”" })).ToBeVisibleAsync();
        await PhoneLayout.AssertFitsAsync(page);
        await Artifacts.ScreenshotAsync(page, "thi-sinh-05-tep-da-xu-ly");

        // ---- Submit ---------------------------------------------------------------------------------------------
        await form.CommitAuthorshipAsync();
        await form.SubmitAsync("Nộp hồ sơ");
        await Expect(page).ToHaveURLAsync(new Regex("/thi-sinh$"));
        await Expect(dashboard.StatusMessage).ToContainTextAsync("Mã công trình của bạn là DMST-2025-");
        await Expect(dashboard.StatusOf(Title)).ToHaveTextAsync("Đã nộp");
        var code = (await dashboard.CodeOf(Title).InnerTextAsync()).Trim();
        Assert.Matches(@"^DMST-2025-\d{4}$", code);
        await PhoneLayout.AssertFitsAsync(page);
        await Artifacts.ScreenshotAsync(page, "thi-sinh-06-da-nop");

        // ---- The secretariat returns it: Cần bổ sung, with the reason ----------------------------------------------
        var officeLogin = new LoginPage(office);
        await officeLogin.OpenAsync();
        await officeLogin.LogInAsync(organizerEmail, Password);
        await Expect(office).ToHaveURLAsync(new Regex("/tai-khoan$"));
        var queue = await new EntriesQueuePage(office).OpenAsync();
        await Expect(queue.Row(Title)).ToContainTextAsync(code);
        await Expect(queue.Row(Title)).ToContainTextAsync("Đã nộp");
        await Artifacts.ScreenshotAsync(office, "to-thu-ky-01-hang-cho");
        await queue.OpenAsync(Title);
        var review = new EntryReviewPage(office);
        await Expect(review.Status).ToHaveTextAsync("Đã nộp");
        await Expect(review.Files).ToContainTextAsync("Tệp đính kèm (4)");
        await Expect(review.Files.GetByText("Sẵn sàng")).ToHaveCountAsync(4);
        // Two photo thumbnails and the PDF's first page, all loading for the secretariat (the entry is not public yet).
        await Expect(review.Files.GetByRole(AriaRole.Img)).ToHaveCountAsync(3);
        foreach (var preview in await review.Files.GetByRole(AriaRole.Img).AllAsync())
            Assert.True(await LoadedWidthAsync(preview) > 0, $"{await preview.GetAttributeAsync("alt")} did not load");
        await Artifacts.ScreenshotAsync(office, "to-thu-ky-02-xet-ho-so");
        await review.DecideAsync("Cần bổ sung", ChangeReason);
        await Expect(review.StatusMessage).ToContainTextAsync($"Đã chuyển hồ sơ {code} sang “Cần bổ sung” và gửi email thông báo cho thí sinh.");
        await Expect(review.Status).ToHaveTextAsync("Cần bổ sung");
        var reviewPath = new Uri(office.Url).AbsolutePath;

        // ---- The entrant sees why, fixes it and submits again -------------------------------------------------------
        var mailedLink = await site.Mail.WaitForLinkAsync(email, "/thi-sinh/cong-trinh/");
        Assert.Equal(entryPath, new Uri(mailedLink).AbsolutePath);
        await dashboard.OpenAsync();
        await Expect(dashboard.StatusOf(Title)).ToHaveTextAsync("Cần bổ sung");
        await Expect(dashboard.ChangeRequestOf(Title)).ToContainTextAsync(ChangeReason);
        await PhoneLayout.AssertFitsAsync(page);
        await Artifacts.ScreenshotAsync(page, "thi-sinh-07-can-bo-sung");
        await dashboard.FixAndResubmitAsync(Title);
        await Expect(form.ChangeRequest).ToContainTextAsync(ChangeReason);
        await form.Field("Lợi ích kinh tế (VNĐ/năm)").FillAsync("120.000.000");
        await form.Field("Số việc làm tạo ra").FillAsync("3");
        await form.Field("Hiệu quả kinh tế - xã hội").FillAsync(
            Sections["Hiệu quả kinh tế - xã hội"] + " Mỗi vụ tiết kiệm khoảng 120 triệu đồng tiền thuê nhân công cho 3 thôn; tạo việc làm cho 3 thợ vận hành, sửa chữa.");
        await Artifacts.ScreenshotAsync(page, "thi-sinh-08-sua-bo-sung", fullPage: false);
        await form.SubmitAsync("Nộp lại hồ sơ");
        await Expect(page).ToHaveURLAsync(new Regex("/thi-sinh$"));
        await Expect(dashboard.StatusMessage).ToContainTextAsync($"Đã nộp lại hồ sơ công trình “{Title}” (mã {code})");
        await Expect(dashboard.StatusOf(Title)).ToHaveTextAsync("Đã nộp");
        var history = await dashboard.OpenHistoryAsync(Title);
        await Expect(history.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Expect(history).ToContainTextAsync(ChangeReason);

        // ---- The secretariat accepts it ------------------------------------------------------------------------------
        await queue.OpenAsync();
        await Expect(queue.Row(Title)).ToContainTextAsync("Nộp lại sau bổ sung");
        await queue.OpenAsync(Title);
        Assert.Equal(reviewPath, new Uri(office.Url).AbsolutePath);
        await Expect(office.GetByRole(AriaRole.Main)).ToContainTextAsync("120.000.000 đồng/năm");
        await review.DecideAsync("Hợp lệ");
        await Expect(review.Status).ToHaveTextAsync("Hợp lệ");
        await Expect(office.GetByRole(AriaRole.Link, new() { Name = "Xem trên trang công khai" })).ToHaveAttributeAsync("href", "/cong-trinh/" + code);
        await Artifacts.ScreenshotAsync(office, "to-thu-ky-03-hop-le");

        await dashboard.OpenAsync();
        await Expect(dashboard.StatusOf(Title)).ToHaveTextAsync("Hợp lệ");
        await Expect(dashboard.Card(Title).GetByRole(AriaRole.Link, new() { Name = "Sửa công trình " + Title })).ToHaveCountAsync(0);
        await PhoneLayout.AssertFitsAsync(page);
        await Artifacts.ScreenshotAsync(page, "thi-sinh-09-hop-le");

        // ---- A visitor finds it without typing diacritics -----------------------------------------------------------
        await using var visitor = await browser.NewPhoneAsync();
        var street = await visitor.NewPageAsync();
        await street.GotoAsync("/");
        var gallery = new GalleryPage(street);
        await gallery.NavigateAsync("Công trình");
        await gallery.SearchAsync("may gat lua da nang");
        await Expect(street).ToHaveURLAsync(new Regex(@"/cong-trinh\?q=may"));
        await Expect(gallery.Card(Title)).ToBeVisibleAsync();
        await Expect(gallery.Card(Title)).ToContainTextAsync(code);

        // The card's thumbnail is upright: the sideways photo is portrait once turned, green along its top.
        var thumbnail = gallery.Thumbnail(Title);
        await thumbnail.ScrollIntoViewIfNeededAsync();
        var shown = await thumbnail.EvaluateAsync<JsonElement>(
            "img => img.decode().then(() => ({ w: img.naturalWidth, h: img.naturalHeight, src: img.currentSrc }))");
        Assert.True(shown.GetProperty("w").GetInt32() < shown.GetProperty("h").GetInt32(), $"thumbnail is {shown}: not upright");
        var mediaId = Regex.Match(shown.GetProperty("src").GetString()!, @"/tep/(\d+)/").Groups[1].Value;
        await PhoneLayout.AssertFitsAsync(street);
        await Artifacts.ScreenshotAsync(street, "khach-01-tim-khong-dau");

        // Every served derivative of it is upright and carries no EXIF/GPS; the original stays private.
        foreach (var variant in new[] { "anh-nho.jpg", "anh-nho.webp", "anh.jpg", "anh.webp" })
        {
            var response = await visitor.APIRequest.GetAsync($"/tep/{mediaId}/{variant}");
            Assert.Equal(200, response.Status);
            var image = new ServedImage(await response.BodyAsync());
            Assert.True(image.Width < image.Height, $"{variant} is {image.Width}×{image.Height}");
            Assert.False(image.HasMetadata, $"{variant} still carries metadata: {string.Join(", ", image.Fields)}");
            Assert.Equal(("green", "red", "blue"), (image.Hue(0.5, 0.02), image.Hue(0.98, 0.5), image.Hue(0.5, 0.5)));
        }
        Assert.Equal(404, (await visitor.APIRequest.GetAsync($"/tep/{mediaId}/goc")).Status);

        await gallery.SearchAsync("xe dien tu lai");
        await Expect(gallery.Empty).ToContainTextAsync("Không tìm thấy công trình phù hợp.");

        // ---- The entry's page: photos, a video that seeks, the PDF ---------------------------------------------------
        await gallery.SearchAsync("ruong bac thang");
        var videoResponses = new List<IResponse>();
        street.Response += (_, response) =>
        {
            if (response.Url.Contains("/video", StringComparison.Ordinal))
                videoResponses.Add(response);
        };
        await gallery.OpenAsync(Title);
        await Expect(street).ToHaveURLAsync(new Regex("/cong-trinh/" + code + "$"));
        var details = new GalleryEntryPage(street);
        await Expect(details.MainHeading).ToHaveTextAsync(Title);
        await Expect(details.Photos).ToHaveCountAsync(2);
        await Expect(details.Documents.GetByRole(AriaRole.Link, new() { Name = "Tài liệu 1" })).ToBeVisibleAsync();
        await Expect(details.Documents).ToContainTextAsync("2 trang");
        var firstPage = details.Documents.GetByRole(AriaRole.Img, new() { Name = "Trang đầu của Tài liệu 1" });
        Assert.True(await LoadedWidthAsync(firstPage) > 0, "the PDF's first page did not load");
        var pagePreview = new ServedImage(await (await visitor.APIRequest.GetAsync((await firstPage.GetAttributeAsync("src"))!)).BodyAsync());
        Assert.True(pagePreview.Width < pagePreview.Height, $"an A4 page previewed as {pagePreview.Width}×{pagePreview.Height}");
        Assert.Equal("blue", pagePreview.Hue(0.5, 0.3)); // the box drawn on page 1

        var poster = await details.Video.GetAttributeAsync("poster");
        Assert.False(string.IsNullOrEmpty(poster), "the video has no poster");
        var posterResponse = await visitor.APIRequest.GetAsync(poster!);
        Assert.Equal(200, posterResponse.Status);
        Assert.Equal("image/jpeg", posterResponse.Headers["content-type"]);

        await details.Video.ScrollIntoViewIfNeededAsync();
        var seek = await details.Video.EvaluateAsync<JsonElement>("""
            async video => {
              if (video.readyState < 1) {
                const ready = new Promise((resolve, reject) => {
                  video.addEventListener('loadedmetadata', resolve, { once: true });
                  video.addEventListener('error', () => reject(new Error('video error ' + (video.error && video.error.code))), { once: true });
                });
                video.load();
                await ready;
              }
              const seeked = new Promise(resolve => video.addEventListener('seeked', resolve, { once: true }));
              video.currentTime = 2;
              await seeked;
              return { duration: video.duration, time: video.currentTime, width: video.videoWidth, height: video.videoHeight };
            }
            """);
        Assert.InRange(seek.GetProperty("duration").GetDouble(), 3.5, 4.5);
        Assert.InRange(seek.GetProperty("time").GetDouble(), 1.9, 2.1);
        Assert.Equal(320, seek.GetProperty("width").GetInt32());
        Assert.Contains(videoResponses, r => r.Status == 206);
        await Artifacts.ScreenshotAsync(street, "khach-02-video-da-tua", fullPage: false);

        var videoUrl = (await details.Video.Locator("source").GetAttributeAsync("src"))!;
        var part = await visitor.APIRequest.GetAsync(videoUrl, new() { Headers = new Dictionary<string, string> { ["Range"] = "bytes=1000-1999" } });
        Assert.Equal(206, part.Status);
        Assert.Matches(@"^bytes 1000-1999/\d+$", part.Headers["content-range"]);
        Assert.Equal(1000, (await part.BodyAsync()).Length);
        var whole = await (await visitor.APIRequest.GetAsync(videoUrl)).BodyAsync();
        Assert.True(whole.AsSpan().IndexOf("+21.5942"u8) < 0, "the served video still carries the GPS location");

        await PhoneLayout.AssertFitsAsync(street);
        await Artifacts.ScreenshotAsync(street, "khach-03-trang-cong-trinh");
    }

    /// <summary>The natural width of an image once it has loaded (scrolled to, as it may load lazily); throws if it is broken.</summary>
    private static async Task<int> LoadedWidthAsync(ILocator image)
    {
        await image.ScrollIntoViewIfNeededAsync();
        return await image.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)");
    }

    /// <summary>
    /// Keeps every state of every upload row (file | progress value | text) in <c>window.uploadLog</c>: the rows
    /// disappear shortly after a file is done, so the steps are recorded as they happen.
    /// </summary>
    private static Task RecordUploadProgressAsync(IPage page) => page.EvaluateAsync("""
        () => {
          window.uploadLog = [];
          const record = () => document.querySelectorAll('.uploader-item').forEach(item => {
            const entry = [item.querySelector('.uploader-name').textContent, item.querySelector('progress').value,
                           item.querySelector('.uploader-percent').textContent].join('|');
            if (!window.uploadLog.includes(entry)) window.uploadLog.push(entry);
          });
          new MutationObserver(record).observe(document.querySelector('.uploader'),
            { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """);

    /// <summary>Reloads the page until the element's text (spaces collapsed) contains the expected text.</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator locator, string expected)
    {
        var deadline = DateTime.UtcNow + ProcessingTimeout;
        while (true)
        {
            var text = Regex.Replace(await locator.InnerTextAsync(), @"\s+", " ");
            if (text.Contains(expected, StringComparison.Ordinal))
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Still “{text}” on {page.Url}, waiting for “{expected}”");
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
    }
}
