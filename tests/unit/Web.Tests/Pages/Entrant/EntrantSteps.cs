using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Pages.Entrant;

/// <summary>A signed-in entrant: the browser, and the account id their entries are owned by.</summary>
internal sealed record EntrantUser(Browser Browser, string UserId, string Email);

/// <summary>What an entrant does on the /thi-sinh pages, as reusable steps, plus small builders for test data.</summary>
internal static class EntrantSteps
{
    public const string Password = "MatKhau123";

    /// <summary>Communes from assets/communes (the 2025 list).</summary>
    public const string Commune = "Phường Đức Xuân";
    public const string OtherCommune = "Xã Phong Quang";

    /// <summary>00:00 on 01/08/2025 in Vietnam: the seeded submission window closes at this instant.</summary>
    public static readonly DateTimeOffset Deadline = new(2025, 7, 31, 17, 0, 0, TimeSpan.Zero);

    public static async Task<EntrantUser> SignInAsync(TestSite site, params string[] roles)
    {
        var email = $"thi-sinh-{Guid.NewGuid():N}@example.vn";
        var user = await site.CreateUserAsync(email, Password, roles.Length == 0 ? [Roles.Entrant] : roles);
        var browser = site.NewBrowser();
        var response = await browser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new EntrantUser(browser, user.Id, email);
    }

    /// <summary>Signed in, with an individual's profile saved through the form.</summary>
    public static async Task<EntrantUser> WithProfileAsync(TestSite site)
    {
        var entrant = await SignInAsync(site);
        var landed = await LandAsync(entrant.Browser, await SaveProfileAsync(entrant.Browser, []));
        Assert.Contains("Đã lưu hồ sơ thí sinh.", Text(landed));
        return entrant;
    }

    public static Dictionary<string, string> Profile() => new()
    {
        ["Input.Type"] = ((int)EntrantType.Individual).ToString(),
        ["Input.Organisation"] = "",
        ["Input.TaxCode"] = "",
        ["Input.Phone"] = "0912 345 678",
        ["Input.Commune"] = Commune,
        ["Input.Address"] = "Số 10, tổ 5",
    };

    public static Task<HttpResponseMessage> SaveProfileAsync(Browser browser, Dictionary<string, string> changes)
    {
        var fields = Profile();
        foreach (var (key, value) in changes)
            fields[key] = value;
        return browser.SubmitFormAsync("/thi-sinh/ho-so", fields);
    }

    /// <summary>Every field an entry needs to be submitted, one author with 100% as representative.</summary>
    public static Dictionary<string, string> CompleteEntry(string title = "Ứng dụng số hóa hồ sơ một cửa cấp xã") => new()
    {
        ["Input.Title"] = title,
        ["Input.CategoryId"] = "1",
        ["Input.Commune"] = Commune,
        ["Input.LegacyAddress"] = "xã Phúc Xuân, TP Thái Nguyên",
        ["Input.AppliedSince"] = "2024-06-01",
        ["Input.Summary"] = "Số hóa toàn bộ hồ sơ một cửa, người dân tra cứu kết quả qua điện thoại.",
        ["Input.Situation"] = "Hồ sơ giấy lưu trữ phân tán, tra cứu mất nhiều thời gian.",
        ["Input.Solution"] = "Xây dựng phần mềm quét, lưu trữ và tra cứu hồ sơ.",
        ["Input.Novelty"] = "Lần đầu áp dụng mã QR trên phiếu hẹn tại cấp xã.",
        ["Input.Impact"] = "Giảm 60% thời gian tra cứu, tiết kiệm giấy in.",
        ["Input.Applicability"] = "Có thể áp dụng cho 92 xã, phường trong tỉnh.",
        ["Input.BenefitVnd"] = "30.000.000",
        ["Input.JobsCreated"] = "3",
        ["Input.TimeSaved"] = "2 giờ cho mỗi hồ sơ",
        ["Input.Authors[0].FullName"] = "Nguyễn Văn An",
        ["Input.Authors[0].BirthYear"] = "1985",
        ["Input.Authors[0].Unit"] = "UBND phường Đức Xuân",
        ["Input.Authors[0].Position"] = "Công chức văn phòng",
        ["Input.Authors[0].Share"] = "100",
        ["Input.Representative"] = "0",
        ["Input.AuthorshipCommitted"] = "true",
    };

    /// <summary>Creates a draft through /thi-sinh/cong-trinh/moi and returns its id (from the redirect to its edit page).</summary>
    public static async Task<int> CreateDraftAsync(Browser browser, Dictionary<string, string> fields)
    {
        var response = await PostFormAsync(browser, "/thi-sinh/cong-trinh/moi", fields.ToList());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Create gave {(int)response.StatusCode}: {await TextAsync(response)}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?', '#')[0]);
    }

    public static string EditUrl(int id) => $"/thi-sinh/cong-trinh/{id}";

    /// <summary>Opens the edit page, changes fields and presses "Lưu nháp".</summary>
    public static Task<HttpResponseMessage> SaveDraftAsync(Browser browser, int id, Dictionary<string, string> changes) =>
        PostFormAsync(browser, EditUrl(id), changes.ToList());

    /// <summary>Opens the edit page, changes fields and presses "Nộp hồ sơ".</summary>
    public static Task<HttpResponseMessage> SubmitAsync(Browser browser, int id, Dictionary<string, string>? changes = null) =>
        PostFormAsync(browser, EditUrl(id), (changes ?? []).ToList(), "Submit");

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, takes #entry-form with everything a browser would send (the
    /// commitment checkbox and submit button sit outside it, joined by form="entry-form"), replaces every
    /// value of each key in <paramref name="changes"/> (a key may repeat, as two checked radios would), and
    /// posts it to the page or to its <paramref name="handler"/>, as the button's formaction does.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        Browser browser, string pageUrl, IReadOnlyList<KeyValuePair<string, string>> changes, string? handler = null,
        bool withToken = true, IEnumerable<string>? without = null)
    {
        var page = await browser.GetPageAsync(pageUrl);
        var values = FormValues(page);
        var replaced = changes.Select(c => c.Key).Concat(without ?? []).ToHashSet();
        values.RemoveAll(v => replaced.Contains(v.Key));
        values.AddRange(changes);
        if (!withToken)
            values.RemoveAll(v => v.Key == "__RequestVerificationToken");
        var action = page.QuerySelector<IHtmlFormElement>("#entry-form")!.GetAttribute("action")!;
        return await browser.Client.PostAsync(handler is null ? action : $"{action}?handler={handler}", new FormUrlEncodedContent(values));
    }

    /// <summary>The values #entry-form would send, including controls joined to it by a form attribute.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlDocument page)
    {
        var form = page.QuerySelector<IHtmlFormElement>("#entry-form") ?? throw new InvalidOperationException("No #entry-form on the page");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in page.QuerySelectorAll("input, textarea, select"))
        {
            var inForm = element.Closest("form") == form || element.GetAttribute("form") == "entry-form";
            var name = element.GetAttribute("name");
            if (!inForm || string.IsNullOrEmpty(name))
                continue;
            switch (element)
            {
                case IHtmlInputElement input:
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
                    if (input.Type is "submit" or "button" or "file") continue;
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        return values;
    }

    /// <summary>A photo row as the upload feature would leave it (no real file needed for the form's rules).</summary>
    public static Task AddMediaAsync(TestSite site, int entryId, MediaState state = MediaState.Ready, MediaKind kind = MediaKind.Photo) =>
        site.QueryAsync(async db =>
        {
            var order = await db.MediaFiles.CountAsync(m => m.EntryId == entryId);
            db.MediaFiles.Add(new MediaFile
            {
                EntryId = entryId,
                Kind = kind,
                SortOrder = order + 1,
                Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                OriginalKey = $"goc/{Guid.NewGuid():N}",
                Size = 123_456,
                ContentType = kind == MediaKind.Photo ? "image/jpeg" : kind == MediaKind.Video ? "video/mp4" : "application/pdf",
                DisplayName = kind == MediaKind.Photo ? "anh-cong-trinh.jpg" : "tep.bin",
                UploadedAt = site.Time.GetUtcNow().UtcDateTime,
                State = state,
                Error = state == MediaState.Failed ? "Ảnh bị hỏng, không đọc được." : "",
            });
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// A complete draft written straight to the database (one author, 100%, representative, committed, one
    /// ready photo): for tests about what happens to an entry, not about filling the form.
    /// </summary>
    public static async Task<int> InsertEntryAsync(TestSite site, string ownerId, Action<Entry>? change = null)
    {
        var now = site.Time.GetUtcNow().UtcDateTime;
        var id = await site.QueryAsync(async db =>
        {
            var entry = new Entry
            {
                OwnerId = ownerId,
                Status = EntryStatus.Draft,
                Title = $"Mô hình tưới tiết kiệm nước {Guid.NewGuid().ToString("N")[..6]}",
                CategoryId = 1,
                Commune = Commune,
                AppliedSince = new DateOnly(2024, 3, 1),
                Summary = "Hệ thống tưới nhỏ giọt điều khiển qua điện thoại.",
                Situation = "Thiếu nước tưới mùa khô.",
                Solution = "Tưới nhỏ giọt theo độ ẩm đất.",
                Novelty = "Cảm biến độ ẩm giá rẻ tự chế.",
                Impact = "Tiết kiệm 40% lượng nước.",
                Applicability = "Áp dụng cho các hộ trồng chè.",
                AuthorshipCommitted = true,
                CreatedAt = now,
                UpdatedAt = now,
                Authors = [new EntryAuthor { Order = 1, FullName = "Trần Thị Bình", BirthYear = 1990, SharePercent = 100m, IsRepresentative = true }],
            };
            change?.Invoke(entry);
            entry.EntrantName = entry.Authors.FirstOrDefault(a => a.IsRepresentative)?.FullName ?? "";
            entry.RefreshSearchText();
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        await AddMediaAsync(site, id);
        return id;
    }

    public static Task<Entry> EntryAsync(TestSite site, int id) =>
        site.QueryAsync(db => db.Entries.AsNoTracking()
            .Include(e => e.Authors.OrderBy(a => a.Order))
            .Include(e => e.History.OrderBy(h => h.At).ThenBy(h => h.Id))
            .AsSplitQuery()
            .SingleAsync(e => e.Id == id));

    /// <summary>The secretariat's decision, through the workflow as the validation queue makes it.</summary>
    public static async Task ValidateAsync(TestSite site, int id, EntryStatus decision, string? reason)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<EntryWorkflow>();
        var entry = await db.Entries.Include(e => e.History).SingleAsync(e => e.Id == id);
        workflow.Validate(entry, decision, reason, new Actor("to-thu-ky", "Tổ thư ký"));
        await db.SaveChangesAsync();
    }

    public static string Text(IHtmlDocument document) => document.Body?.TextContent ?? "";

    public static async Task<string> TextAsync(HttpResponseMessage response) => Text(await Browser.ParseAsync(response));

    public static async Task<IHtmlDocument> LandAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect, got {(int)response.StatusCode}: {await TextAsync(response)}");
        return await browser.FollowAsync(response);
    }

    /// <summary>The antiforgery token of the signed-in browser, taken from a page it may open.</summary>
    public static async Task<string> TokenAsync(Browser browser)
    {
        var page = await browser.GetPageAsync("/thi-sinh/ho-so");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>The messages shown beside fields, in page order.</summary>
    public static IReadOnlyList<string> FieldErrors(IHtmlDocument document) =>
        document.QuerySelectorAll(".field-validation-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
