using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using ContestPlatform.E2E.Infrastructure;
using ContestPlatform.E2E.PageObjects;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestPlatform.E2E.Journeys;

/// <summary>
/// The Hội đồng chuyên môn at work (issue 4). On a site of its own, seeded with four accepted entries and four
/// judges: the secretariat (desktop) creates a round, previews and applies the automatic assignment (3 judges per
/// entry) and opens the round; a judge (laptop) declares a conflict on one entry, saves a draft of a second and
/// submits it, submits a third, never seeing who sent any of them; the other judges score meanwhile; the
/// secretariat reads progress, the ranking with every aggregation and the agreement figures, re-opens the judge's
/// sheet with a reason and exports the ranking; the judge (phone) finds the sheet re-opened, with that reason.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JudgingJourney(BrowserFixture browser) : IAsyncLifetime
{
    private const string RoundName = "Vòng sơ khảo";
    private const string ReopenReason = "Điểm HQ chưa khớp với số liệu tiết kiệm đã được đơn vị áp dụng xác nhận; đề nghị giám khảo xem lại.";

    private static readonly EntrySample[] Samples =
    [
        new("DMST-2025-0012", "Hệ thống tưới chè tự động theo độ ẩm đất của Hợp tác xã Chè Tân Cương Xanh",
            "Nông lâm nghiệp – tài nguyên môi trường", EntrantType.Cooperative, "Hợp tác xã Chè Tân Cương Xanh", "Đỗ Thị Quỳnh Mai", "Xã Tân Cương",
            [("Đỗ Thị Quỳnh Mai", "Hợp tác xã Chè Tân Cương Xanh", 60), ("Lý Văn Cường", "Hợp tác xã Chè Tân Cương Xanh", 40)],
            "Hệ thống tưới chè tự động theo độ ẩm đất",
            "Cảm biến độ ẩm đất điều khiển máy bơm và van tưới nhỏ giọt cho 12 ha chè, thay cho tưới thủ công theo kinh nghiệm.",
            "Mỗi lô chè đặt 3 cảm biến độ ẩm; bộ điều khiển mở van khi độ ẩm xuống dưới 65% và nhắn tin báo khi máy bơm gặp sự cố.",
            "Tiết kiệm 35% lượng nước và 420 giờ công mỗi năm; năng suất chè búp tươi tăng 12%."),
        new("DMST-2025-0027", "Phần mềm theo dõi hồ sơ một cửa cấp xã do anh Phan Thanh Tùng xây dựng",
            "Quản lý nhà nước – cải cách hành chính", EntrantType.Individual, "Phan Thanh Tùng", "Phan Thanh Tùng", "Xã Phú Lương",
            [("Phan Thanh Tùng", "UBND xã Phú Lương", 100)],
            "Phần mềm theo dõi hồ sơ một cửa cấp xã",
            "Ứng dụng web nhắc hạn xử lý hồ sơ một cửa và nhắn tin cho người dân khi hồ sơ có kết quả.",
            "Cán bộ một cửa nhập hồ sơ một lần; hệ thống tự tính hạn, nhắc cán bộ chuyên môn trước 2 ngày và nhắn tin khi trả kết quả.",
            "Tỷ lệ hồ sơ trễ hạn giảm từ 9% xuống 0,5%; người dân bớt trung bình một lượt đi lại cho mỗi hồ sơ."),
        new("DMST-2025-0031", "Máy bóc bẹ và tách hạt ngô liên hợp của Công ty TNHH Cơ khí Gia Sàng",
            "Cơ khí – tự động hóa – xây dựng – giao thông", EntrantType.Enterprise, "Công ty TNHH Cơ khí Gia Sàng", "Lục Văn Khởi", "Phường Gia Sàng",
            [("Lục Văn Khởi", "Công ty TNHH Cơ khí Gia Sàng", 70), ("Hoàng Thị Bích Ngọc", "Trường Cao đẳng Công nghiệp Thái Nguyên", 30)],
            "Máy bóc bẹ và tách hạt ngô liên hợp",
            "Một máy làm liền hai việc bóc bẹ và tách hạt, chạy bằng động cơ điện 3 kW, hợp với hộ gia đình và tổ hợp tác.",
            "Trục bóc bẹ bọc cao su và trống tách hạt dùng chung một động cơ qua hộp số; hạt ra sạch, lõi và bẹ ra riêng.",
            "Năng suất 1,2 tấn bắp mỗi giờ, gấp 8 lần làm tay; đã bán 46 máy trong tỉnh."),
        new("DMST-2025-0044", "Quy trình sơ cứu đột quỵ tại trạm y tế xã của bác sĩ Mã Thị Hồng Nhung",
            "Y tế", EntrantType.StateAgency, "Trạm Y tế xã Yên Trạch", "Mã Thị Hồng Nhung", "Xã Yên Trạch",
            [("Mã Thị Hồng Nhung", "Trạm Y tế xã Yên Trạch", 50), ("Nông Văn Quyết", "Trạm Y tế xã Yên Trạch", 50)],
            "Quy trình sơ cứu và chuyển tuyến người bệnh đột quỵ tại trạm y tế xã",
            "Bảng kiểm FAST, hội chẩn từ xa với bệnh viện tỉnh và chuyển tuyến trong “giờ vàng”.",
            "Nhân viên trạm được tập huấn bảng kiểm; một số điện thoại trực hội chẩn; xe chuyển tuyến được báo trước khi người bệnh rời trạm.",
            "Thời gian từ khởi phát đến khi tới bệnh viện tỉnh giảm trung bình từ 210 xuống 95 phút."),
    ];

    // The other judges' totals follow each entry's merit, each judge a little more or less generous.
    private static readonly Dictionary<string, decimal[]> Merit = new()
    {
        ["DMST-2025-0012"] = [16, 25, 24],
        ["DMST-2025-0027"] = [14, 22, 25],
        ["DMST-2025-0031"] = [11, 18, 19],
        ["DMST-2025-0044"] = [17, 26, 21],
    };

    private readonly SiteServer site = new();
    private readonly List<IBrowserContext> contexts = [];
    private JudgingData data = null!;
    private AppUser organizer = null!;
    private Judge judge = null!;
    private Judge[] otherJudges = null!;
    private Dictionary<int, EntrySample> sampleOf = null!;

    public async Task InitializeAsync()
    {
        data = new JudgingData(site);
        organizer = await data.AccountAsync("Trần Minh Tâm", "thuky.tam@example.vn", Roles.Organizer);
        judge = await data.JudgeAsync("TS. Hà Quang Vinh", "ha.quang.vinh@example.vn", "Trường Đại học Kỹ thuật Công nghiệp", organizer);
        otherJudges =
        [
            await data.JudgeAsync("PGS.TS. Nguyễn Thị Lan Anh", "lan.anh@example.vn", "Trường Đại học Nông Lâm", organizer),
            await data.JudgeAsync("ThS. Vũ Đình Phong", "vu.dinh.phong@example.vn", "Viện Khoa học Sự sống", organizer),
            await data.JudgeAsync("KS. Triệu Văn Sơn", "trieu.van.son@example.vn", "Hội Cơ khí tỉnh Thái Nguyên", organizer),
        ];
        sampleOf = [];
        foreach (var sample in Samples)
        {
            var entry = await data.AcceptedEntryAsync(sample);
            var slug = ContestPlatform.Web.Infrastructure.VietnameseText.Slugify(sample.Authors[0].Name);
            await data.AttachMediaAsync(entry, $"anh-thuc-te-cua-{slug}.jpg", $"thuyet-minh-{slug}.pdf");
            sampleOf[entry.Id] = sample;
        }
    }

    [Fact]
    public async Task The_council_scores_blind_and_the_secretariat_gets_a_defensible_ranking()
    {
        // 1. The secretariat creates the round, previews the automatic assignment, applies it and opens the round.
        var secretariat = await NewPageAsync(Screen.Desktop);
        await secretariat.GotoAsync(JudgingAdminPage.Path);
        await new LoginPage(secretariat).LogInAsync("thuky.tam@example.vn", JudgingData.Password);
        var admin = new JudgingAdminPage(secretariat);
        await Expect(admin.MainHeading).ToHaveTextAsync("Chấm điểm");
        await Expect(admin.Stat("giám khảo đang hoạt động")).ToHaveTextAsync("4");

        var form = await admin.CreateRoundAsync();
        await Expect(form.MainHeading).ToHaveTextAsync("Tạo vòng chấm");
        await form.FillAsync(RoundName, "Đang chuẩn bị", judgesPerEntry: 3, seed: 2025);
        await Artifacts.ScreenshotAsync(secretariat, "cham-diem-01-tao-vong");
        await form.SaveAsync("Tạo vòng chấm");

        var board = new AssignmentBoardPage(secretariat);
        await Expect(board.MainHeading).ToContainTextAsync($"Phân công: {RoundName}");
        await Expect(board.StatusMessage).ToContainTextAsync($"Đã tạo {RoundName}");
        await Expect(board.Loads).ToHaveCountAsync(4);

        var preview = await board.PreviewAutomaticAssignmentAsync();
        await Expect(preview.MainHeading).ToHaveTextAsync("Phân công tự động: xem trước");
        await Expect(preview.Summary).ToContainTextAsync("12 lượt phân công mới");
        await Expect(preview.Summary).ToContainTextAsync("0 công trình thiếu giám khảo");
        await Expect(preview.PlanRows).ToHaveCountAsync(4);
        foreach (var row in await preview.LoadRows.AllAsync())
            await Expect(row.Locator("td.num")).ToHaveTextAsync("3");
        await PageChecks.AssertNoSidewaysScrollAsync(secretariat);
        await Artifacts.ScreenshotAsync(secretariat, "cham-diem-02-xem-truoc-phan-cong");

        board = await preview.ApplyAsync();
        await Expect(board.StatusMessage).ToContainTextAsync("Đã áp dụng phân công tự động: thêm 12 lượt phân công, gỡ 0 lượt.");
        await Expect(board.Shortfalls).ToHaveCountAsync(0);
        foreach (var sample in Samples)
            await Expect(board.EntryRow(sample.Code).Locator(".judge-list > li")).ToHaveCountAsync(3);
        await PageChecks.AssertNoSidewaysScrollAsync(secretariat);
        await Artifacts.ScreenshotAsync(secretariat, "cham-diem-03-bang-phan-cong");

        await admin.OpenAsync();
        form = await admin.EditRoundAsync(RoundName);
        await form.SetStateAsync("Đang chấm");
        await form.SaveAsync("Lưu vòng chấm");
        await Expect(form.StatusMessage).ToContainTextAsync($"Đã lưu vòng chấm “{RoundName}”.");
        await Expect(form.MainHeading).ToContainTextAsync("Đang chấm");

        var round = await data.RoundAsync(RoundName);
        var entryOf = sampleOf.Keys.ToDictionary(id => EntryLabels.Of(round, id));
        // A judge may see none of the entrants, nor the other judges.
        string[] secrets = [.. Samples.SelectMany(s => s.Identity), .. otherJudges.Select(j => j.DisplayName)];

        // 2. The judge, on a laptop, finds three anonymous entries.
        var laptop = await NewPageAsync(Screen.Laptop);
        await laptop.GotoAsync(JudgeQueuePage.Path);
        await new LoginPage(laptop).LogInAsync("ha.quang.vinh@example.vn", JudgingData.Password);
        var queue = new JudgeQueuePage(laptop);
        await Expect(queue.MainHeading).ToHaveTextAsync("Chấm điểm công trình");
        await Expect(queue.Progress(RoundName)).ToHaveTextAsync("Đã nộp 0/3, nháp 0");
        // Seed 2025 gives this judge the tea irrigation, the corn sheller and the stroke protocol (see the preview).
        string LabelOf(string code) => entryOf.Single(pair => sampleOf[pair.Value].Code == code).Key;
        var (conflicted, drafted, direct) = (LabelOf("DMST-2025-0031"), LabelOf("DMST-2025-0012"), LabelOf("DMST-2025-0044"));
        Assert.Equal(new[] { conflicted, drafted, direct }.Order(), (await queue.LabelsAsync(RoundName)).Order());
        await Expect(queue.Row(RoundName, conflicted)).ToContainTextAsync("Máy bóc bẹ và tách hạt ngô liên hợp");
        await AssertBlindAsync(laptop, secrets);
        await Artifacts.ScreenshotAsync(laptop, "cham-diem-04-giam-khao-danh-sach");

        // 3. The corn sheller is one the judge knows too well: a conflict, declared with a reason.
        var score = await queue.OpenAsync(RoundName, conflicted);
        await Expect(score.MainHeading).ToHaveTextAsync($"Công trình #{conflicted}");
        await Expect(score.Entry.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(sampleOf[entryOf[conflicted]].BlindTitle);
        await Expect(score.Entry.GetByRole(AriaRole.Img, new() { Name = "Ảnh minh họa 1" })).ToBeVisibleAsync();
        await score.WaitForPhotoAsync();
        await laptop.EvaluateAsync("() => window.scrollTo(0, 0)");
        await AssertBlindAsync(laptop, secrets);
        await Artifacts.ScreenshotAsync(laptop, "cham-diem-05-giam-khao-cong-trinh", fullPage: false);
        var document = await laptop.RunAndWaitForDownloadAsync(() => score.DocumentLinks.First.ClickAsync());
        // The same neutral name for every document: a media id would match the public gallery's.
        Assert.Equal("tai-lieu.pdf", document.SuggestedFilename);

        var conflictUrl = laptop.Url;
        queue = await score.DeclareConflictAsync("Tôi từng hướng dẫn kỹ thuật cho nhóm tác giả khi họ thử nghiệm giải pháp này.");
        await Expect(laptop).ToHaveURLAsync(new Regex("/giam-khao$"));
        await Expect(queue.StatusMessage).ToContainTextAsync($"Đã ghi nhận khai báo xung đột lợi ích với Công trình #{conflicted}");
        await Expect(queue.Rows(RoundName)).ToHaveCountAsync(2);
        await Expect(queue.Row(RoundName, conflicted)).ToHaveCountAsync(0);
        await Expect(queue.Progress(RoundName)).ToHaveTextAsync("Đã nộp 0/2, nháp 0");
        await AssertBlindAsync(laptop, secrets);
        await Artifacts.ScreenshotAsync(laptop, "cham-diem-06-giam-khao-sau-xung-dot");
        var gone = await laptop.GotoAsync(conflictUrl);
        Assert.Equal(404, gone!.Status);
        await AssertBlindAsync(laptop, secrets);

        // 4. The second entry: scored, saved as a draft, and submitted after a second look.
        await laptop.GotoAsync(JudgeQueuePage.Path);
        score = await queue.OpenAsync(RoundName, drafted);
        await Expect(score.SheetState).ToHaveTextAsync("Chưa chấm");
        await score.FillAsync(
            new Dictionary<string, decimal> { ["DMST"] = 15.5m, ["HQ"] = 24, ["KNAD"] = 22.5m },
            new Dictionary<string, string> { ["HQ"] = "Hiệu quả được lượng hóa, có xác nhận của đơn vị áp dụng." },
            "Giải pháp thiết thực, cần bổ sung chi phí bảo trì hằng năm.");
        await Expect(score.RunningTotal).ToHaveTextAsync("62");
        await score.SaveDraftAsync();
        await Expect(score.StatusMessage).ToHaveTextAsync("Đã lưu nháp phiếu chấm.");
        await Expect(score.SheetState).ToHaveTextAsync("Nháp");
        await Expect(score.Points("HQ")).ToHaveValueAsync("24");
        await AssertBlindAsync(laptop, secrets);
        // The sheet scrolls on its own beside the entry: show its end (total and buttons) in the picture.
        await score.SaveDraftButton.ScrollIntoViewIfNeededAsync();
        await Artifacts.ScreenshotAsync(laptop, "cham-diem-07-giam-khao-luu-nhap");

        await laptop.GotoAsync(JudgeQueuePage.Path);
        await Expect(queue.Progress(RoundName)).ToHaveTextAsync("Đã nộp 0/2, nháp 1");
        await Expect(queue.Row(RoundName, drafted)).ToContainTextAsync("Nháp");
        score = await queue.OpenAsync(RoundName, drafted);
        await Expect(score.Points("DMST")).ToHaveValueAsync("15.5");
        await score.SubmitAsync();
        await Expect(score.Confirmation).ToContainTextAsync("Xác nhận nộp phiếu chấm");
        await Expect(score.Confirmation.Locator("tfoot")).ToContainTextAsync("62/80");
        await AssertBlindAsync(laptop, secrets);
        await score.ConfirmButton.ScrollIntoViewIfNeededAsync();
        await Artifacts.ScreenshotAsync(laptop, "cham-diem-08-giam-khao-xac-nhan-nop");
        await score.ConfirmAsync();
        await Expect(score.StatusMessage).ToContainTextAsync($"Đã nộp phiếu chấm Công trình #{drafted}");
        await Expect(score.SheetState).ToHaveTextAsync("Đã nộp");
        await Expect(score.Submitted).ToBeVisibleAsync();
        await Expect(score.Points("HQ")).ToHaveCountAsync(0);
        await AssertBlindAsync(laptop, secrets);
        await Artifacts.ScreenshotAsync(laptop, "cham-diem-09-giam-khao-da-nop");

        // 5. The third entry, straight from "Công trình tiếp theo" to submitted.
        await score.NextEntryAsync();
        await Expect(laptop).ToHaveURLAsync(new Regex($"/cong-trinh/{direct}$"));
        await score.FillAsync(
            new Dictionary<string, decimal> { ["DMST"] = 12, ["HQ"] = 18.5m, ["KNAD"] = 20 },
            new Dictionary<string, string>(),
            "Cần thêm số liệu so sánh trước và sau khi áp dụng.");
        await Expect(score.RunningTotal).ToHaveTextAsync("50,5");
        await score.SubmitAsync();
        await score.ConfirmAsync();
        await Expect(score.SheetState).ToHaveTextAsync("Đã nộp");
        await AssertBlindAsync(laptop, secrets);

        await laptop.GotoAsync(JudgeQueuePage.Path);
        await Expect(queue.Progress(RoundName)).ToHaveTextAsync("Đã nộp 2/2, nháp 0");
        await AssertBlindAsync(laptop, secrets);
        await Artifacts.ScreenshotAsync(laptop, "cham-diem-10-giam-khao-hoan-thanh");

        // The declared entry went to the judge who did not have it (KS. Triệu Văn Sơn); the others score, and he
        // leaves his first sheet as a draft. Lan Anh, Phong and Sơn then share two entries: a panel for agreement.
        foreach (var other in otherJudges)
        {
            var assigned = await data.AssignedAsync(other, round.Id);
            for (var i = 0; i < assigned.Count; i++)
            {
                var lean = other == otherJudges[0] ? 1m : other == otherJudges[1] ? -1.5m : 0.5m;
                var points = Merit[sampleOf[assigned[i]].Code].Select(p => p + lean).ToArray();
                await data.ScoreAsync(other, round.Id, assigned[i], points, submit: !(other == otherJudges[2] && i == 0));
            }
        }

        // 6. The secretariat: the conflict on the board, then progress, ranking and agreement.
        var conflictedSample = sampleOf[entryOf[conflicted]];
        await secretariat.GotoAsync($"/quan-tri/cham-diem/vong/{round.Id}/phan-cong");
        var conflictRow = board.EntryRow(conflictedSample.Code);
        await Expect(conflictRow.Locator(".judge-list > li")).ToHaveCountAsync(3);
        await Expect(conflictRow.Locator(".judge-list")).Not.ToContainTextAsync(judge.DisplayName);
        await Expect(conflictRow.Locator(".conflict-list")).ToContainTextAsync(judge.DisplayName);
        await Expect(conflictRow.Locator(".judge-list")).ToContainTextAsync(otherJudges[2].DisplayName);
        await Expect(board.Load(judge.DisplayName).Locator("strong")).ToHaveTextAsync("2");
        await Expect(board.Load(otherJudges[2].DisplayName).Locator("strong")).ToHaveTextAsync("4");
        await Artifacts.ScreenshotAsync(secretariat, "cham-diem-11-bang-phan-cong-sau-xung-dot");

        await admin.OpenAsync();
        await secretariat.GetByRole(AriaRole.Navigation, new() { Name = "Các mục chấm điểm" }).GetByRole(AriaRole.Link, new() { Name = "Kết quả" }).ClickAsync();
        var results = new ResultsPage(secretariat);
        await Expect(results.MainHeading).ToHaveTextAsync("Kết quả chấm điểm");
        await Expect(results.Summary).ToContainTextAsync("4 công trình · 11/12 phiếu đã nộp");
        await Expect(results.Summary).ToContainTextAsync("1 phiếu nháp (chưa tính)");
        await ExpectProgressAsync(results, judge.DisplayName, assigned: "2", submitted: "2", drafts: "0");
        await ExpectProgressAsync(results, otherJudges[2].DisplayName, assigned: null, submitted: null, drafts: "1");
        await Expect(results.EntryProgress.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(results.EntryProgress).ToContainTextAsync(otherJudges[2].DisplayName);

        await Expect(results.RankingRows).ToHaveCountAsync(4);
        foreach (var header in new[] { "Trung bình", "Trung vị", "Điểm bình chọn", "Tổng điểm" })
            await Expect(results.RankingHeaders.Filter(new() { HasText = header }).First).ToBeVisibleAsync();
        foreach (var sample in Samples)
        {
            var row = results.RankingRow(sample.Code);
            await Expect(row.Locator("td.entrant")).ToHaveTextAsync(sample.EntrantName);
            foreach (var column in new[] { "mean", "median", "trimmed", "zscore", "total" })
                await Expect(row.Locator($"td.{column}")).ToHaveTextAsync(new Regex(@"^\d+(,\d+)?$"));
        }
        var ranks = await results.RankingRows.Locator("td.rank").AllInnerTextsAsync();
        Assert.Equal(["1", "2", "3", "4"], ranks.Select(r => r.Trim()));
        await Expect(results.Icc1).ToHaveTextAsync(new Regex(@"^−?\d,\d\d$"));
        Assert.True(await results.PanelRows.CountAsync() >= 1, "No panel of judges with agreement figures");
        await Expect(results.PanelRows.First.Locator("td.kendall-w")).ToHaveTextAsync(new Regex(@"^−?\d,\d\d$"));
        await Expect(results.LeniencyRows).ToHaveCountAsync(4);
        await Expect(results.TopNVerdict).ToBeVisibleAsync();
        await PageChecks.AssertNoSidewaysScrollAsync(secretariat);
        await Artifacts.ScreenshotAsync(secretariat, "cham-diem-12-ket-qua");
        // The secretariat does see who sent what: the blindness check finds it here, so it is not blind itself.
        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => PageChecks.AssertRevealsNoneOfAsync(secretariat, secrets));

        // 7. A sheet the secretariat doubts goes back to its judge, with the reason.
        var draftedSample = sampleOf[entryOf[drafted]];
        var entryResults = await results.OpenEntryAsync(draftedSample.Code);
        await Expect(entryResults.MainHeading).ToContainTextAsync(draftedSample.Code);
        await Expect(entryResults.ScoreTable.Locator("thead")).ToContainTextAsync(judge.DisplayName);
        await Expect(entryResults.Sheet(judge.DisplayName)).ToContainTextAsync("Đã nộp");
        await entryResults.ReopenAsync(judge.DisplayName, ReopenReason);
        await Expect(entryResults.StatusMessage).ToContainTextAsync($"Đã mở lại phiếu chấm của {judge.DisplayName}.");
        await Expect(entryResults.Sheet(judge.DisplayName)).ToContainTextAsync("Bản nháp");
        await PageChecks.AssertNoSidewaysScrollAsync(secretariat);
        await Artifacts.ScreenshotAsync(secretariat, "cham-diem-13-mo-lai-phieu");

        results = await entryResults.BackToResultsAsync();
        await ExpectProgressAsync(results, judge.DisplayName, assigned: "2", submitted: "1", drafts: "1");
        await Expect(results.Summary).ToContainTextAsync("10/12 phiếu đã nộp");
        await Expect(results.RankingRow(draftedSample.Code).Locator("td.sheets")).ToHaveTextAsync("1/3");

        // 8. The ranking leaves as a spreadsheet and as CSV.
        var xlsx = await results.ExportAsync("Bảng xếp hạng (.xlsx)");
        Assert.Equal($"ket-qua-vong-{round.Id}.xlsx", xlsx.SuggestedFilename);
        var xlsxPath = Path.Combine(Artifacts.Directory, "cham-diem-xep-hang.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        using (var workbook = new XLWorkbook(xlsxPath))
        {
            var sheet = workbook.Worksheet("Xếp hạng");
            Assert.Equal("Hạng", sheet.Cell(1, 1).GetString());
            Assert.Equal("Mã công trình", sheet.Cell(1, 2).GetString());
            var rows = sheet.RowsUsed().Skip(1).ToList();
            Assert.Equal(4, rows.Count);
            Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Cell(1).GetValue<int>()));
            Assert.Equal(Samples.Select(s => s.Code).Order(), rows.Select(r => r.Cell(2).GetString()).Order());
            foreach (var row in rows)
            {
                var sample = Samples.Single(s => s.Code == row.Cell(2).GetString());
                Assert.Equal(sample.Title, row.Cell(3).GetString());
                Assert.Equal(sample.EntrantName, row.Cell(4).GetString());
            }
        }
        var csv = await results.ExportAsync("Bảng xếp hạng (.csv)");
        Assert.Equal($"ket-qua-vong-{round.Id}.csv", csv.SuggestedFilename);
        var csvPath = Path.Combine(Artifacts.Directory, "cham-diem-xep-hang.csv");
        await csv.SaveAsAsync(csvPath);
        var lines = (await File.ReadAllTextAsync(csvPath, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Hạng,Mã công trình,Tên công trình,Đơn vị dự thi", lines[0]);
        Assert.Equal(5, lines.Length);
        foreach (var sample in Samples)
            Assert.Single(lines, line => Regex.IsMatch(line, $"^[1-4],{sample.Code},"));

        // 9. The judge, on a phone, finds the sheet re-opened and why — and still no names.
        var phone = await NewPageAsync(Screen.Phone);
        await phone.GotoAsync(JudgeQueuePage.Path);
        await new LoginPage(phone).LogInAsync("ha.quang.vinh@example.vn", JudgingData.Password);
        var phoneQueue = new JudgeQueuePage(phone);
        await Expect(phoneQueue.Progress(RoundName)).ToHaveTextAsync("Đã nộp 1/2, nháp 1");
        await PageChecks.AssertNoSidewaysScrollAsync(phone);
        await AssertBlindAsync(phone, secrets);
        await Artifacts.ScreenshotAsync(phone, "cham-diem-14-dien-thoai-danh-sach");
        var reopened = await phoneQueue.OpenAsync(RoundName, drafted);
        await Expect(reopened.ReopenedNote).ToContainTextAsync(ReopenReason);
        await Expect(reopened.SheetState).ToHaveTextAsync("Nháp");
        await Expect(reopened.Points("HQ")).ToHaveValueAsync("24");
        await reopened.WaitForPhotoAsync();
        await PageChecks.AssertNoSidewaysScrollAsync(phone);
        await AssertBlindAsync(phone, secrets);
        await Artifacts.ScreenshotAsync(phone, "cham-diem-15-dien-thoai-phieu-mo-lai");
    }

    private static async Task ExpectProgressAsync(ResultsPage results, string judge, string? assigned, string? submitted, string? drafts)
    {
        var row = results.JudgeProgress(judge);
        if (assigned is not null)
            await Expect(row.Locator("td.assigned")).ToHaveTextAsync(assigned);
        if (submitted is not null)
            await Expect(row.Locator("td.submitted")).ToHaveTextAsync(submitted);
        if (drafts is not null)
            await Expect(row.Locator("td.drafts")).ToHaveTextAsync(drafts);
    }

    /// <summary>Blind judging, checked on every page the judge reaches; the page must also fit the window.</summary>
    private static async Task AssertBlindAsync(IPage page, IEnumerable<string> secrets)
    {
        await PageChecks.AssertRevealsNoneOfAsync(page, secrets);
        await PageChecks.AssertNoSidewaysScrollAsync(page);
    }

    private async Task<IPage> NewPageAsync(Screen screen)
    {
        var context = await browser.NewContextAsync(screen, site);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    public Task DisposeAsync() => DisposeAllAsync();

    private async Task DisposeAllAsync()
    {
        foreach (var context in contexts)
            await context.DisposeAsync();
        site.Dispose();
    }
}
