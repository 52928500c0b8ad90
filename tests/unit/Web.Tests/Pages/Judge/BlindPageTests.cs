using System.Net;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Serving;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages.Judge;

/// <summary>Judging is blind: nothing a judge can reach names the entrant, an author, their organisation or the entry code.</summary>
public sealed class BlindPageTests(TestSite site) : IClassFixture<TestSite>
{
    /// <summary>Every form of identity the seed gives an entry (names with and without diacritics, code, file names).</summary>
    private static IEnumerable<string> Identities(ContestPlatform.Web.Entries.Entry entry) =>
    [
        CouncilSeed.AuthorName, CouncilSeed.EntrantName, CouncilSeed.Organisation, CouncilSeed.OwnerName, CouncilSeed.AuthorUnit,
        CouncilSeed.FileName, "thuyet-minh-nguyen-van-tacgia", "Tácgiả", "tacgia", "Chủtàikhoản", entry.Code!, entry.Title,
        $"/cong-trinh/{entry.Code}",
    ];

    [Fact]
    public async Task The_scoring_page_shows_the_redacted_entry_and_nothing_that_identifies_the_entrant()
    {
        var (judge, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        var photo = await CouncilSeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        var second = await CouncilSeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        var video = await CouncilSeed.MediaAsync(site, entry.Id, MediaKind.Video);
        var document = await CouncilSeed.MediaAsync(site, entry.Id, MediaKind.Document);
        var evidence = await CouncilSeed.MediaAsync(site, entry.Id, MediaKind.Evidence);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);
        var url = CouncilSeed.UrlOf(round, entry.Id);

        var response = await browser.Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var page = await browser.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var identity in Identities(entry))
            Assert.DoesNotContain(identity, html, StringComparison.OrdinalIgnoreCase);
        var label = EntryLabels.Of(round, entry.Id);
        Assert.Equal($"Chấm điểm Công trình #{label} – Đổi mới sáng tạo - vì Thái Nguyên thân yêu", page.Title);
        Assert.Equal($"Công trình #{label}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Máy gặt lúa mini", page.QuerySelector("#noi-dung-cong-trinh")!.TextContent.Trim());
        Assert.Contains("Khung thép nhẹ, động cơ xăng nhỏ.", page.QuerySelector(".blind-entry")!.TextContent);

        // Media come from judge-only addresses: no public media id appears anywhere on the page, so a judge
        // cannot look a picture up in the gallery (/tep/{id}) and find whose entry it is.
        foreach (var media in new[] { photo, second, video, document, evidence })
            Assert.DoesNotContain($"/tep/{media.Id}/", html);
        Assert.DoesNotMatch(@"/tep/\d+/", html);
        var images = page.QuerySelectorAll(".blind-entry img").ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.Matches(@"^/giam-khao/tep/[A-Za-z0-9_-]{40,}/anh\.jpg$", i.GetAttribute("src")));
        Assert.NotEqual(images[0].GetAttribute("src"), images[1].GetAttribute("src"));
        Assert.Equal(["Ảnh minh họa 1", "Ảnh minh họa 2"], images.Select(i => i.GetAttribute("alt")));
        var videoUrl = page.QuerySelector(".blind-entry video source")!.GetAttribute("src")!;
        Assert.Matches(@"^/giam-khao/tep/[A-Za-z0-9_-]+/video$", videoUrl);
        var documentLink = page.QuerySelector(".document-list a")!;
        Assert.Equal("Tài liệu 1", documentLink.TextContent);
        Assert.Matches(@"^/giam-khao/tep/[A-Za-z0-9_-]+/tai-lieu$", documentLink.GetAttribute("href"));
        Assert.DoesNotContain("/goc", html);
        Assert.DoesNotContain("Ảnh do", html);

        // The judge loads what the page links to, with the same safe headers as public media; the downloaded
        // document has a neutral name, without the public id either.
        var shown = await browser.Client.GetAsync(images[0].GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/jpeg", shown.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", shown.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(shown.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {shown.Headers.CacheControl}");
        var range = new HttpRequestMessage(HttpMethod.Get, videoUrl);
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(2, 5);
        var partial = await browser.Client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType!.MediaType);
        var download = await browser.Client.GetAsync(documentLink.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("tai-lieu.pdf", download.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.DoesNotContain(document.Id.ToString(), download.Content.Headers.ContentDisposition!.ToString());
        // There is no judge address for originals.
        var original = videoUrl[..videoUrl.LastIndexOf('/')] + "/goc";
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(original)).StatusCode);
    }

    [Fact]
    public async Task The_queue_names_entries_only_by_their_anonymous_label_and_redacted_title()
    {
        var (judge, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);

        var response = await browser.Client.GetAsync("/giam-khao");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var identity in Identities(entry))
            Assert.DoesNotContain(identity, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Công trình #{EntryLabels.Of(round, entry.Id)}", html);
        Assert.Contains("Máy gặt lúa mini", html);
    }

    [Fact]
    public async Task Before_the_secretariat_redacts_it_a_judge_sees_only_the_label_category_and_a_notice()
    {
        var (judge, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site, blind: false);
        var photo = await CouncilSeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);

        var response = await browser.Client.GetAsync(CouncilSeed.UrlOf(round, entry.Id));
        var html = await response.Content.ReadAsStringAsync();
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tổ thư ký chưa hoàn tất bản ẩn danh", page.QuerySelector("#chua-an-danh")!.TextContent);
        foreach (var identity in Identities(entry))
            Assert.DoesNotContain(identity, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Máy gặt", html);
        Assert.DoesNotContain($"/tep/{photo.Id}/", html);
        Assert.Null(page.QuerySelector("#score-form"));
        Assert.Contains("Chờ Tổ thư ký hoàn tất bản ẩn danh", (await browser.GetPageAsync("/giam-khao")).Body!.TextContent);
    }

    [Fact]
    public async Task A_judge_never_sees_another_judges_scores()
    {
        var (judge, browser) = await CouncilSeed.SignedInJudgeAsync(site);
        var colleague = await CouncilSeed.JudgeAsync(site, "Đồng Nghiệp Bímật");
        var round = await CouncilSeed.RoundAsync(site);
        var entry = await CouncilSeed.EntryAsync(site);
        await CouncilSeed.AssignAsync(site, round, entry.Id, judge.Id);
        await CouncilSeed.AssignAsync(site, round, entry.Id, colleague.Id);
        await site.QueryAsync(async db =>
        {
            db.ScoreSheets.Add(new ScoreSheet
            {
                RoundId = round.Id, EntryId = entry.Id, JudgeId = colleague.Id, State = SheetState.Submitted, Comment = "Nhận xét bí mật 1234",
                Lines = [new ScoreLine { CriterionCode = "HQ", Points = 27.5m, Comment = "Rất tốt 5678" }],
            });
            return await db.SaveChangesAsync();
        });

        var html = await (await browser.Client.GetAsync(CouncilSeed.UrlOf(round, entry.Id))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("Bímật", html);
        Assert.DoesNotContain("1234", html);
        Assert.DoesNotContain("5678", html);
        Assert.DoesNotContain("27.5", html);
        Assert.DoesNotContain("27,5", html);
    }
}
