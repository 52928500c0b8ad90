using System.Net;
using System.Text;
using ClosedXML.Excel;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging.Results;

public sealed class ResultsExportTests(TestSite site) : IClassFixture<TestSite>
{
    private static readonly string[] Panel = ["Nguyễn Thị Hoa", "Trần Văn Bình"];

    private async Task<RoundBuilder> RoundAsync() =>
        await new RoundBuilder(site, "Vòng sơ khảo").Judge(Panel).Judge("Lê Minh Châu")
            .Entry("A", title: "=HYPERLINK(\"http://x\",\"Bấm\")").Entry("B", title: "Máy gặt lúa, loại nhỏ \"mini\"").Entry("C")
            .Submitted("A", Panel[0], 15, 25, 20, comment: "Tốt")
            .Submitted("A", Panel[1], 16, 24.5m, 21)
            .SubmittedByAll("B", Panel, 15, 25, 25)   // 65 + vote 20 = 85
            .SubmittedByAll("C", Panel, 5, 5, 5)
            .Draft("C", "Lê Minh Châu", 20, 30, 30)
            .Votes("A", 2).Votes("B", 4)
            .SaveAsync();

    private static string Url(RoundBuilder round, string format, string part) =>
        $"/quan-tri/cham-diem/ket-qua/{round.Round.Id}/xuat?dinhDang={format}&phan={part}";

    /// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(ch);
        }
        return rows;
    }

    [Fact]
    public async Task Ranking_csv_is_utf8_with_bom_and_has_every_aggregation_vote_total_and_rank()
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var response = await browser.Client.GetAsync(Url(round, "csv", "xep-hang"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"ket-qua-vong-{round.Round.Id}.csv", response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        var header = rows[0];
        Assert.Equal(["Hạng", "Mã công trình", "Tên công trình", "Đơn vị dự thi"], header.Take(4));
        Assert.Contains("Điểm Hội đồng - Trung bình", header);
        Assert.Contains("Điểm Hội đồng - Chuẩn hóa (z-score)", header);
        Assert.Contains("Điểm bình chọn", header);
        Assert.Equal(4, rows.Count); // header + 3 entries
        var byCode = rows.Skip(1).ToDictionary(r => r[1]);
        Assert.Equal([round.Code("B"), round.Code("A"), round.Code("C")], rows.Skip(1).Select(r => r[1])); // 85, 70,75, 15
        string Value(string entry, string column) => byCode[round.Code(entry)][header.IndexOf(column)];
        Assert.Equal("1", Value("B", "Hạng"));
        Assert.Equal("Máy gặt lúa, loại nhỏ \"mini\"", Value("B", "Tên công trình"));
        Assert.Equal("60.75", Value("A", "Điểm Hội đồng - Trung bình"));   // (60 + 61,5) / 2
        Assert.Equal("10.0", Value("A", "Điểm bình chọn"));                 // 20 × 2 ÷ 4
        Assert.Equal("70.75", Value("A", "Tổng điểm (Trung bình + bình chọn)"));
        Assert.Equal("24.75", Value("A", "Trung bình HQ"));
        Assert.Equal("Chưa đủ phiếu", Value("C", "Đủ phiếu"));
        // Entrant text that looks like a formula is defused for spreadsheets.
        Assert.StartsWith("'=HYPERLINK", Value("A", "Tên công trình"));
    }

    [Fact]
    public async Task Scores_csv_has_one_row_per_score_of_every_submitted_sheet()
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var response = await browser.Client.GetAsync(Url(round, "csv", "diem"));

        Assert.Equal($"diem-vong-{round.Round.Id}.csv", response.Content.Headers.ContentDisposition!.FileName);
        var rows = ParseCsv(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal(["Vòng", "Mã công trình", "Tên công trình", "Giám khảo", "Tiêu chí", "Điểm", "Nhận xét tiêu chí", "Nhận xét chung", "Nộp lúc"], rows[0]);
        Assert.Equal(1 + 6 * 3, rows.Count); // six submitted sheets × three criteria; the draft is not there
        Assert.DoesNotContain(rows, r => r.Contains("Lê Minh Châu"));
        var hq = rows.Single(r => r[1] == round.Code("A") && r[3] == Panel[1] && r[4] == "HQ");
        Assert.Equal("Vòng sơ khảo", hq[0]);
        Assert.Equal("24.5", hq[5]);
        Assert.Matches(@"^\d\d/\d\d/2025 \d\d:\d\d$", hq[8]);
        var commented = rows.Single(r => r[1] == round.Code("A") && r[3] == Panel[0] && r[4] == "DMST");
        Assert.Equal(("Tốt (DMST)", "Tốt"), (commented[6], commented[7]));
    }

    [Fact]
    public async Task Ranking_xlsx_opens_with_a_vietnamese_header_row_numbers_and_formats()
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var response = await browser.Client.GetAsync(Url(round, "xlsx", "xep-hang"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"ket-qua-vong-{round.Round.Id}.xlsx", response.Content.Headers.ContentDisposition!.FileName);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("Xếp hạng");
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal("Hạng", headers[0]);
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());
        var mean = headers.IndexOf("Điểm Hội đồng - Trung bình") + 1;
        var total = headers.IndexOf("Tổng điểm (Trung bình + bình chọn)") + 1;
        Assert.Equal(round.Code("B"), sheet.Cell(2, 2).GetString());
        Assert.Equal(1, sheet.Cell(2, 1).GetValue<int>());
        Assert.Equal(XLDataType.Number, sheet.Cell(3, mean).DataType);
        Assert.Equal(60.75m, sheet.Cell(3, mean).GetValue<decimal>());
        Assert.Equal(70.75m, sheet.Cell(3, total).GetValue<decimal>());
        Assert.Equal("0.00", sheet.Cell(3, mean).Style.NumberFormat.Format);
        // Text stays text: the formula-looking title is a plain string.
        Assert.Equal(XLDataType.Text, sheet.Cell(3, 3).DataType);
        Assert.False(sheet.Cell(3, 3).HasFormula);
    }

    [Fact]
    public async Task Scores_xlsx_lists_every_score_with_dates()
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        var response = await browser.Client.GetAsync(Url(round, "xlsx", "diem"));

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("Điểm");
        Assert.Equal(19, sheet.LastRowUsed().RowNumber());
        Assert.Equal("Nộp lúc", sheet.Cell(1, 9).GetString());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 9).DataType);
        Assert.Equal("dd/mm/yyyy hh:mm", sheet.Cell(2, 9).Style.NumberFormat.Format);
    }

    [Theory]
    [InlineData("pdf", "xep-hang", HttpStatusCode.BadRequest)]
    [InlineData("csv", "tat-ca", HttpStatusCode.BadRequest)]
    public async Task Unknown_formats_and_parts_are_refused(string format, string part, HttpStatusCode expected)
    {
        var round = await RoundAsync();
        var browser = await site.SignedInAsync(Roles.Organizer);

        Assert.Equal(expected, (await browser.Client.GetAsync(Url(round, format, part))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/quan-tri/cham-diem/ket-qua/987654/xuat?dinhDang=csv&phan=diem")).StatusCode);
    }
}
