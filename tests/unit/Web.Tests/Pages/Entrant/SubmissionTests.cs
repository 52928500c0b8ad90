using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Tests.Infrastructure;
using static ContestPlatform.Web.Tests.Pages.Entrant.EntrantSteps;

namespace ContestPlatform.Web.Tests.Pages.Entrant;

/// <summary>
/// What "Nộp hồ sơ" refuses. A refused submission answers 422 and stores nothing (not even the edits
/// typed with it): the status stays Nháp, and the form comes back with what was typed and each problem.
/// </summary>
public sealed class SubmissionTests(TestSite site) : IClassFixture<TestSite>
{
    private async Task<(EntrantUser Entrant, int Id)> DraftAsync(Dictionary<string, string>? fields = null, bool photo = true)
    {
        var entrant = await WithProfileAsync(site);
        var id = await CreateDraftAsync(entrant.Browser, fields ?? CompleteEntry());
        if (photo)
            await AddMediaAsync(site, id);
        return (entrant, id);
    }

    private static Dictionary<string, string> TwoAuthors(string first, string second) => new()
    {
        ["Input.Authors[0].FullName"] = "Nguyễn Văn An",
        ["Input.Authors[0].BirthYear"] = "1985",
        ["Input.Authors[0].Share"] = first,
        ["Input.Authors[1].FullName"] = "Phạm Thị Dung",
        ["Input.Authors[1].BirthYear"] = "1993",
        ["Input.Authors[1].Share"] = second,
    };

    /// <summary>The refused submission: the page comes back (422) with the summary and the field messages.</summary>
    private static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"Expected the form back with 422, got {(int)response.StatusCode}");
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Hồ sơ chưa được nộp và các thay đổi chưa được lưu.", page.QuerySelector("#loi")!.TextContent);
        return page;
    }

    private async Task AssertStillDraftAsync(int id)
    {
        var entry = await EntryAsync(site, id);
        Assert.Equal(EntryStatus.Draft, entry.Status);
        Assert.Null(entry.Code);
        Assert.Empty(entry.History);
    }

    [Theory]
    [InlineData("33,33", "66,66", "99,99")]
    [InlineData("50.01", "50", "100,01")]
    public async Task Shares_that_do_not_sum_to_100_are_refused_and_nothing_is_stored(string first, string second, string shown)
    {
        var (entrant, id) = await DraftAsync();
        var before = await EntryAsync(site, id);
        var changes = TwoAuthors(first, second);
        changes["Input.Title"] = "Tên mới sửa trước khi nộp";

        var page = await RefusedAsync(await SubmitAsync(entrant.Browser, id, changes));

        var message = $"Tổng tỷ lệ đóng góp của các tác giả phải bằng đúng 100%; hiện đang là {shown}%.";
        Assert.Contains(message, page.QuerySelector("#tac-gia .field-validation-error")!.TextContent);
        Assert.Contains(message, page.QuerySelector("#loi")!.TextContent);
        Assert.Equal($"{shown}%", page.QuerySelector("#share-total")!.TextContent);
        // What was typed comes back, so nothing is lost ...
        Assert.Equal("Tên mới sửa trước khi nộp", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("Phạm Thị Dung", page.QuerySelector<IHtmlInputElement>("#Input_Authors_1__FullName")!.Value);
        // ... but none of it is stored.
        await AssertStillDraftAsync(id);
        var entry = await EntryAsync(site, id);
        Assert.Equal(before.Title, entry.Title);
        Assert.Equal(before.Version, entry.Version);
        Assert.Equal([100m], entry.Authors.Select(a => a.SharePercent));
    }

    [Fact]
    public async Task After_a_refused_submission_the_returned_form_still_saves_as_a_draft()
    {
        var (entrant, id) = await DraftAsync();
        var changes = TwoAuthors("30", "30");
        var page = await RefusedAsync(await SubmitAsync(entrant.Browser, id, changes));

        // The form carries the version it was opened with, so "Lưu nháp" from it is not taken for a stale tab.
        var values = FormValues(page);
        var saved = await entrant.Browser.Client.PostAsync(EditUrl(id), new FormUrlEncodedContent(values));

        await LandAsync(entrant.Browser, saved);
        Assert.Equal([30m, 30m], (await EntryAsync(site, id)).Authors.Select(a => a.SharePercent));
    }

    [Fact]
    public async Task Decimal_shares_that_sum_to_exactly_100_are_accepted()
    {
        var (entrant, id) = await DraftAsync();
        var changes = TwoAuthors("33,33", "33.33");
        changes["Input.Authors[2].FullName"] = "Hoàng Văn Em";
        changes["Input.Authors[2].BirthYear"] = "1979";
        changes["Input.Authors[2].Share"] = "33,34 %";

        var landed = await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, id, changes));

        Assert.Contains("Đã nộp hồ sơ công trình", Text(landed));
        var entry = await EntryAsync(site, id);
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal([33.33m, 33.33m, 33.34m], entry.Authors.Select(a => a.SharePercent));
    }

    [Fact]
    public async Task An_entry_without_a_representative_is_refused()
    {
        var (entrant, id) = await DraftAsync();

        var response = await PostFormAsync(entrant.Browser, EditUrl(id), [], "Submit", without: ["Input.Representative"]);

        Assert.Contains("Vui lòng chọn một tác giả làm người đại diện.", FieldErrors(await RefusedAsync(response)));
        await AssertStillDraftAsync(id);
    }

    [Fact]
    public async Task An_entry_with_two_representatives_is_refused()
    {
        var (entrant, id) = await DraftAsync();
        var changes = TwoAuthors("50", "50").ToList();
        changes.Add(new("Input.Representative", "0"));
        changes.Add(new("Input.Representative", "1"));

        var response = await PostFormAsync(entrant.Browser, EditUrl(id), changes, "Submit");

        Assert.Contains("Chỉ chọn một người đại diện; hiện có 2 tác giả được đánh dấu đại diện.", FieldErrors(await RefusedAsync(response)));
        await AssertStillDraftAsync(id);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(MediaKind.Photo, MediaState.Failed)]
    [InlineData(MediaKind.Video, MediaState.Ready)]
    [InlineData(MediaKind.Document, MediaState.Ready)]
    public async Task An_entry_without_a_usable_photo_is_refused(MediaKind? kind, MediaState? state)
    {
        var (entrant, id) = await DraftAsync(photo: false);
        if (kind is { } k)
            await AddMediaAsync(site, id, state!.Value, k);

        var page = await RefusedAsync(await SubmitAsync(entrant.Browser, id));

        const string message = "Vui lòng tải lên ít nhất một ảnh về công trình (ảnh bị lỗi xử lý không được tính).";
        Assert.Contains(message, page.QuerySelector("#tep-dinh-kem")!.TextContent);
        Assert.Contains(message, page.QuerySelector("#loi a[href='#tep-dinh-kem']")!.TextContent);
        await AssertStillDraftAsync(id);
    }

    [Fact]
    public async Task A_photo_still_being_processed_counts()
    {
        var (entrant, id) = await DraftAsync(photo: false);
        await AddMediaAsync(site, id, MediaState.Pending);

        await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, id));

        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(site, id)).Status);
    }

    [Fact]
    public async Task An_empty_draft_lists_everything_missing_beside_each_field()
    {
        var entrant = await WithProfileAsync(site);
        var id = await CreateDraftAsync(entrant.Browser, new()
        {
            ["Input.Authors[0].FullName"] = "",
            ["Input.Authors[0].Share"] = "",
        });

        var response = await PostFormAsync(entrant.Browser, EditUrl(id), [], "Submit", without: ["Input.Representative"]);

        var page = await RefusedAsync(response);
        var errors = FieldErrors(page);
        Assert.Contains("Vui lòng nhập tên công trình.", errors);
        Assert.Contains("Vui lòng chọn lĩnh vực dự thi.", errors);
        Assert.Contains("Vui lòng chọn địa bàn áp dụng (xã/phường).", errors);
        Assert.Contains("Vui lòng nhập thời gian bắt đầu áp dụng.", errors);
        Assert.Contains("Vui lòng nhập tóm tắt công trình.", errors);
        Assert.Contains("Vui lòng viết phần thuyết minh “Thực trạng”.", errors);
        Assert.Contains("Vui lòng viết phần thuyết minh “Khả năng áp dụng, nhân rộng”.", errors);
        Assert.Contains("Vui lòng nhập ít nhất một tác giả.", errors);
        Assert.Contains("Vui lòng đánh dấu cam kết quyền tác giả trước khi nộp hồ sơ.", errors);
        // The summary lists the problems top to bottom, each linking to its field.
        var summary = page.QuerySelectorAll("#loi li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal("Vui lòng nhập tên công trình.", summary[0]);
        Assert.Equal("Vui lòng đánh dấu cam kết quyền tác giả trước khi nộp hồ sơ.", summary[^1]);
        Assert.Equal("Vui lòng nhập tên công trình.", page.QuerySelector("#loi a[href='#Input_Title']")!.TextContent);
        await AssertStillDraftAsync(id);
    }

    [Fact]
    public async Task Missing_author_details_and_a_future_start_date_are_named_per_row()
    {
        var (entrant, id) = await DraftAsync();
        var changes = TwoAuthors("60", "");
        changes["Input.Authors[1].BirthYear"] = "";
        changes["Input.AppliedSince"] = "2025-03-02";

        var page = await RefusedAsync(await SubmitAsync(entrant.Browser, id, changes));

        var summary = page.QuerySelector("#loi")!.TextContent;
        Assert.Contains("Tác giả 2: Vui lòng nhập năm sinh.", summary);
        Assert.Contains("Tác giả 2: Vui lòng nhập tỷ lệ đóng góp.", summary);
        Assert.Contains("Thời gian bắt đầu áp dụng không được sau ngày hôm nay (01/03/2025): công trình dự thi phải đã được áp dụng.", summary);
        await AssertStillDraftAsync(id);
    }

    [Fact]
    public async Task Over_long_fields_are_refused_and_nothing_is_saved()
    {
        var (entrant, id) = await DraftAsync();
        var before = await EntryAsync(site, id);
        var changes = new Dictionary<string, string>
        {
            ["Input.Title"] = new string('T', 400),
            ["Input.Situation"] = string.Concat(Enumerable.Repeat("Thực trạng ", 2500)),
            ["Input.Summary"] = "Tóm tắt mới không được lưu",
        };

        foreach (var (handler, status) in new[] { (null, HttpStatusCode.UnprocessableEntity), ("Submit", HttpStatusCode.UnprocessableEntity) })
        {
            var response = await PostFormAsync(entrant.Browser, EditUrl(id), changes.ToList(), handler);

            Assert.Equal(status, response.StatusCode);
            var page = await Browser.ParseAsync(response);
            Assert.Contains("Chưa lưu được thay đổi. Vui lòng kiểm tra lại các mục sau:", page.QuerySelector("#loi")!.TextContent);
            var errors = FieldErrors(page);
            Assert.Contains("Tên công trình không được dài quá 300 ký tự.", errors);
            Assert.Contains("Thực trạng không được dài quá 20000 ký tự.", errors);
            // What was typed comes back, so nothing is lost.
            Assert.Equal(400, page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value.Length);
        }

        var after = await EntryAsync(site, id);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.Summary, after.Summary);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(EntryStatus.Draft, after.Status);
    }

    [Fact]
    public async Task Formats_are_checked_even_for_a_draft()
    {
        var (entrant, id) = await DraftAsync();

        var response = await SaveDraftAsync(entrant.Browser, id, new()
        {
            ["Input.BenefitVnd"] = "khoảng 30 triệu",
            ["Input.Authors[0].BirthYear"] = "1899",
            ["Input.Authors[0].Share"] = "0",
            ["Input.Commune"] = "Huyện Phú Lương",
            ["Input.CategoryId"] = "9999",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = FieldErrors(await Browser.ParseAsync(response));
        Assert.Contains("Lợi ích kinh tế là số tiền VNĐ mỗi năm, chỉ gồm chữ số, ví dụ 30.000.000.", errors);
        Assert.Contains("Năm sinh phải từ 1900 đến 2025.", errors);
        Assert.Contains("Tỷ lệ đóng góp là số lớn hơn 0 và không quá 100, tối đa hai chữ số thập phân, ví dụ 33,33.", errors);
        Assert.Contains("Vui lòng chọn xã/phường trong danh sách đơn vị hành chính cấp xã của tỉnh Thái Nguyên.", errors);
        Assert.Contains("Vui lòng chọn lĩnh vực trong danh sách.", errors);
        Assert.Equal(30_000_000, (await EntryAsync(site, id)).BenefitVnd);
    }

    [Fact]
    public async Task Author_rows_are_added_and_removed_without_javascript_keeping_what_was_typed()
    {
        var (entrant, id) = await DraftAsync();
        var typed = new Dictionary<string, string>
        {
            ["Input.Title"] = "Tên đang gõ dở",
            ["Input.Authors[0].FullName"] = "Nguyễn Văn An",
            ["Input.Authors[0].Share"] = "50",
        };

        // "Thêm tác giả" posts the whole form to ?handler=AddAuthor and gets it back with one more row.
        var added = await Browser.ParseAsync(await PostFormAsync(entrant.Browser, EditUrl(id), typed.ToList(), "AddAuthor"));
        Assert.Equal(2, added.QuerySelectorAll("tr[data-author-row]").Length);
        Assert.Equal("Tên đang gõ dở", added.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("50", added.QuerySelector<IHtmlInputElement>("#Input_Authors_0__Share")!.Value);
        // Nothing is saved until "Lưu nháp".
        Assert.NotEqual("Tên đang gõ dở", (await EntryAsync(site, id)).Title);

        // Three rows, the third is the representative; removing the first shifts the others up.
        var rows = new List<KeyValuePair<string, string>>
        {
            new("Input.Authors[0].FullName", "Một"), new("Input.Authors[0].Share", "20"),
            new("Input.Authors[1].FullName", "Hai"), new("Input.Authors[1].Share", "30"),
            new("Input.Authors[2].FullName", "Ba"), new("Input.Authors[2].Share", "50"),
            new("Input.Representative", "2"),
        };
        var removed = await entrant.Browser.Client.PostAsync($"{EditUrl(id)}?handler=RemoveAuthor&index=0",
            new FormUrlEncodedContent(Merge(await entrant.Browser.GetPageAsync(EditUrl(id)), rows)));
        var page = await Browser.ParseAsync(removed);
        var names = page.QuerySelectorAll("tr[data-author-row] input[name$='.FullName']").Select(i => ((IHtmlInputElement)i).Value);
        Assert.Equal(["Hai", "Ba"], names);
        var checkedRadio = page.QuerySelector<IHtmlInputElement>("input[name='Input.Representative']:checked")!;
        Assert.Equal("1", checkedRadio.Value);
        // The form still posts to the page itself, so "Lưu nháp" after a row change saves.
        Assert.Equal(EditUrl(id), page.QuerySelector("#entry-form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task No_more_than_20_authors()
    {
        var (entrant, id) = await DraftAsync();
        var twenty = Enumerable.Range(0, 20)
            .SelectMany(i => new KeyValuePair<string, string>[] { new($"Input.Authors[{i}].FullName", $"Tác giả {i + 1}"), new($"Input.Authors[{i}].Share", "5") })
            .ToList();

        var page = await Browser.ParseAsync(await PostFormAsync(entrant.Browser, EditUrl(id), twenty, "AddAuthor"));
        Assert.Equal(20, page.QuerySelectorAll("tr[data-author-row]").Length);
        Assert.Contains("Mỗi công trình có tối đa 20 tác giả.", FieldErrors(page));
        Assert.Null(page.QuerySelector("[data-add-author]"));

        var saved = await LandAsync(entrant.Browser, await PostFormAsync(entrant.Browser, EditUrl(id), twenty));
        Assert.Contains("Đã lưu bản nháp", Text(saved));
        Assert.Equal(20, (await EntryAsync(site, id)).Authors.Count);

        var tooMany = twenty.Concat([new("Input.Authors[20].FullName", "Tác giả 21"), new("Input.Authors[20].Share", "1")]).ToList();
        var refused = await PostFormAsync(entrant.Browser, EditUrl(id), tooMany);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Mỗi công trình có tối đa 20 tác giả.", FieldErrors(await Browser.ParseAsync(refused)));
        Assert.Equal(20, (await EntryAsync(site, id)).Authors.Count);
    }

    [Fact]
    public async Task A_submitted_entry_is_read_only_and_refuses_posts()
    {
        var (entrant, id) = await DraftAsync();
        await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, id));
        var token = await TokenAsync(entrant.Browser);
        var before = await EntryAsync(site, id);

        var page = await entrant.Browser.GetPageAsync(EditUrl(id));
        Assert.Contains("Hồ sơ đã nộp, đang chờ Tổ thư ký xét.", Text(page));
        Assert.Null(page.QuerySelector("#entry-form"));

        foreach (var handler in new[] { "", "?handler=Submit", "?handler=AddAuthor", "?handler=RemoveAuthor&index=0" })
        {
            var response = await entrant.Browser.Client.PostAsync(EditUrl(id) + handler, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Version"] = before.Version.ToString(),
                ["Input.Title"] = "Sửa sau khi nộp",
            }));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var text = await TextAsync(response);
            Assert.Contains("Không lưu được thay đổi.", text);
            Assert.Contains("Hồ sơ đã nộp, đang chờ Tổ thư ký xét.", text);
        }

        var after = await EntryAsync(site, id);
        Assert.Equal((before.Title, before.Version, before.Status, before.History.Count), (after.Title, after.Version, after.Status, after.History.Count));
    }

    [Fact]
    public async Task A_returned_entry_is_fixed_and_resubmitted_keeping_its_code()
    {
        var (entrant, id) = await DraftAsync();
        await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, id));
        var code = (await EntryAsync(site, id)).Code;
        const string reason = "Ảnh chưa thể hiện công trình đang áp dụng thực tế. Vui lòng bổ sung ảnh chụp tại hiện trường.";
        await ValidateAsync(site, id, EntryStatus.NeedsChanges, reason);

        // The dashboard puts the secretariat's reason up front, with what to do and the deadline.
        var dashboard = await entrant.Browser.GetPageAsync("/thi-sinh");
        var card = dashboard.QuerySelectorAll("article.entry-card").Single(c => c.TextContent.Contains(code!));
        Assert.Equal("Cần bổ sung", card.QuerySelector(".badge.status")!.TextContent);
        Assert.Contains(reason, card.QuerySelector(".change-request")!.TextContent);
        Assert.Contains("Vui lòng sửa theo yêu cầu rồi bấm “Nộp lại hồ sơ” trước hạn (hết ngày 31/07/2025).", card.TextContent);
        Assert.Contains("Tổ thư ký / Ban Tổ chức", card.QuerySelector("details.history")!.TextContent);

        var edit = await entrant.Browser.GetPageAsync(EditUrl(id));
        Assert.Contains(reason, edit.QuerySelector(".change-request")!.TextContent);
        Assert.NotNull(edit.QuerySelector("#entry-form"));

        await AddMediaAsync(site, id);
        var landed = await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, id, new() { ["Input.Summary"] = "Đã bổ sung ảnh tại hiện trường." }));

        Assert.Contains($"Đã nộp lại hồ sơ công trình", Text(landed));
        Assert.Contains($"(mã {code})", Text(landed));
        var entry = await EntryAsync(site, id);
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal(code, entry.Code);
        Assert.Equal("Đã bổ sung ảnh tại hiện trường.", entry.Summary);
        Assert.Equal(
            [(EntryStatus.Draft, EntryStatus.Submitted), (EntryStatus.Submitted, EntryStatus.NeedsChanges), (EntryStatus.NeedsChanges, EntryStatus.Submitted)],
            entry.History.Select(h => (h.From, h.To)));
        Assert.Equal("Nộp lại sau khi bổ sung", entry.History[2].Reason);
    }

    private static List<KeyValuePair<string, string>> Merge(IHtmlDocument page, List<KeyValuePair<string, string>> changes)
    {
        var values = FormValues(page);
        var keys = changes.Select(c => c.Key).Concat(["Input.Representative"]).ToHashSet();
        values.RemoveAll(v => keys.Contains(v.Key) || v.Key.StartsWith("Input.Authors[", StringComparison.Ordinal));
        values.AddRange(changes);
        return values;
    }
}
