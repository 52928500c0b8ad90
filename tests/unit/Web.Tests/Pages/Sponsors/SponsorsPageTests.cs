using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Tests.Media.Uploads;
using ContestPlatform.Web.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.Sponsorship.SponsorshipSteps;

namespace ContestPlatform.Web.Tests.Pages.Sponsors;

/// <summary>
/// /nha-tai-tro, the home page strip and the agenda's MoU link show a sponsor only once its MoU is signed
/// and grants the logo on the site. Each test has a site of its own: what is public is site-wide.
/// </summary>
public sealed class SponsorsPageTests
{
    private const string Page = "/nha-tai-tro";
    private const string Events = "/su-kien";

    /// <summary>The seeded sponsor, with a logo and a website, and its seeded draft MoU (#1) worth 50 million.</summary>
    private static async Task<Browser> SeededSponsorWithLogoAsync(TestSite site)
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        await AdminSteps.LandAsync(organizer, await SubmitMultipartAsync(organizer, SponsorUrl(1), "#sponsor-form", new()
        {
            ["Input.Website"] = "https://hiephoidoanhnghiep.thainguyen.vn", ["Input.TaxCode"] = TaxCode,
        }, "logo", SampleFiles.Png(600, 300)));
        await AdminSteps.LandAsync(organizer, await SaveTermsAsync(organizer, 1, new()
        {
            ["Input.ValueDong"] = "50000000", ["Input.PartyBRepresentative"] = "Đại diện Hiệp hội", ["Input.PartyBPosition"] = "Chủ tịch",
        }));
        return organizer;
    }

    [Fact]
    public async Task The_page_is_empty_while_the_MoU_is_a_draft_and_shows_the_sponsor_once_it_is_signed()
    {
        await using var site = new TestSite();
        var organizer = await SeededSponsorWithLogoAsync(site);
        var visitor = site.NewBrowser();

        var before = await visitor.GetPageAsync(Page);
        Assert.NotNull(before.QuerySelector("#chua-co-nha-tai-tro"));
        Assert.DoesNotContain("Hiệp hội Doanh nghiệp", before.QuerySelector("main")!.TextContent);
        Assert.Null((await visitor.GetPageAsync("/")).QuerySelector(".sponsor-strip"));

        await SignAsync(site, organizer, 1);

        var after = await visitor.GetPageAsync(Page);
        Assert.Null(after.QuerySelector("#chua-co-nha-tai-tro"));
        var card = after.QuerySelector("#nha-tai-tro-1")!;
        Assert.Contains("Hiệp hội Doanh nghiệp tỉnh Thái Nguyên", card.QuerySelector("h2")!.TextContent);
        Assert.Contains("Tiền", card.TextContent);
        var tiers = card.QuerySelector(".funded-tiers")!.TextContent;
        Assert.Contains("Giải Ba: 3 giải, mỗi giải 10.000.000 đồng", tiers);
        Assert.Contains("Giải Khuyến khích", tiers);
        var link = card.QuerySelector("a[href^='https://hiephoidoanhnghiep']")!;
        Assert.Equal("noopener", link.GetAttribute("rel"));

        var logo = await visitor.Client.GetAsync(card.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.True(logo.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), logo.Headers.CacheControl.MaxAge);
        Assert.Contains(logo.Headers.CacheControl.Extensions, e => e.Name == "immutable");

        var home = await visitor.GetPageAsync("/");
        var strip = home.QuerySelector(".sponsor-strip")!;
        Assert.Equal(card.QuerySelector("img")!.GetAttribute("src"), strip.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("/nha-tai-tro#nha-tai-tro-1", strip.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(home.QuerySelector("nav.main-nav a[href='/nha-tai-tro']"));
    }

    [Fact]
    public async Task A_signed_MoU_without_the_logo_benefit_keeps_the_sponsor_off_the_page()
    {
        await using var site = new TestSite();
        var organizer = await SeededSponsorWithLogoAsync(site);
        await AdminSteps.LandAsync(organizer, await SaveTermsAsync(organizer, 1, new() { ["Input.BenefitLogoOnSite"] = "false" }));
        await SignAsync(site, organizer, 1);

        var page = await site.NewBrowser().GetPageAsync(Page);

        Assert.NotNull(page.QuerySelector("#chua-co-nha-tai-tro"));
    }

    [Fact]
    public async Task A_stored_website_that_is_not_http_is_never_a_link()
    {
        await using var site = new TestSite();
        var organizer = await SeededSponsorWithLogoAsync(site);
        await SignAsync(site, organizer, 1);
        // Written straight to the database, as an old import or a bug might.
        await site.QueryAsync(async db =>
        {
            var sponsor = await db.Sponsors.SingleAsync(s => s.Id == 1);
            sponsor.Website = "javascript:alert(1)";
            return await db.SaveChangesAsync();
        });

        var page = await site.NewBrowser().GetPageAsync(Page);

        AdminSteps.AssertInert(page.QuerySelector("main")!);
        Assert.DoesNotContain("javascript", page.QuerySelector("main")!.InnerHtml);
    }

    [Fact]
    public async Task The_signing_item_of_the_launch_agenda_links_to_the_MoU_for_organizers_and_to_the_sponsor_once_signed()
    {
        await using var site = new TestSite();
        var organizer = await SeededSponsorWithLogoAsync(site);
        var visitor = site.NewBrowser();
        var (entrant, _) = await AdminSteps.SignedInAsync(site, Roles.Entrant);

        var forOrganizer = (await organizer.GetPageAsync(Events)).QuerySelector("a.agenda-link")!;
        Assert.Equal("/quan-tri/tai-tro/bien-ban/1", forOrganizer.GetAttribute("href"));
        Assert.Contains("Dự thảo", forOrganizer.TextContent);
        Assert.Contains("Ký kết biên bản ghi nhớ tài trợ", forOrganizer.Closest("td")!.TextContent);
        // A draft MoU is not public.
        Assert.Empty((await visitor.GetPageAsync(Events)).QuerySelectorAll("a.agenda-link"));
        Assert.Empty((await entrant.GetPageAsync(Events)).QuerySelectorAll("a.agenda-link"));

        await SignAsync(site, organizer, 1);

        var forPublic = (await visitor.GetPageAsync(Events)).QuerySelector("a.agenda-link")!;
        Assert.Equal("/nha-tai-tro#nha-tai-tro-1", forPublic.GetAttribute("href"));
        Assert.Contains("Hiệp hội Doanh nghiệp tỉnh Thái Nguyên", forPublic.TextContent);
        Assert.Equal("/quan-tri/tai-tro/bien-ban/1", (await organizer.GetPageAsync(Events)).QuerySelector("a.agenda-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_organizer_links_an_agenda_row_to_an_MoU_in_the_events_admin()
    {
        await using var site = new TestSite();
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var sponsor = await CreateSponsorAsync(site, organizer, "Công ty Sự kiện");
        var mou = await CreateMouAsync(site, organizer, sponsor);
        var item = await site.QueryAsync(db => db.AgendaItems.Where(a => a.ContestEventId == 1 && a.SponsorshipMouId == null).OrderBy(a => a.Order).FirstAsync());

        await AdminSteps.LandAsync(organizer, await organizer.SubmitFormAsync($"/quan-tri/su-kien/1?muc={item.Id}",
            new() { ["Item.SponsorshipMouId"] = mou.ToString() }, "#agenda-edit"));

        Assert.Equal(mou, await site.QueryAsync(db => db.AgendaItems.Where(a => a.Id == item.Id).Select(a => a.SponsorshipMouId).SingleAsync()));
        var admin = await organizer.GetPageAsync("/quan-tri/su-kien/1");
        Assert.NotNull(admin.QuerySelector($".agenda-table a[href='/quan-tri/tai-tro/bien-ban/{mou}']"));

        // An id that is no MoU is refused next to the select.
        var refused = await organizer.SubmitFormAsync($"/quan-tri/su-kien/1?muc={item.Id}", new() { ["Item.SponsorshipMouId"] = "999" }, "#agenda-edit");
        Assert.Contains("trong danh sách", (await Browser.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Item.SponsorshipMouId']")!.TextContent);
        Assert.Equal(mou, await site.QueryAsync(db => db.AgendaItems.Where(a => a.Id == item.Id).Select(a => a.SponsorshipMouId).SingleAsync()));
    }
}
