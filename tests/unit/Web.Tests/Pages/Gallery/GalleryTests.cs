using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Serving;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages.Gallery;

public sealed class GalleryTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<Entry> PublishedAsync(Action<Entry> configure, EntryStatus status = EntryStatus.Accepted)
    {
        var owner = await EntrySeed.UserAsync(site);
        return await EntrySeed.EntryAsync(site, owner.Id, status, configure);
    }

    private Task<IHtmlDocument> GalleryAsync(string query = "") => site.NewBrowser().GetPageAsync("/cong-trinh" + query);

    private static IReadOnlyList<string> CardTitles(IHtmlDocument page) =>
        page.QuerySelectorAll(".gallery-card h2").Select(h => h.TextContent.Trim()).ToList();

    private static string Q(string text) => "?q=" + Uri.EscapeDataString(text);

    [Fact]
    public async Task Only_accepted_entries_and_later_stages_are_public()
    {
        var token = EntrySeed.Token();
        var entries = new Dictionary<EntryStatus, Entry>();
        foreach (var status in Enum.GetValues<EntryStatus>())
            entries[status] = await PublishedAsync(e => e.Title = $"Công trình {token} {status}", status);
        // A draft normally has no code; give it one to prove its page is not reachable either.
        await site.QueryAsync(async db =>
        {
            var draft = await db.Entries.FindAsync(entries[EntryStatus.Draft].Id);
            draft!.Code = EntrySeed.NewCode();
            entries[EntryStatus.Draft].Code = draft.Code;
            return await db.SaveChangesAsync();
        });

        var titles = CardTitles(await GalleryAsync(Q(token)));

        var visitor = site.NewBrowser();
        foreach (var (status, entry) in entries)
        {
            var isPublic = EntryStatusLabels.Public.Contains(status);
            Assert.True(isPublic == titles.Contains(entry.Title), $"{status} shown: {!isPublic}");
            var (response, page) = await visitor.GetAsync($"/cong-trinh/{entry.Code}");
            Assert.Equal(isPublic ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
            if (!isPublic)
                Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent);
        }
        Assert.Equal(EntryStatusLabels.Public.Length, titles.Count);
    }

    [Fact]
    public async Task Search_ignores_vietnamese_diacritics()
    {
        var token = EntrySeed.Token();
        var innovation = await PublishedAsync(e => e.Title = $"Đổi mới quy trình cấp nước {token}");
        var power = await PublishedAsync(e => e.Title = $"Tiết kiệm Điện chiếu sáng công cộng {token}");

        Assert.Equal([innovation.Title], CardTitles(await GalleryAsync(Q($"doi moi {token}"))));
        Assert.Equal([power.Title], CardTitles(await GalleryAsync(Q($"dien {token}"))));
        Assert.Equal([power.Title], CardTitles(await GalleryAsync(Q($"ĐIỆN CHIẾU {token}"))));
        Assert.Equal(2, CardTitles(await GalleryAsync(Q(token))).Count);
    }

    [Fact]
    public async Task Search_finds_the_summary_and_the_entrant_name()
    {
        var token = EntrySeed.Token();
        var byEntrant = await PublishedAsync(e => e.EntrantName = $"Hợp tác xã Chè Tân Cương {token}");
        var bySummary = await PublishedAsync(e => e.Summary = $"Máy sấy chè dùng năng lượng mặt trời {token}");

        var page = await GalleryAsync(Q($"che tan cuong {token}"));
        Assert.Equal([byEntrant.Title], CardTitles(page));
        Assert.Contains(byEntrant.EntrantName, page.QuerySelector(".gallery-card")!.TextContent);
        Assert.Single(CardTitles(await GalleryAsync(Q($"nang luong mat troi {token}"))));
        Assert.Contains(bySummary.Code!, (await GalleryAsync(Q($"nang luong mat troi {token}"))).QuerySelector(".gallery-card")!.TextContent);
    }

    [Fact]
    public async Task Category_and_commune_filters_narrow_the_list()
    {
        var token = EntrySeed.Token();
        var health = await PublishedAsync(e => { e.Title = $"Y tế {token}"; e.CategoryId = 5; e.Commune = "Xã Võ Nhai"; });
        var school = await PublishedAsync(e => { e.Title = $"Giáo dục {token}"; e.CategoryId = 6; e.Commune = "Xã Võ Nhai"; });
        var city = await PublishedAsync(e => { e.Title = $"Đô thị {token}"; e.CategoryId = 6; e.Commune = "Phường Phan Đình Phùng"; });

        Assert.Equal([health.Title], CardTitles(await GalleryAsync(Q(token) + "&linh-vuc=5")));
        Assert.Equal(
            new[] { school.Title, city.Title }.Order(),
            CardTitles(await GalleryAsync(Q(token) + "&linh-vuc=6")).Order());
        Assert.Equal(
            new[] { health.Title, school.Title }.Order(),
            CardTitles(await GalleryAsync(Q(token) + "&xa=" + Uri.EscapeDataString("Xã Võ Nhai"))).Order());
        Assert.Equal([school.Title], CardTitles(await GalleryAsync(Q(token) + "&linh-vuc=6&xa=" + Uri.EscapeDataString("Xã Võ Nhai"))));

        var page = await GalleryAsync();
        Assert.NotNull(page.QuerySelector("select#xa option[value='Xã Võ Nhai']"));
        Assert.NotNull(page.QuerySelector("select#linh-vuc option[value='5']"));
    }

    [Fact]
    public async Task The_list_is_paged_twelve_at_a_time_with_a_count()
    {
        var token = EntrySeed.Token();
        for (var i = 0; i < 13; i++)
            await PublishedAsync(e => e.Title = $"Sáng kiến {token} số {i + 1}");

        var first = await GalleryAsync(Q(token));
        Assert.Equal(12, first.QuerySelectorAll(".gallery-card").Length);
        Assert.Contains("Tìm thấy 13 công trình", first.QuerySelector(".result-count")!.TextContent.Replace("\n", " ").Replace("  ", " "));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("trang=2", next);

        var second = await site.NewBrowser().GetPageAsync(next);
        Assert.Single(second.QuerySelectorAll(".gallery-card"));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Nothing_found_says_so()
    {
        var page = await GalleryAsync(Q(EntrySeed.Token()));

        Assert.Empty(page.QuerySelectorAll(".gallery-card"));
        Assert.Contains("Không tìm thấy công trình phù hợp", page.QuerySelector(".gallery-empty")!.TextContent);
    }

    [Fact]
    public async Task Cards_show_a_lazy_thumbnail_with_a_jpeg_fallback_or_a_placeholder()
    {
        var token = EntrySeed.Token();
        var withPhoto = await PublishedAsync(e => e.Title = $"Có ảnh {token}");
        var photo = await EntrySeed.MediaAsync(site, withPhoto.Id, MediaKind.Photo);
        var waiting = await PublishedAsync(e => e.Title = $"Ảnh đang xử lý {token}");
        await EntrySeed.MediaAsync(site, waiting.Id, MediaKind.Photo, configure: m => m.State = MediaState.Processing);

        var page = await GalleryAsync(Q(token));

        var cards = page.QuerySelectorAll(".gallery-card");
        var pictured = cards.Single(c => c.TextContent.Contains(withPhoto.Title));
        Assert.Equal(MediaUrls.ThumbWebp(photo.Id), pictured.QuerySelector("picture source[type='image/webp']")!.GetAttribute("srcset"));
        var img = pictured.QuerySelector("picture img")!;
        Assert.Equal(MediaUrls.Thumb(photo.Id), img.GetAttribute("src"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("async", img.GetAttribute("decoding"));
        Assert.Equal("400", img.GetAttribute("width"));
        Assert.Equal("300", img.GetAttribute("height"));
        var placeholder = cards.Single(c => c.TextContent.Contains(waiting.Title));
        Assert.Null(placeholder.QuerySelector("img"));
        Assert.Contains("Chưa có ảnh", placeholder.QuerySelector(".gallery-placeholder")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_code_is_404_in_vietnamese()
    {
        var (response, page) = await site.NewBrowser().GetAsync("/cong-trinh/DMST-2025-9999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_entry_page_shows_its_text_authors_and_media_but_no_evidence()
    {
        var entry = await PublishedAsync(e =>
        {
            e.Title = "Hệ thống tưới tiết kiệm nước cho chè";
            e.Solution = "Dòng một <script>alert(1)</script>\nDòng hai <b>đậm</b>";
            e.BenefitVnd = 1_200_000_000;
            e.JobsCreated = 12;
            e.Authors =
            [
                new EntryAuthor { Order = 1, FullName = "Nguyễn Văn An", Unit = "Hợp tác xã Chè La Bằng", SharePercent = 60, IsRepresentative = true },
                new EntryAuthor { Order = 2, FullName = "Trần Thị Bình", Unit = "Trạm Khuyến nông", SharePercent = 40 },
            ];
        }, EntryStatus.Judging);
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo, configure: m => m.Caption = "Ruộng chè sau khi lắp đặt");
        var video = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Video);
        var document = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Document, configure: m => m.Caption = "Thuyết minh chi tiết");
        var evidence = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Evidence);

        var page = await site.NewBrowser().GetPageAsync($"/cong-trinh/{entry.Code}");

        var article = page.QuerySelector("article")!;
        Assert.Equal(entry.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(entry.Code!, article.TextContent);
        Assert.Contains("Công nghệ thông tin & chuyển đổi số", article.TextContent);
        Assert.Contains("Phường Phan Đình Phùng", article.TextContent);
        Assert.Contains(entry.EntrantName, article.TextContent);
        Assert.Contains("Nguyễn Văn An", article.QuerySelector(".entry-authors")!.TextContent);
        Assert.Contains("Trạm Khuyến nông", article.QuerySelector(".entry-authors")!.TextContent);
        Assert.Contains("1.200.000.000 đồng", article.TextContent);

        // Thuyết minh is text: markup shows as typed and never runs.
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Null(article.QuerySelector(".plain-text b"));
        var solution = article.QuerySelectorAll(".plain-text").Single(p => p.TextContent.Contains("Dòng một"));
        Assert.Equal(entry.Solution, solution.TextContent);

        var picture = article.QuerySelector(".entry-photos picture")!;
        Assert.Equal(MediaUrls.DisplayWebp(photo.Id), picture.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"));
        Assert.Equal(MediaUrls.Display(photo.Id), picture.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("Ruộng chè sau khi lắp đặt", picture.QuerySelector("img")!.GetAttribute("alt"));

        var player = article.QuerySelector("video")!;
        Assert.True(player.HasAttribute("controls"));
        Assert.Equal("metadata", player.GetAttribute("preload"));
        Assert.Equal(MediaUrls.Poster(video.Id), player.GetAttribute("poster"));
        Assert.Equal(MediaUrls.Video(video.Id), player.QuerySelector("source[type='video/mp4']")!.GetAttribute("src"));

        var documents = article.QuerySelector(".entry-documents")!;
        Assert.Equal(MediaUrls.Document(document.Id), documents.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("12 trang", documents.TextContent);
        Assert.NotNull(documents.QuerySelector($"img[src='{MediaUrls.Poster(document.Id)}']"));

        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain($"/tep/{evidence.Id}/", html);
        Assert.DoesNotContain("/goc", html);
        Assert.NotNull(page.QuerySelector("#binh-chon"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task The_main_navigation_links_to_the_gallery()
    {
        var page = await GalleryAsync();

        var links = page.QuerySelectorAll(".main-nav ul a").Select(a => a.TextContent).ToList();
        Assert.Equal(links.IndexOf("Tiêu chí") + 1, links.IndexOf("Công trình"));
        Assert.Equal(links.IndexOf("Công trình") + 1, links.IndexOf("Giải thưởng"));
        Assert.Equal(links.IndexOf("Giải thưởng") + 1, links.IndexOf("Sự kiện"));
        Assert.Equal("page", page.QuerySelector(".main-nav a[href='/cong-trinh']")!.GetAttribute("aria-current"));
    }
}
