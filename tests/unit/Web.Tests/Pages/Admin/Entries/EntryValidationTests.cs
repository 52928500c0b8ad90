using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Serving;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Tests.Pages.Gallery;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin.Entries;

public sealed class EntryValidationTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<(AppUser Owner, Entry Entry)> SubmittedAsync(Action<Entry>? configure = null, EntryStatus status = EntryStatus.Submitted)
    {
        var owner = await EntrySeed.UserAsync(site, "Lê Thị Hoa");
        return (owner, await EntrySeed.EntryAsync(site, owner.Id, status, configure));
    }

    private Task<Entry> ReloadAsync(int id) =>
        site.QueryAsync(db => db.Entries.AsNoTracking().Include(e => e.History).SingleAsync(e => e.Id == id));

    private static Task<HttpResponseMessage> DecideAsync(Browser browser, int id, EntryStatus decision, string reason = "") =>
        browser.SubmitFormAsync($"/quan-tri/ho-so/{id}", new() { ["Input.Reason"] = reason }, "#decision-form", $"Input.Decision={decision}");

    private static IReadOnlyList<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_queue_shows_submitted_entries_oldest_first()
    {
        var token = EntrySeed.Token();
        var now = site.Time.GetUtcNow().UtcDateTime;
        var (_, newer) = await SubmittedAsync(e => { e.Title = $"Mới nộp {token}"; e.SubmittedAt = now.AddHours(-1); });
        var (_, older) = await SubmittedAsync(e => { e.Title = $"Nộp từ lâu {token}"; e.SubmittedAt = now.AddDays(-10); });
        var (_, draft) = await SubmittedAsync(e => e.Title = $"Bản nháp {token}", EntryStatus.Draft);
        var (_, accepted) = await SubmittedAsync(e => e.Title = $"Đã duyệt {token}", EntryStatus.Accepted);
        var (browser, _) = await SignedInAsync(site);

        var page = await browser.GetPageAsync("/quan-tri/ho-so?q=" + token);

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(older.Title, rows[0]);
        Assert.Contains(newer.Title, rows[1]);
        Assert.Contains(older.Code!, rows[0]);
        var current = page.QuerySelector(".status-tabs a[aria-current=page]")!;
        Assert.Contains("Đã nộp", current.TextContent);
        Assert.Equal("2", current.QuerySelector(".tab-count")!.TextContent);

        var acceptedTab = await browser.GetPageAsync("/quan-tri/ho-so?trangThai=hop-le&q=" + token);
        Assert.Contains(accepted.Title, acceptedTab.QuerySelector("tbody")!.TextContent);
        var all = await browser.GetPageAsync("/quan-tri/ho-so?trangThai=tat-ca&q=" + token);
        Assert.Equal(4, all.QuerySelectorAll("tbody tr").Length);
        Assert.Contains(draft.Title, all.QuerySelector("tbody")!.TextContent);
        // The search ignores diacritics like the public one.
        var folded = await browser.GetPageAsync("/quan-tri/ho-so?q=" + Uri.EscapeDataString($"nop tu lau {token}"));
        Assert.Single(folded.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task The_queue_pages_twenty_at_a_time()
    {
        var token = EntrySeed.Token();
        for (var i = 0; i < 21; i++)
            await SubmittedAsync(e => e.Title = $"Hồ sơ {token} {i}");
        var (browser, _) = await SignedInAsync(site);

        var first = await browser.GetPageAsync("/quan-tri/ho-so?q=" + token);
        var second = await browser.GetPageAsync("/quan-tri/ho-so?q=" + token + "&trang=2");

        Assert.Equal(20, first.QuerySelectorAll("tbody tr").Length);
        Assert.Single(second.QuerySelectorAll("tbody tr"));
        Assert.Contains("21 hồ sơ", first.QuerySelector("p[role=status]")!.TextContent);
    }

    [Fact]
    public async Task The_review_page_shows_the_whole_entry_the_entrant_files_and_history()
    {
        var (owner, entry) = await SubmittedAsync(e =>
        {
            e.Title = "Máy phân loại chè búp tự động";
            e.Novelty = "Lần đầu dùng camera <b>AI</b> cho chè";
            e.BenefitVnd = 350_000_000;
            e.Authors =
            [
                new EntryAuthor { Order = 1, FullName = "Đỗ Minh Đức", BirthYear = 1985, Unit = "Công ty TNHH Chè Tân Cương", Position = "Kỹ sư", SharePercent = 70, IsRepresentative = true },
                new EntryAuthor { Order = 2, FullName = "Hà Thu Trang", Unit = "Công ty TNHH Chè Tân Cương", SharePercent = 30 },
            ];
        });
        await EntrySeed.ProfileAsync(site, owner.Id, EntrantType.Enterprise, "Công ty TNHH Chè Tân Cương", "4600123456");
        var photo = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Photo);
        var failed = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Video, configure: m =>
        {
            m.State = MediaState.Failed;
            m.Error = "Video dài quá 10 phút.";
            m.PlaybackKey = m.PosterKey = null;
        });
        var evidence = await EntrySeed.MediaAsync(site, entry.Id, MediaKind.Document, configure: m => m.Kind = MediaKind.Evidence);
        var (browser, _) = await SignedInAsync(site);

        var page = await browser.GetPageAsync($"/quan-tri/ho-so/{entry.Id}");

        var text = Text(page);
        foreach (var expected in new[]
                 {
                     entry.Title, entry.Code!, "Đã nộp", "Đỗ Minh Đức", "1985", "Kỹ sư", "70%", "30%", "Doanh nghiệp", "4600123456",
                     "0912345678", "Lê Thị Hoa", owner.Email!, "350.000.000 đồng", "Lần đầu dùng camera <b>AI</b> cho chè",
                     "Video dài quá 10 phút.", "Xử lý lỗi", "Xác nhận của đơn vị áp dụng", "Công nghệ thông tin & chuyển đổi số",
                 })
            Assert.Contains(expected, text);
        Assert.NotNull(page.QuerySelector($"img[src='{MediaUrls.Thumb(photo.Id)}']"));
        Assert.NotNull(page.QuerySelector($"a[href='{MediaUrls.Original(failed.Id)}']"));
        Assert.NotNull(page.QuerySelector($"a[href='{MediaUrls.Document(evidence.Id)}']"));
        Assert.Equal(3, page.QuerySelectorAll("#decision-form button[name='Input.Decision']").Length);
        Assert.Equal(entry.Version.ToString(), page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        var nav = page.QuerySelector(".admin-nav a[aria-current=page]")!;
        Assert.Equal("Hồ sơ dự thi", nav.TextContent);
    }

    [Fact]
    public async Task Accepting_an_entry_records_it_and_mails_the_entrant()
    {
        var (owner, entry) = await SubmittedAsync();
        var (browser, email) = await SignedInAsync(site);

        var landed = await LandAsync(browser, await DecideAsync(browser, entry.Id, EntryStatus.Accepted, "Hồ sơ đầy đủ."));

        Assert.Contains("Đã chuyển hồ sơ", landed.QuerySelector(".alert-success")!.TextContent);
        Assert.Contains("Hợp lệ", landed.QuerySelector("#trang-thai")!.TextContent);
        var stored = await ReloadAsync(entry.Id);
        Assert.Equal(EntryStatus.Accepted, stored.Status);
        var change = Assert.Single(stored.History);
        Assert.Equal((EntryStatus.Submitted, EntryStatus.Accepted, "Hồ sơ đầy đủ."), (change.From, change.To, change.Reason));
        Assert.Equal("Người Thử", change.ByName);
        Assert.Equal(site.Time.GetUtcNow().UtcDateTime, change.At);
        Assert.Contains("Hồ sơ đầy đủ.", Text(landed));

        var mail = Assert.Single(site.Mail.To(owner.Email!));
        Assert.Contains(entry.Code!, mail.Subject);
        Assert.Contains("hợp lệ", mail.Subject);
        Assert.Contains("Lê Thị Hoa", mail.HtmlBody);
        Assert.Equal($"/thi-sinh/cong-trinh/{entry.Id}", site.Mail.LinkIn(owner.Email!, "/thi-sinh/cong-trinh/"));
        Assert.Empty(site.Mail.To(email));
        // Accepted entries go public.
        Assert.Equal(HttpStatusCode.OK, (await site.NewBrowser().GetAsync($"/cong-trinh/{entry.Code}")).Response.StatusCode);
    }

    [Theory]
    [InlineData(EntryStatus.NeedsChanges, "cần bổ sung")]
    [InlineData(EntryStatus.Rejected, "không hợp lệ")]
    public async Task Returning_or_rejecting_records_the_reason_and_mails_it_with_the_deadline(EntryStatus decision, string subject)
    {
        var (owner, entry) = await SubmittedAsync();
        var (browser, _) = await SignedInAsync(site);
        const string reason = "Thiếu xác nhận của đơn vị áp dụng <có dấu đỏ>.\nBổ sung bản scan.";

        await LandAsync(browser, await DecideAsync(browser, entry.Id, decision, reason));

        var stored = await ReloadAsync(entry.Id);
        Assert.Equal(decision, stored.Status);
        Assert.Equal(reason, Assert.Single(stored.History).Reason);
        var mail = Assert.Single(site.Mail.To(owner.Email!));
        Assert.Contains(subject, mail.Subject);
        Assert.Contains("Thiếu xác nhận của đơn vị áp dụng &lt;có dấu đỏ&gt;.<br>Bổ sung bản scan.", mail.HtmlBody);
        // The submission window of the seeded contest ends at 00:00 on 01/08/2025, Vietnam time.
        Assert.Contains("hết ngày 31/07/2025", mail.HtmlBody);
        Assert.Contains($"/thi-sinh/cong-trinh/{entry.Id}", mail.HtmlBody);
        var audited = await site.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == "entry.decide" && a.Subject == $"entry:{entry.Id}"));
        Assert.Contains(decision.ToString(), audited.Data);
        Assert.Contains("Bổ sung bản scan", System.Text.Json.JsonDocument.Parse(audited.Data).RootElement.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(EntryStatus.NeedsChanges)]
    [InlineData(EntryStatus.Rejected)]
    public async Task Returning_or_rejecting_without_a_reason_is_refused_and_changes_nothing(EntryStatus decision)
    {
        var (owner, entry) = await SubmittedAsync();
        var (browser, _) = await SignedInAsync(site);

        var response = await DecideAsync(browser, entry.Id, decision, "   ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Vui lòng ghi rõ lý do để thí sinh biết cần làm gì.", Errors(page));
        Assert.NotNull(page.QuerySelector("#decision-form"));
        var stored = await ReloadAsync(entry.Id);
        Assert.Equal(EntryStatus.Submitted, stored.Status);
        Assert.Empty(stored.History);
        Assert.Equal(entry.Version, stored.Version);
        Assert.Empty(site.Mail.To(owner.Email!));
    }

    [Fact]
    public async Task An_entry_that_is_not_submitted_cannot_be_decided()
    {
        var (owner, entry) = await SubmittedAsync(status: EntryStatus.Accepted);
        var (_, other) = await SubmittedAsync();
        var (browser, _) = await SignedInAsync(site);

        var page = await browser.GetPageAsync($"/quan-tri/ho-so/{entry.Id}");
        Assert.Null(page.QuerySelector("#decision-form"));
        // Post anyway, with a valid token taken from another entry's form.
        var form = (IHtmlFormElement)(await browser.GetPageAsync($"/quan-tri/ho-so/{other.Id}")).QuerySelector("#decision-form")!;
        form.Action = $"/quan-tri/ho-so/{entry.Id}";
        var response = await browser.SubmitAsync(form, $"/quan-tri/ho-so/{entry.Id}",
            new() { ["Input.Version"] = entry.Version.ToString(), ["Input.Reason"] = "Sai lĩnh vực" }, $"Input.Decision={EntryStatus.Rejected}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Chỉ xét hồ sơ ở trạng thái “Đã nộp”; công trình này đang “Hợp lệ”.", Errors(await Browser.ParseAsync(response)));
        var stored = await ReloadAsync(entry.Id);
        Assert.Equal(EntryStatus.Accepted, stored.Status);
        Assert.Empty(stored.History);
        Assert.Empty(site.Mail.To(owner.Email!));
    }

    [Fact]
    public async Task The_later_of_two_organizers_deciding_at_once_is_refused()
    {
        var (owner, entry) = await SubmittedAsync();
        var (first, _) = await SignedInAsync(site);
        var (second, _) = await SignedInAsync(site);
        // Both open the entry before either decides.
        var secondForm = (IHtmlFormElement)(await second.GetPageAsync($"/quan-tri/ho-so/{entry.Id}")).QuerySelector("#decision-form")!;

        await LandAsync(first, await DecideAsync(first, entry.Id, EntryStatus.Accepted));
        var response = await second.SubmitAsync(secondForm, $"/quan-tri/ho-so/{entry.Id}",
            new() { ["Input.Reason"] = "Thiếu ảnh" }, $"Input.Decision={EntryStatus.NeedsChanges}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains(Errors(page), e => e.StartsWith("Hồ sơ vừa được người khác xử lý", StringComparison.Ordinal));
        var stored = await ReloadAsync(entry.Id);
        Assert.Equal(EntryStatus.Accepted, stored.Status);
        Assert.Single(stored.History);
        Assert.Single(site.Mail.To(owner.Email!));
    }

    [Fact]
    public async Task A_decision_without_its_antiforgery_token_is_refused()
    {
        var (_, entry) = await SubmittedAsync();
        var (browser, _) = await SignedInAsync(site);

        var response = await browser.SubmitFormAsync($"/quan-tri/ho-so/{entry.Id}", [], "#decision-form", $"Input.Decision={EntryStatus.Accepted}", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(EntryStatus.Submitted, (await ReloadAsync(entry.Id)).Status);
    }

    [Theory]
    [InlineData("/quan-tri/ho-so/987654")]
    [InlineData("/quan-tri/ho-so/987654/ban-an-danh")]
    public async Task An_unknown_entry_is_404(string url)
    {
        var (browser, _) = await SignedInAsync(site);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).Response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Entrant)]
    [InlineData(Roles.Judge)]
    public async Task Other_roles_cannot_open_or_decide(string role)
    {
        var (_, entry) = await SubmittedAsync();
        var (browser, _) = await SignedInAsync(site, role);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/quan-tri/ho-so/{entry.Id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/quan-tri/ho-so/{entry.Id}/ban-an-danh")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/quan-tri/ho-so")).Response.StatusCode);
    }
}
