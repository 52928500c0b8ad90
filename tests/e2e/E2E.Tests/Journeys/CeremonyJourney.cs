using ContestPlatform.E2E.Infrastructure;
using ContestPlatform.E2E.PageObjects;
using ContestPlatform.Web.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestPlatform.E2E.Journeys;

/// <summary>
/// Lễ trao giải, issue 6 item 4: the presenter reveals the approved awards from the console on a laptop, and an
/// audience screen open on the projector (1920×1080) follows each reveal and the undo without being reloaded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CeremonyJourney(BrowserFixture browser)
{
    private const string Password = "SangTao2025";

    private static readonly CeremonyData.Winner[] Ranked =
    [
        new("Ứng dụng Internet vạn vật giám sát và tưới tự động cho vùng chè Tân Cương", "Hợp tác xã Chè Hoàng Bình", ["Nguyễn Văn Hùng", "Trần Thị Mai"]),
        new("Nền tảng số tiếp nhận hồ sơ hành chính không giấy tờ cấp xã", "UBND phường Phan Đình Phùng", ["Lê Minh Tuấn"]),
        new("Máy sao chè tự động điều khiển nhiệt độ", "Công ty TNHH Cơ khí Gia Sàng", ["Hoàng Văn Long", "Đỗ Quang Huy"]),
        new("Hệ thống cảnh báo sớm sạt lở đất cho các xã vùng cao", "Trường Đại học Kỹ thuật Công nghiệp", ["Vũ Đức Thắng"]),
    ];

    [Fact]
    public async Task The_presenter_reveals_the_awards_and_an_open_audience_screen_follows()
    {
        // A site of its own: the proposal and its reveals are contest-wide.
        await using var site = new SiteServer();
        var organizerEmail = $"mc-{Guid.NewGuid():N}"[..12] + "@example.vn";
        await ContestSeed.AccountAsync(site, organizerEmail, Password, "Trần Thu Hà", Roles.Organizer);
        var entries = await CeremonyData.ApprovedProposalAsync(site, Ranked);

        // The projector opens the audience screen before the ceremony starts: the title card, no winner.
        await using var projector = await browser.NewContextAsync(new Screen(1920, 1080), site);
        var screen = await new AudienceScreenPage(await projector.NewPageAsync()).OpenAsync();
        await Expect(screen.Heading).ToHaveTextAsync("Lễ trao giải");
        await Expect(screen.CurrentAward).ToBeHiddenAsync();
        foreach (var entry in entries)
            await Expect(screen.Page.Locator("body")).Not.ToContainTextAsync(entry.Title);
        await Artifacts.ScreenshotAsync(screen.Page, "c01-man-hinh-khan-gia-mo-dau", fullPage: false);

        // The presenter's laptop.
        await using var laptop = await browser.NewContextAsync(new Screen(1280, 800), site);
        var page = await laptop.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(organizerEmail, Password);
        var console = await new CeremonyConsolePage(page).OpenAsync();
        // 4 entries fill Giải Nhất, both Giải Nhì and one Giải Ba: the Giải Ba (rank 4) comes first.
        await Expect(console.RevealNext).ToHaveTextAsync($"Công bố giải tiếp theo: Giải Ba — {entries[3].Code}");
        await Expect(console.AudienceLink).ToHaveAttributeAsync("href", "/le-trao-giai");
        await Artifacts.ScreenshotAsync(page, "c02-dieu-khien-truoc-khi-cong-bo");

        await console.RevealNext.ClickAsync();
        await Expect(console.StatusMessage).ToContainTextAsync($"Đã công bố Giải Ba — {entries[3].Code}");
        // The open screen follows without a reload.
        await Expect(screen.Heading).ToHaveTextAsync(Ranked[3].Title);
        await Expect(screen.Tier).ToHaveTextAsync("Giải Ba");
        await Expect(screen.CurrentAward).ToContainTextAsync("Vũ Đức Thắng");
        await Expect(screen.CurrentAward.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("alt", $"Ảnh công trình “{Ranked[3].Title}”");

        // Giải Nhì: the lower-ranked one first, then the other.
        await console.RevealNext.ClickAsync();
        await Expect(screen.Heading).ToHaveTextAsync(Ranked[2].Title);
        await Expect(screen.Earlier).ToHaveCountAsync(1);
        // The second one with the presentation clicker (Page Down), as from the lectern.
        await console.PressClickerAsync();
        await Expect(screen.Heading).ToHaveTextAsync(Ranked[1].Title);
        await Expect(screen.Earlier).ToHaveCountAsync(2);
        await Expect(screen.Earlier.First).ToContainTextAsync(Ranked[2].Title);
        await Expect(screen.Page.Locator("body")).Not.ToContainTextAsync(Ranked[0].Title);

        // Undo: the screen goes back to the award before.
        await console.Undo.ClickAsync();
        await Expect(console.StatusMessage).ToContainTextAsync("Đã hoàn tác");
        await Expect(screen.Heading).ToHaveTextAsync(Ranked[2].Title);
        await Expect(screen.Earlier).ToHaveCountAsync(1);

        await console.RevealNext.ClickAsync();
        await console.RevealNext.ClickAsync();
        await Expect(screen.Tier).ToHaveTextAsync("Giải Nhất");
        await Expect(screen.Heading).ToHaveTextAsync(Ranked[0].Title);
        await Expect(screen.Earlier).ToHaveCountAsync(3);
        await Expect(console.Progress).ToContainTextAsync("Đã công bố 4/4 giải");
        await Artifacts.ScreenshotAsync(page, "c03-dieu-khien-da-cong-bo-het");
        // Let the entrance animation finish before the picture of the projector is taken.
        await screen.Page.WaitForTimeoutAsync(1200);
        await Artifacts.ScreenshotAsync(screen.Page, "c04-man-hinh-khan-gia-giai-nhat", fullPage: false);

        // A screen opened now (a second projector, a reload) shows the same state straight away.
        var late = await new AudienceScreenPage(await projector.NewPageAsync()).OpenAsync();
        await Expect(late.Heading).ToHaveTextAsync(Ranked[0].Title);
        await Expect(late.Reconnecting).ToBeHiddenAsync();
    }

    [Fact]
    public async Task An_open_audience_screen_reconnects_by_itself_when_the_site_restarts()
    {
        var data = SiteServer.NewDataDirectory();
        try
        {
            var first = new SiteServer(dataDirectory: data);
            var organizerEmail = $"mc-{Guid.NewGuid():N}"[..12] + "@example.vn";
            await ContestSeed.AccountAsync(first, organizerEmail, Password, "Trần Thu Hà", Roles.Organizer);
            await CeremonyData.ApprovedProposalAsync(first, Ranked);
            await using var projector = await browser.NewContextAsync(new Screen(1920, 1080), first);
            var screen = await new AudienceScreenPage(await projector.NewPageAsync()).OpenAsync();
            await using var laptop = await browser.NewContextAsync(new Screen(1280, 800), first);
            var page = await laptop.NewPageAsync();
            var login = new LoginPage(page);
            await login.OpenAsync();
            await login.LogInAsync(organizerEmail, Password);
            var console = await new CeremonyConsolePage(page).OpenAsync();
            await console.RevealNext.ClickAsync();
            await Expect(screen.Heading).ToHaveTextAsync(Ranked[3].Title);

            // The site is restarted in the middle of the ceremony (a deployment, a crash and its restart).
            var port = first.Port;
            await first.DisposeAsync();
            await Expect(screen.Reconnecting).ToBeVisibleAsync();
            await Expect(screen.Heading).ToHaveTextAsync(Ranked[3].Title); // the hall keeps seeing the last award
            await using var second = new SiteServer(dataDirectory: data, port: port);

            // Without anyone touching the projector, the screen is back on the stream and follows the next reveal.
            await Expect(screen.Reconnecting).ToBeHiddenAsync(new() { Timeout = 15_000 });
            await console.OpenAsync();
            await console.RevealNext.ClickAsync();
            await Expect(screen.Heading).ToHaveTextAsync(Ranked[2].Title);
            await Expect(screen.Earlier).ToHaveCountAsync(1);
        }
        finally
        {
            SiteServer.DeleteDataDirectory(data);
        }
    }
}
