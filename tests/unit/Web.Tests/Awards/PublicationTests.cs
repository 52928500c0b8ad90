using System.Net;
using ClosedXML.Excel;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Awards.AwardSteps;

namespace ContestPlatform.Web.Tests.Awards;

/// <summary>
/// What publication opens up, and nothing of it before the moment: the entrant's per-criterion feedback and
/// award badge, the public spreadsheet; and the organizer's draft Quyết định and spreadsheet at any time.
/// </summary>
public sealed class PublicationTests
{
    private const string Xlsx = "/giai-thuong/ket-qua.xlsx";

    /// <summary>The ranked round with E1 and E2 in one category, E3 and E4 in another, and E1 owned by a signed-in entrant.</summary>
    private static async Task<(RoundBuilder Round, Browser Entrant)> EntrantOfTheWinnerAsync(TestSite site)
    {
        var round = await RankedRoundAsync(site);
        var email = $"tg{Guid.NewGuid():N}@example.vn";
        var user = await site.CreateUserAsync(email, "MatKhau123", Roles.Entrant);
        await site.QueryAsync(async db =>
        {
            var categories = await db.Categories.OrderBy(c => c.SortOrder).Take(2).Select(c => c.Id).ToListAsync();
            foreach (var (key, category) in new[] { ("E1", 0), ("E2", 0), ("E3", 1), ("E4", 1) })
            {
                var entry = await db.Entries.SingleAsync(e => e.Id == round.EntryId(key));
                entry.CategoryId = categories[category];
                if (key == "E1")
                    entry.OwnerId = user.Id;
            }
            return await db.SaveChangesAsync();
        });
        var entrant = site.NewBrowser();
        await entrant.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = "MatKhau123" });
        return (round, entrant);
    }

    private static async Task PublishInTwoHoursAsync(TestSite site, RoundBuilder round, Browser organizer)
    {
        await ProposeAndSendAsync(organizer);
        await ApproveAllAsync(site, round);
        var at = TestSite.Start.AddHours(2).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm");
        await organizer.FollowAsync(await organizer.SubmitFormAsync(Admin, new() { ["thoiDiem"] = at }, "#cong-bo-form"));
    }

    [Fact]
    public async Task The_entrant_sees_per_criterion_averages_beside_the_category_average_only_after_publication()
    {
        await using var site = new TestSite();
        var (round, entrant) = await EntrantOfTheWinnerAsync(site);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        await PublishInTwoHoursAsync(site, round, organizer);
        var details = $"/thi-sinh/cong-trinh/{round.EntryId("E1")}/xem";

        var before = await entrant.GetPageAsync(details);
        Assert.Null(before.QuerySelector("#diem-tieu-chi"));
        Assert.DoesNotContain("Giải Nhất", before.Body!.TextContent);
        Assert.Null((await entrant.GetPageAsync("/thi-sinh")).QuerySelector(".badge-award"));

        site.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var after = await entrant.GetPageAsync(details);
        Assert.Contains("Chúc mừng! Công trình đoạt Giải Nhất.", after.QuerySelector(".feedback")!.TextContent);
        string Cells(string code) => string.Join(" | ", after.QuerySelectorAll($"#diem-tieu-chi tr[data-code='{code}'] td").Select(c => c.TextContent.Trim()));
        // E1's mean beside the mean of E1 and E2 (its category), and the criterion's maximum.
        Assert.Equal("18 | 17 | 20", Cells("DMST"));
        Assert.Equal("27 | 26 | 30", Cells("HQ"));
        Assert.Equal("27 | 26 | 30", Cells("KNAD"));
        Assert.Contains("2 công trình cùng lĩnh vực", after.QuerySelector("#diem-tieu-chi caption")!.TextContent);
        Assert.Equal("Đoạt Giải Nhất", (await entrant.GetPageAsync("/thi-sinh")).QuerySelector(".badge-award")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_public_spreadsheet_is_404_until_the_moment_then_lists_the_winners_in_tier_order()
    {
        await using var site = new TestSite();
        var round = await RankedRoundAsync(site);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        await PublishInTwoHoursAsync(site, round, organizer);
        var visitor = site.NewBrowser();

        var early = await visitor.Client.GetAsync(Xlsx);
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.DoesNotContain(round.Code("E1"), await early.Content.ReadAsStringAsync());
        Assert.Null((await visitor.GetPageAsync("/giai-thuong")).QuerySelector($"a[href='{Xlsx}']"));

        site.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        Assert.NotNull((await visitor.GetPageAsync("/giai-thuong")).QuerySelector($"a[href='{Xlsx}']"));
        var response = await visitor.Client.GetAsync(Xlsx);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Hạng giải", sheet.Cell(1, 1).GetString());
        var rows = Enumerable.Range(2, 4).Select(r => (Tier: sheet.Cell(r, 1).GetString(), Code: sheet.Cell(r, 2).GetString(), Money: sheet.Cell(r, 9).GetValue<long>())).ToList();
        Assert.Equal(
            [("Giải Nhất", round.Code("E1"), 30_000_000L), ("Giải Nhì", round.Code("E2"), 20_000_000L), ("Giải Nhì", round.Code("E3"), 20_000_000L), ("Giải Ba", round.Code("E4"), 10_000_000L)],
            rows);
        Assert.True(sheet.Cell(6, 1).IsEmpty());
    }

    [Fact]
    public async Task The_draft_decision_prints_the_national_heading_legal_bases_and_every_award()
    {
        await using var site = new TestSite();
        var round = await RankedRoundAsync(site);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        Assert.NotNull((await organizer.GetPageAsync("/quan-tri/giai-thuong/quyet-dinh")).QuerySelector("#chua-co-de-nghi"));
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.Client.GetAsync("/quan-tri/giai-thuong/quyet-dinh?handler=xlsx")).StatusCode);
        await ProposeAndSendAsync(organizer);

        var page = await organizer.GetPageAsync("/quan-tri/giai-thuong/quyet-dinh");
        var doc = page.QuerySelector("#quyet-dinh")!.TextContent;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", doc);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", doc);
        Assert.Contains("Về việc công nhận kết quả Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu” lần thứ nhất, năm 2025", doc);
        Assert.Contains("Căn cứ Kế hoạch số 255/KH-UBND ngày 31/12/2024", doc);
        Assert.Contains("Căn cứ Quyết định số 16/QĐ-BTCCT ngày 24/01/2025", doc);
        Assert.Contains("04 công trình đoạt giải", doc);
        Assert.Contains("01 Giải Nhất; 02 Giải Nhì; 01 Giải Ba", doc);
        // 30 + 2 × 20 + 10 million.
        Assert.Contains("80.000.000 đồng (Tám mươi triệu đồng)", doc);
        Assert.Equal(4, page.QuerySelectorAll("#danh-sach-kem-theo tr[data-code]").Length);
        Assert.Contains("Công trình E1 (" + round.Code("E1") + ")", page.QuerySelector($"#danh-sach-kem-theo tr[data-code='{round.Code("E1")}']")!.TextContent);

        var xlsx = await organizer.Client.GetAsync("/quan-tri/giai-thuong/quyet-dinh?handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(round.Code("E1"), workbook.Worksheet(1).Cell(2, 2).GetString());

        // Before publication nobody else gets the list: not the committee, not a visitor.
        var member = await site.SignedInAsync(Roles.Committee);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/quan-tri/giai-thuong/quyet-dinh")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync("/quan-tri/giai-thuong/quyet-dinh?handler=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().Client.GetAsync(Xlsx)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_readers_get_the_results_from_the_output_cache_keyed_by_the_publication_moment()
    {
        await using var site = new TestSite();
        var round = await RankedRoundAsync(site);
        var organizer = await site.SignedInAsync(Roles.Organizer);
        await PublishInTwoHoursAsync(site, round, organizer);
        var visitor = site.NewBrowser();

        // Cached before the moment (twice, so the cached copy is what answers)...
        Assert.NotNull((await visitor.GetPageAsync("/giai-thuong")).QuerySelector("#chua-cong-bo"));
        Assert.NotNull((await visitor.GetPageAsync("/giai-thuong")).QuerySelector("#chua-cong-bo"));
        site.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        // ...but the moment changes the key: the winners at once, not after the cache expires.
        Assert.Contains(round.Code("E1"), (await visitor.GetPageAsync("/giai-thuong")).QuerySelector("main")!.TextContent);

        // An edit made behind the site's back shows to a signed-in reader (never cached) but not yet to the
        // anonymous one: the copy comes from the cache.
        await site.QueryAsync(db => db.PrizeTiers.Where(t => t.Name == "Giải Nhất").ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, "Giải Đặc biệt")));
        Assert.Contains("Giải Nhất", (await visitor.GetPageAsync("/giai-thuong")).QuerySelector("main")!.TextContent);
        Assert.Contains("Giải Đặc biệt", (await organizer.GetPageAsync("/giai-thuong")).QuerySelector("main")!.TextContent);
    }
}
