using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Votes;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin.Votes;

/// <summary>A site with 3 valid votes and 1 voided for one entry and 1 vote for another.</summary>
public sealed class ExportSite : TestSite
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (Entry First, Entry Second, IReadOnlyList<Vote> Votes)? _seed;

    public async Task<(Entry First, Entry Second, IReadOnlyList<Vote> Votes)> SeedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_seed is null)
            {
                EnterWindow(this);
                var first = await EntryAsync(this, title: "Bếp đun tiết kiệm củi, giảm khói \"sạch\"");
                var second = await EntryAsync(this, title: "=HYPERLINK(\"http://x\") không phải công thức");
                var votes = (await InsertVotesAsync(this, first.Id, 4, network: "113.22.5.0/24")).Concat(await InsertVotesAsync(this, second.Id, 1)).ToList();
                await this.ServiceAsync<VoteService, int>(v => v.VoidAsync([votes[0].Id], "Trùng người, hai tài khoản", new Actor("u", "thuky@sokhcn.vn")));
                _seed = (first, second, votes);
            }
            return _seed.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed class VoteExportTests(ExportSite site) : IClassFixture<ExportSite>
{
    [Fact]
    public async Task The_csv_is_utf8_with_a_bom_and_holds_the_counts_scores_and_every_vote()
    {
        var (first, second, votes) = await site.SeedAsync();
        var (organizer, _) = await AdminSteps.SignedInAsync(site);

        var response = await organizer.Client.GetAsync("/quan-tri/binh-chon/xuat?dinhDang=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var sections = text.Split("\r\n\r\n");
        var entries = Csv.Parse(sections[0]);
        var rows = Csv.Parse(sections[1]);

        Assert.Equal(VoteExport.EntryHeaders, entries[0]);
        Assert.Equal([first.Code!, first.Title, "3", "1", "20.0"], entries.Single(r => r[0] == first.Code));
        // A title that looks like a formula is kept as text.
        Assert.Equal([second.Code!, "'" + second.Title, "1", "0", "6.7"], entries.Single(r => r[0] == second.Code));

        Assert.Equal(VoteExport.VoteHeaders, rows[0]);
        Assert.Equal(votes.Count, rows.Count - 1);
        var voided = rows.Single(r => r[0] == votes[0].Id.ToString());
        Assert.Equal(first.Code, voided[1]);
        Assert.Equal("Đã hủy", voided[8]);
        Assert.Equal("thuky@sokhcn.vn", voided[10]);
        Assert.Equal("Trùng người, hai tài khoản", voided[11]);
        var valid = rows.Single(r => r[0] == votes[1].Id.ToString());
        Assert.Equal("Hợp lệ", valid[8]);
        Assert.Equal("113.22.5.0/24", valid[5]);
        Assert.Matches(@"^nguoi-[0-9a-f]{32}@example\.vn$", valid[3]);
        Assert.Equal("02/08/2025 09:00:10", valid[2]);
    }

    [Fact]
    public async Task The_xlsx_opens_as_a_workbook_with_the_counts_scores_and_every_vote()
    {
        var (first, second, votes) = await site.SeedAsync();
        var (organizer, _) = await AdminSteps.SignedInAsync(site);

        var response = await organizer.Client.GetAsync("/quan-tri/binh-chon/xuat?dinhDang=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var workbook = Xlsx.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Tổng hợp theo công trình", "Các lượt bình chọn"], workbook.Keys);

        var entries = workbook["Tổng hợp theo công trình"];
        Assert.Equal(VoteExport.EntryHeaders, entries[0]);
        Assert.Equal([first.Code!, first.Title, "3", "1", "20"], entries.Single(r => r[0] == first.Code));
        Assert.Equal([second.Code!, second.Title, "1", "0", "6.7"], entries.Single(r => r[0] == second.Code));

        var rows = workbook["Các lượt bình chọn"];
        Assert.Equal(VoteExport.VoteHeaders, rows[0]);
        Assert.Equal(votes.Count, rows.Count - 1);
        var voided = rows.Single(r => r[0] == votes[0].Id.ToString());
        Assert.Equal("Đã hủy", voided[8]);
        Assert.Equal(["thuky@sokhcn.vn", "Trùng người, hai tài khoản"], voided[10..]);
        // Times are real date-time cells (Excel serial numbers) in Vietnam time: 02/08/2025 09:00:10.
        var castAt = DateTime.FromOADate(double.Parse(rows.Single(r => r[0] == votes[1].Id.ToString())[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2025, 8, 2, 9, 0, 10), castAt);
    }

    [Fact]
    public async Task Each_download_is_audited_and_an_unknown_format_is_400()
    {
        await site.SeedAsync();
        var (organizer, email) = await AdminSteps.SignedInAsync(site);

        var bad = await organizer.Client.GetAsync("/quan-tri/binh-chon/xuat?dinhDang=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("dinhDang=csv", await bad.Content.ReadAsStringAsync());

        await organizer.Client.GetAsync("/quan-tri/binh-chon/xuat?dinhDang=csv");
        Assert.True(await site.QueryAsync(db => Task.FromResult(db.AuditLog.Any(a => a.Action == "vote.export" && a.ActorName == email))));
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString()); field.Clear();
                    rows.Add([.. row]); row.Clear(); i++;
                }
                else field.Append(c);
            }
            if (field.Length > 0 || row.Count > 0)
            {
                row.Add(field.ToString());
                rows.Add([.. row]);
            }
            return rows;
        }
    }

    /// <summary>Reads the sheets of an .xlsx (SpreadsheetML in a zip) as rows of cell texts, in sheet order.</summary>
    private static class Xlsx
    {
        private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

        public static Dictionary<string, List<string[]>> Read(byte[] bytes)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            XDocument Load(string name) => XDocument.Load(zip.GetEntry(name)!.Open());
            var targets = Load("xl/_rels/workbook.xml.rels").Root!.Elements()
                .ToDictionary(r => (string)r.Attribute("Id")!, r => "xl/" + (string)r.Attribute("Target")!);
            Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
            var sheets = new Dictionary<string, List<string[]>>();
            foreach (var sheet in Load("xl/workbook.xml").Root!.Element(Main + "sheets")!.Elements(Main + "sheet"))
            {
                var rows = Load(targets[(string)sheet.Attribute(Relationships + "id")!]).Descendants(Main + "row").Select(row =>
                {
                    var cells = row.Elements(Main + "c").ToList();
                    var width = cells.Count == 0 ? 0 : cells.Max(c => Column((string)c.Attribute("r")!)) + 1;
                    var values = new string[width];
                    Array.Fill(values, "");
                    foreach (var cell in cells)
                        values[Column((string)cell.Attribute("r")!)] = (string?)cell.Attribute("t") == "inlineStr"
                            ? string.Concat(cell.Descendants(Main + "t").Select(t => t.Value))
                            : (string?)cell.Element(Main + "v") ?? "";
                    return values;
                }).ToList();
                sheets[(string)sheet.Attribute("name")!] = rows;
            }
            return sheets;
        }

        private static int Column(string reference) =>
            reference.TakeWhile(char.IsAsciiLetterUpper).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;
    }
}
