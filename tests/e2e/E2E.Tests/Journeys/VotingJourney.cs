using System.Text.Json;
using System.Text.RegularExpressions;
using ContestPlatform.E2E.Infrastructure;
using ContestPlatform.E2E.PageObjects;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestPlatform.E2E.Journeys;

/// <summary>
/// The community vote, issue 5: a citizen on a 360×740 phone registers, confirms the email, finds an entry in
/// the gallery and votes; a second vote for the same entry (from a tab opened before voting) is refused; an
/// organizer on a desktop voids the vote with a reason, and the count and the vote score go back down.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VotingJourney(BrowserFixture browser)
{
    /// <summary>02/08/2025 09:00 Vietnam time: the seeded vote window runs 01/08/2025 00:00 → 01/09/2025 00:00.</summary>
    private static readonly DateTimeOffset InVoteWindow = new(2025, 8, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private const string Password = "SangTao2025";
    private const string TeaMap = "Bản đồ số vùng chè Tân Cương";
    private const string SolarDryer = "Máy sấy chè dùng năng lượng mặt trời";

    [Fact]
    public async Task A_citizen_votes_on_a_phone_a_second_vote_is_refused_and_an_organizer_voids_it()
    {
        // A site of its own whose clock stands in the vote window; the collection's site stays in the submission window.
        await using var site = new SiteServer(InVoteWindow);
        var organizerEmail = $"thu-ky-{Guid.NewGuid():N}"[..16] + "@example.vn";
        await ContestSeed.AccountAsync(site, organizerEmail, Password, "Trần Thu Hà", Roles.Organizer);
        var teaMap = await ContestSeed.AcceptedEntryAsync(site, TeaMap,
            "Kết nối người trồng chè với khách mua qua bản đồ số và mã QR truy xuất nguồn gốc.", "Hợp tác xã Chè Tân Cương", "Xã Tân Cương");
        var dryer = await ContestSeed.AcceptedEntryAsync(site, SolarDryer,
            "Máy sấy chè quy mô hộ gia đình dùng năng lượng mặt trời, giảm một nửa chi phí điện.", "Nhóm tác giả Trường Đại học Kỹ thuật Công nghiệp", "Phường Tích Lương");
        var yesterday = InVoteWindow.UtcDateTime.AddDays(-1);
        await ContestSeed.VotesAsync(site, teaMap.Id, 1, yesterday);
        await ContestSeed.VotesAsync(site, dryer.Id, 3, yesterday);

        // The secretariat makes the counts public for the vote (desktop, its own browser profile).
        await using var office = await browser.NewDesktopAsync(site);
        var admin = await office.NewPageAsync();
        var login = new LoginPage(admin);
        await login.OpenAsync();
        await login.LogInAsync(organizerEmail, Password);
        var settings = await new ContestSettingsPage(admin).OpenAsync();
        await settings.ShowLiveVoteCounts.CheckAsync();
        await settings.SaveAsync();
        await Expect(settings.StatusMessage).ToBeVisibleAsync();
        await Expect(settings.ShowLiveVoteCounts).ToBeCheckedAsync();

        var votes = await new VoteAdminPage(admin).OpenAsync();
        await Expect(votes.MainHeading).ToHaveTextAsync("Bình chọn cộng đồng");
        await Expect(votes.ValidVotes(teaMap.Code!)).ToHaveTextAsync("1");
        await Expect(votes.VoteScore(teaMap.Code!)).ToHaveTextAsync("6,7");
        await Expect(votes.VoteScore(dryer.Code!)).ToHaveTextAsync("20,0");
        await Artifacts.ScreenshotAsync(admin, "v01-quan-tri-binh-chon-truoc");

        // A citizen registers and confirms the email on a phone.
        await using var phone = await browser.NewPhoneAsync(site);
        var page = await phone.NewPageAsync();
        var email = $"lan{Guid.NewGuid():N}"[..15] + "@example.vn";
        await page.GotoAsync("/tai-khoan/dang-ky");
        await new RegisterPage(page).RegisterAsync("Đỗ Thị Lan", email, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("kiểm tra hộp thư");
        var confirmLink = await site.Mail.WaitForLinkAsync(email, "/tai-khoan/xac-nhan-email");
        await page.GotoAsync(new Uri(confirmLink).PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("đã được xác nhận");

        // She finds the entry in the gallery, typing without diacritics as people do on a phone.
        var gallery = await new GalleryPage(page).OpenAsync();
        await gallery.SearchAsync("ban do so che tan cuong");
        await Expect(gallery.ResultCount).ToContainTextAsync("Tìm thấy 1 công trình");
        await AssertFitsThePhoneAsync(page);
        await Artifacts.ScreenshotAsync(page, "v02-tim-cong-trinh");
        await gallery.OpenEntryAsync(TeaMap);

        var entry = new EntryPage(page);
        await Expect(entry.MainHeading).ToHaveTextAsync(TeaMap);
        await Expect(entry.VoteCount).ToHaveTextAsync("1 lượt bình chọn");
        await Artifacts.ScreenshotAsync(page, "v03-cong-trinh-chua-dang-nhap");
        await entry.SignInToVote.ClickAsync();
        await new LoginPage(page).LogInAsync(email, Password);
        // Back on the entry, scrolled to the vote box rather than the top of a long page.
        await Expect(page).ToHaveURLAsync(new Regex($"/cong-trinh/{teaMap.Code}#binh-chon$"));
        await Expect(entry.VoteButton).ToBeInViewportAsync();
        await AssertFitsThePhoneAsync(page);
        await Artifacts.ScreenshotAsync(page, "v04-cong-trinh-nut-binh-chon", fullPage: false);

        // A second tab of the same entry, opened before voting: its form will try to vote again.
        var secondTab = await phone.NewPageAsync();
        var sameEntry = await new EntryPage(secondTab).OpenAsync(teaMap.Code!);
        await Expect(sameEntry.VoteButton).ToBeVisibleAsync();

        // A person reads for a moment before pressing the button (the form refuses posts faster than 1.5 s).
        site.Clock.Advance(TimeSpan.FromSeconds(3));
        await page.BringToFrontAsync();
        await entry.VoteAsync();
        await Expect(entry.Confirmation).ToHaveTextAsync($"Cảm ơn bạn! Lượt bình chọn cho công trình “{TeaMap}” đã được ghi nhận.");
        await Expect(entry.AlreadyVoted).ToBeVisibleAsync();
        await Expect(entry.VoteButton).ToHaveCountAsync(0);
        await Expect(entry.VoteCount).ToHaveTextAsync("2 lượt bình chọn");
        await Expect(entry.Confirmation).ToBeInViewportAsync();
        await AssertFitsThePhoneAsync(page);
        await Artifacts.ScreenshotAsync(page, "v05-da-binh-chon", fullPage: false);

        await secondTab.BringToFrontAsync();
        await sameEntry.VoteAsync();
        await Expect(sameEntry.Refusal).ToHaveTextAsync(
            "Bạn đã bình chọn cho công trình này rồi. Mỗi tài khoản chỉ được bình chọn một lần cho mỗi công trình.");
        await Expect(sameEntry.VoteCount).ToHaveTextAsync("2 lượt bình chọn");
        await Expect(sameEntry.Refusal).ToBeInViewportAsync();
        await AssertFitsThePhoneAsync(secondTab);
        await Artifacts.ScreenshotAsync(secondTab, "v06-binh-chon-lan-hai-bi-tu-choi", fullPage: false);

        // The organizer sees the vote: the leader still has 3, so the tea map's score is 20 × 2 ÷ 3 = 13,3.
        await votes.OpenAsync();
        await Expect(votes.ValidVotes(teaMap.Code!)).ToHaveTextAsync("2");
        await Expect(votes.VoidedVotes(teaMap.Code!)).ToHaveTextAsync("0");
        await Expect(votes.VoteScore(teaMap.Code!)).ToHaveTextAsync("13,3");
        await Expect(votes.VoteScore(dryer.Code!)).ToHaveTextAsync("20,0");
        await Expect(votes.Chart).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(admin, "v07-quan-tri-binh-chon-sau");

        // … and voids it with a reason.
        const string reason = "Người bình chọn xác nhận qua điện thoại rằng tài khoản do người khác lập hộ.";
        await votes.OpenEntryVotesAsync(teaMap.Code!);
        var entryVotes = new EntryVotesAdminPage(admin);
        await Expect(entryVotes.MainHeading).ToHaveTextAsync($"Lượt bình chọn: {teaMap.Code}");
        await Expect(entryVotes.VoteOf(email)).ToContainTextAsync("Hợp lệ");
        await entryVotes.VoidAsync(email, reason);
        await Expect(entryVotes.StatusMessage).ToHaveTextAsync(
            $"Đã hủy 1 lượt bình chọn của công trình {teaMap.Code}. Số lượt và điểm bình chọn đã được tính lại.");
        await Expect(entryVotes.Fact("Lượt hợp lệ")).ToHaveTextAsync("1");
        await Expect(entryVotes.Fact("Lượt đã hủy")).ToHaveTextAsync("1");
        await Expect(entryVotes.Fact("Điểm bình chọn")).ToHaveTextAsync("6,7");
        await Expect(entryVotes.VoteOf(email)).ToContainTextAsync("Đã hủy");
        await Expect(entryVotes.VoteOf(email)).ToContainTextAsync(reason);
        await Artifacts.ScreenshotAsync(admin, "v08-huy-luot-binh-chon");

        await votes.OpenAsync();
        await Expect(votes.ValidVotes(teaMap.Code!)).ToHaveTextAsync("1");
        await Expect(votes.VoidedVotes(teaMap.Code!)).ToHaveTextAsync("1");
        await Expect(votes.VoteScore(teaMap.Code!)).ToHaveTextAsync("6,7");
        await Expect(votes.VoteScore(dryer.Code!)).ToHaveTextAsync("20,0");
        await Expect(votes.RecentVoids).ToContainTextAsync(reason);
        await Artifacts.ScreenshotAsync(admin, "v09-quan-tri-sau-khi-huy");

        // The public count drops too, and the void is a line of the hash-chained audit log.
        await entry.OpenAsync(teaMap.Code!);
        await Expect(entry.VoteCount).ToHaveTextAsync("1 lượt bình chọn");
        await Artifacts.ScreenshotAsync(page, "v10-cong-trinh-sau-khi-huy");

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var line = Assert.Single(await db.AuditLog.Where(a => a.Action == "vote.void").ToListAsync());
        Assert.Equal(organizerEmail, line.ActorName);
        Assert.Equal(reason, JsonDocument.Parse(line.Data).RootElement.GetProperty("reason").GetString());
        Assert.True((await AuditVerifier.VerifyAsync(db)).IsIntact);
    }

    /// <summary>Nothing wider than the screen: a page that scrolls sideways on a phone looks broken.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the 360px screen");
    }
}
