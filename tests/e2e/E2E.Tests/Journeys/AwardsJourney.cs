using ContestPlatform.E2E.Infrastructure;
using ContestPlatform.E2E.PageObjects;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestPlatform.E2E.Journeys;

/// <summary>
/// The contest ends in public, issue 6: the secretariat builds the award proposal from the final ranking; with a
/// committee of five, three approvals leave an award pending and the fourth approves it; publication is scheduled
/// and an anonymous visitor sees nothing before its moment; after it the public page lists the winners, and a
/// certificate's QR code leads to a page that verifies it. At the ceremony in between, the presenter reveals the
/// awards and an open audience screen follows. Finally the draft Quyết định and the signed sponsorship MoU print.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AwardsJourney(BrowserFixture browser)
{
    /// <summary>06/10/2025 09:00 Vietnam time: judging is over, the award ceremony is ahead.</summary>
    private static readonly DateTimeOffset AfterJudging = new(2025, 10, 6, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly EntrySample[] Samples =
    [
        new("DMST-2025-0031", "Hệ thống tưới nhỏ giọt thông minh cho chè Tân Cương", "Nông lâm nghiệp – tài nguyên môi trường",
            EntrantType.Cooperative, "Hợp tác xã chè Tân Cương Hoàng Bình", "Nguyễn Thị Hồng Nhung", "Xã Tân Cương",
            [("Nguyễn Thị Hồng Nhung", "Hợp tác xã chè Tân Cương Hoàng Bình", 70), ("Đặng Văn Quý", "Hợp tác xã chè Tân Cương Hoàng Bình", 30)],
            "Hệ thống tưới nhỏ giọt thông minh cho chè", "Cảm biến độ ẩm điều khiển tưới nhỏ giọt cho 15 ha chè.",
            "Van tưới mở theo độ ẩm đất; báo lỗi máy bơm qua tin nhắn.", "Tiết kiệm 40% nước, tăng 15% năng suất."),
        new("DMST-2025-0044", "Ứng dụng đặt lịch khám bệnh trực tuyến của Bệnh viện Đa khoa Trung ương Thái Nguyên", "Y tế",
            EntrantType.ScienceOrganisation, "Bệnh viện Đa khoa Trung ương Thái Nguyên", "Lê Minh Đức", "Phường Phan Đình Phùng",
            [("Lê Minh Đức", "Phòng Công nghệ thông tin", 100)],
            "Ứng dụng đặt lịch khám bệnh trực tuyến", "Người bệnh đặt lịch khám trên điện thoại, giảm chờ đợi.",
            "Lịch khám theo khung 15 phút, nhắc lịch bằng tin nhắn.", "Giảm 60% thời gian chờ khám."),
        new("DMST-2025-0058", "Máy sấy chè dùng năng lượng mặt trời quy mô hộ gia đình", "Cơ khí – tự động hóa – xây dựng – giao thông",
            EntrantType.AuthorGroup, "Nhóm tác giả Trường Đại học Kỹ thuật Công nghiệp", "Phạm Quốc Huy", "Phường Tích Lương",
            [("Phạm Quốc Huy", "Trường Đại học Kỹ thuật Công nghiệp", 50), ("Vi Thị Thảo", "Trường Đại học Kỹ thuật Công nghiệp", 50)],
            "Máy sấy chè dùng năng lượng mặt trời", "Máy sấy chè quy mô hộ gia đình dùng năng lượng mặt trời.",
            "Buồng sấy kính hai lớp, quạt hút chạy pin mặt trời.", "Giảm một nửa chi phí điện sấy chè."),
    ];

    [Fact]
    public async Task The_committee_approves_the_awards_publication_is_embargoed_and_a_certificate_verifies()
    {
        await using var site = new SiteServer(AfterJudging);
        var data = new JudgingData(site);
        var organizer = await data.AccountAsync("Trần Minh Tâm", "thuky.tam@example.vn", Roles.Organizer);
        var committee = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            var email = $"bantochuc{i}@example.vn";
            await data.AccountAsync($"Thành viên Ban Tổ chức {i}", email, Roles.Committee);
            committee.Add(email);
        }
        await data.WithDbAsync(async db =>
        {
            var contest = await db.Contests.SingleAsync();
            contest.CommitteeSize = 5;
            return await db.SaveChangesAsync();
        });
        var roundId = await ScoredRoundAsync(site, data, organizer);
        var (first, second, third) = (Samples[0].Code, Samples[1].Code, Samples[2].Code);

        // The secretariat builds the proposal from the final ranking and sends it to the committee.
        await using var office = await browser.NewDesktopAsync(site);
        var admin = await office.NewPageAsync();
        await LogInAsync(admin, "thuky.tam@example.vn");
        var awards = await new AwardsAdminPage(admin).OpenAsync();
        await awards.ProposeFromAsync("Vòng chung khảo");
        await Expect(awards.Award(first).Locator("td").First).ToHaveTextAsync("Giải Nhất");
        await Expect(awards.Award(second).Locator("td").First).ToHaveTextAsync("Giải Nhì");
        await Expect(awards.Award(third).Locator("td").First).ToHaveTextAsync("Giải Nhì");
        await awards.SendToCommitteeAsync();
        await Expect(awards.StatusMessage).ToContainTextAsync("Đã gửi đề nghị");
        await Artifacts.ScreenshotAsync(admin, "giai-01-de-nghi-da-gui");

        // Three members approve the Giải Nhất: still pending (4 of 5 needed); the fourth approves it.
        for (var i = 0; i < 4; i++)
        {
            await using var member = await browser.NewDesktopAsync(site);
            var page = await member.NewPageAsync();
            await LogInAsync(page, committee[i]);
            var decisions = await new CommitteePage(page).OpenAsync();
            await decisions.ApproveAsync(first, i == 0 ? "Công trình có hiệu quả rõ rệt, xứng đáng giải cao nhất." : "");
            await Expect(decisions.Decision(first)).ToContainTextAsync("Bạn đã đồng ý");
            if (i == 2)
            {
                await awards.OpenAsync();
                await Expect(awards.Award(first)).ToContainTextAsync("Chờ phê duyệt");
                await Expect(awards.Award(first)).ToContainTextAsync("3 đồng ý, 0 không đồng ý");
                await Artifacts.ScreenshotAsync(page, "giai-02-ban-to-chuc-cho-y-kien");
            }
        }
        await awards.OpenAsync();
        await Expect(awards.Award(first)).ToContainTextAsync("Được phê duyệt");
        await Expect(awards.Award(second)).ToContainTextAsync("Chờ phê duyệt");

        // The other two awards are approved by four members on their own devices (through the same service).
        await ApproveAsync(site, committee.Take(4), second, third);
        await awards.OpenAsync();
        await Expect(awards.Award(third)).ToContainTextAsync("Được phê duyệt");

        // Publication at the ceremony, two hours ahead; before then, a visitor on a phone sees nothing of it.
        var ceremony = AfterJudging.AddHours(2);
        await awards.ScheduleAsync(ceremony);
        await Expect(awards.StatusMessage).ToContainTextAsync("sẽ được công bố lúc 11:00 ngày 06/10/2025");
        await Expect(awards.Publication).ToContainTextAsync("Hẹn công bố");
        var code = await data.WithDbAsync(db => db.ProposedAwards.Where(a => a.Tier.Name == "Giải Nhất").Select(a => a.CertificateCode).SingleAsync());

        await using var phone = await browser.NewPhoneAsync(site);
        var visitor = await phone.NewPageAsync();
        var results = await new PublicResultsPage(visitor).OpenAsync();
        await Expect(results.NotYetPublished).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(first);
        await Artifacts.ScreenshotAsync(visitor, "giai-03-truoc-cong-bo");
        Assert.Equal(404, (await visitor.GotoAsync($"/chung-nhan/{code}"))!.Status);
        Assert.Equal(404, (await visitor.GotoAsync("/giai-thuong/ket-qua.xlsx"))!.Status);
        await visitor.GotoAsync("/cong-trinh");
        await Expect(visitor.Locator(".award-badge")).ToHaveCountAsync(0);

        // At the ceremony the presenter reveals the awards, lowest first, and the open audience screen follows;
        // the public results page still waits for the scheduled moment.
        await using var projector = await browser.NewContextAsync(new Screen(1920, 1080), site);
        var screen = await new AudienceScreenPage(await projector.NewPageAsync()).OpenAsync();
        await Expect(screen.Heading).ToHaveTextAsync("Lễ trao giải");
        var console = await new CeremonyConsolePage(admin).OpenAsync();
        foreach (var (entryCode, title, tier) in new[] { (third, Samples[2].Title, "Giải Nhì"), (second, Samples[1].Title, "Giải Nhì"), (first, Samples[0].Title, "Giải Nhất") })
        {
            await Expect(console.RevealNext).ToHaveTextAsync($"Công bố giải tiếp theo: {tier} — {entryCode}");
            await console.RevealNext.ClickAsync();
            await Expect(screen.Heading).ToHaveTextAsync(title);
            await Expect(screen.Tier).ToHaveTextAsync(tier);
        }
        await Expect(screen.CurrentAward).ToContainTextAsync("Nguyễn Thị Hồng Nhung");
        await screen.Page.WaitForTimeoutAsync(1200); // the entrance animation, before the picture of the projector
        await Artifacts.ScreenshotAsync(screen.Page, "giai-04-le-trao-giai-man-hinh", fullPage: false);
        await results.OpenAsync();
        await Expect(results.NotYetPublished).ToBeVisibleAsync();

        // The moment passes: the public page lists the winners by tier.
        site.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await results.OpenAsync();
        await Expect(results.Tier("Giải Nhất")).ToContainTextAsync(Samples[0].Title);
        await Expect(results.Tier("Giải Nhất")).ToContainTextAsync("30.000.000 đồng mỗi giải (Ba mươi triệu đồng)");
        await Expect(results.Winner(first)).ToContainTextAsync("Tác giả: Nguyễn Thị Hồng Nhung, Đặng Văn Quý");
        await Expect(results.Tier("Giải Nhì").Locator("li")).ToHaveCountAsync(2);
        await Artifacts.ScreenshotAsync(visitor, "giai-05-sau-cong-bo");

        // The certificate: its QR code, read off the printed PDF, opens the page that verifies it.
        await results.OpenCertificateAsync(first);
        var certificate = new CertificatePage(visitor);
        await Expect(certificate.Valid).ToContainTextAsync("là hợp lệ");
        var download = await visitor.RunAndWaitForDownloadAsync(() => certificate.PdfLink.ClickAsync());
        var pdf = Path.Combine(Artifacts.Directory, "giai-06-giay-chung-nhan.pdf");
        await download.SaveAsAsync(pdf);
        var png = await PdfTools.RenderFirstPageAsync(pdf, Path.Combine(Artifacts.Directory, "giai-06-giay-chung-nhan"), 110);
        var qr = await PdfTools.ReadQrAsync(png);
        Assert.Equal($"{site.BaseUrl}/chung-nhan/{code}", qr);
        await visitor.GotoAsync(new Uri(qr).PathAndQuery);
        await Expect(certificate.Valid).ToContainTextAsync(code);
        await Expect(certificate.Facts).ToContainTextAsync("Nguyễn Thị Hồng Nhung, Đặng Văn Quý");
        await Artifacts.ScreenshotAsync(visitor, "giai-07-xac-minh-chung-nhan");

        // The secretariat prints the draft Quyết định công nhận kết quả.
        await admin.GotoAsync("/quan-tri/giai-thuong/quyet-dinh");
        await Expect(admin.Locator("#quyet-dinh")).ToContainTextAsync("Về việc công nhận kết quả Cuộc thi");
        await Expect(admin.Locator("#danh-sach-kem-theo tr[data-code]")).ToHaveCountAsync(3);
        await PrintAsync(admin, "giai-08-du-thao-quyet-dinh");

        // The sponsorship MoU signed at the launch ceremony: terms, the signed scan, Đã ký, disbursements within the
        // committed value, and the printed document.
        var mouId = await data.WithDbAsync(db => db.SponsorshipMous.Select(m => m.Id).SingleAsync());
        var mou = await new MouPage(admin).OpenAsync(mouId);
        await Expect(admin.Locator("#delete-form")).ToBeVisibleAsync(); // a draft can still be deleted, once signed no longer
        await Artifacts.ScreenshotAsync(admin, "giai-09a-bien-ban-du-thao");
        await mou.SaveTermsAsync("01/BBGN-BTCCT", new DateOnly(2025, 2, 12), 200_000_000, "Nguyễn Văn Thành", "Chủ tịch Hiệp hội");
        await Expect(mou.StatusMessage).ToBeVisibleAsync();
        await mou.AttachSignedScanAsync(SampleMedia.Pdf("bien-ban-da-ky.pdf"));
        await mou.OpenAsync(mouId);
        await mou.MoveToAsync("Đã ký (bước tiếp theo)");
        await Expect(mou.StatusMessage).ToContainTextAsync("Đã ký");
        await Expect(admin.Locator("#delete-form")).ToHaveCountAsync(0);
        await mou.DisburseAsync(new DateOnly(2025, 3, 1), 150_000_000, "UNC 0315");
        await Expect(mou.Disbursements).ToContainTextAsync("150.000.000 đồng");
        // A slip of the keyboard, cancelled with a reason: it stays listed, struck through, and counts nowhere.
        await mou.DisburseAsync(new DateOnly(2025, 3, 2), 15_000_000, "UNC 0316");
        await Expect(mou.Disbursed).ToHaveTextAsync("165.000.000 đồng");
        await mou.CancelDisbursementAsync("UNC 0316", "Ghi trùng khoản UNC 0315");
        await Expect(mou.StatusMessage).ToContainTextAsync("Đã hủy khoản giải ngân 15.000.000 đồng");
        await Expect(mou.Disbursed).ToHaveTextAsync("150.000.000 đồng");
        await Expect(mou.Disbursements.Locator("tr.cancelled")).ToContainTextAsync("Ghi trùng khoản UNC 0315");
        await mou.DisburseAsync(new DateOnly(2025, 4, 1), 60_000_000, "UNC 0402");
        await Expect(mou.Errors.First).ToContainTextAsync("200.000.000");
        await Expect(mou.Disbursements).Not.ToContainTextAsync("UNC 0402");
        await Artifacts.ScreenshotAsync(admin, "giai-09-bien-ban-giai-ngan");
        await mou.OpenPrintAsync();
        await Expect(mou.Document).ToContainTextAsync("BIÊN BẢN GHI NHỚ TÀI TRỢ");
        await Expect(mou.Document).ToContainTextAsync("Số: 01/BBGN-BTCCT");
        await Expect(mou.Document).ToContainTextAsync("Hai trăm triệu đồng");
        await PrintAsync(admin, "giai-10-ban-in-bien-ban");

        // Now signed, the sponsor is on the public sponsors page, and the launch agenda's signing item points there.
        await visitor.GotoAsync("/nha-tai-tro");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Hiệp hội Doanh nghiệp tỉnh Thái Nguyên");
        await visitor.GotoAsync("/su-kien");
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Nhà tài trợ: Hiệp hội Doanh nghiệp tỉnh Thái Nguyên" })).ToBeVisibleAsync();
    }

    /// <summary>The page as the printer gets it: a PDF from Chromium's print path, its first page saved as a picture to look at.</summary>
    private static async Task PrintAsync(IPage page, string name)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = Path.Combine(Artifacts.Directory, name + ".pdf");
        await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await PdfTools.RenderFirstPageAsync(pdf, Path.Combine(Artifacts.Directory, name), 80);
    }

    private static async Task LogInAsync(IPage page, string email)
    {
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.LogInAsync(email, JudgingData.Password);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeAttachedAsync();
    }

    /// <summary>The final round: the three entries fully scored by three judges, ranked 0031 &gt; 0044 &gt; 0058.</summary>
    private static async Task<int> ScoredRoundAsync(SiteServer site, JudgingData data, Web.Accounts.AppUser organizer)
    {
        var judges = new List<Judge>
        {
            await data.JudgeAsync("PGS.TS. Nguyễn Thị Lan Anh", "lan.anh@example.vn", "Trường Đại học Nông Lâm", organizer),
            await data.JudgeAsync("ThS. Vũ Đình Phong", "vu.dinh.phong@example.vn", "Viện Khoa học Sự sống", organizer),
            await data.JudgeAsync("KS. Triệu Văn Sơn", "trieu.van.son@example.vn", "Hội Cơ khí tỉnh Thái Nguyên", organizer),
        };
        var entries = new List<Entry>();
        foreach (var sample in Samples)
        {
            var entry = await data.AcceptedEntryAsync(sample);
            await data.AttachMediaAsync(entry, $"anh-{sample.Code}.jpg", $"thuyet-minh-{sample.Code}.pdf");
            entries.Add(entry);
        }
        decimal[][] points = [[18, 27, 27], [16, 25, 24], [15, 22, 22]];
        var now = site.Clock.GetUtcNow().UtcDateTime;
        return await data.WithDbAsync(async db =>
        {
            var round = new JudgingRound { Name = "Vòng chung khảo", Order = 1, State = RoundState.Open, Seed = 7, CreatedAt = now.AddDays(-30), LabelKey = EntryLabels.NewKey() };
            db.JudgingRounds.Add(round);
            await db.SaveChangesAsync();
            for (var e = 0; e < entries.Count; e++)
            {
                foreach (var judge in judges)
                {
                    db.Assignments.Add(new Assignment { RoundId = round.Id, EntryId = entries[e].Id, JudgeId = judge.Id, CreatedAt = now.AddDays(-30) });
                    db.ScoreSheets.Add(new ScoreSheet
                    {
                        RoundId = round.Id, EntryId = entries[e].Id, JudgeId = judge.Id, State = SheetState.Submitted,
                        UpdatedAt = now.AddDays(-10), SubmittedAt = now.AddDays(-10),
                        Lines = [new() { CriterionCode = "DMST", Points = points[e][0] }, new() { CriterionCode = "HQ", Points = points[e][1] }, new() { CriterionCode = "KNAD", Points = points[e][2] }],
                    });
                }
            }
            await db.SaveChangesAsync();
            return round.Id;
        });
    }

    private static async Task ApproveAsync(SiteServer site, IEnumerable<string> members, params string[] codes)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var awards = scope.ServiceProvider.GetRequiredService<AwardService>();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        foreach (var email in members)
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            foreach (var code in codes)
            {
                var awardId = await db.ProposedAwards.Where(a => db.Entries.Any(e => e.Id == a.EntryId && e.Code == code)).Select(a => a.Id).SingleAsync();
                await awards.DecideAsync(awardId, approve: true, comment: null, new Actor(user.Id, user.FullName));
            }
        }
    }
}
