using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Council.Results;

/// <summary>
/// The ranking and every score of a round as .xlsx (ClosedXML) or CSV. Both formats come from one table
/// description, so their headers and rows never drift apart. Times are Vietnam time.
/// </summary>
public static class ResultsExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public enum Kind
    {
        Text,
        Integer,

        /// <summary>Council scores and points: 2 decimals.</summary>
        Score,

        /// <summary>The vote score: 1 decimal.</summary>
        OneDecimal,
        DateTime,
    }

    public sealed record Column(string Header, Kind Kind, double Width);

    /// <summary>Cells are string, int, long, decimal or DateTime (UTC; written in Vietnam time), or null.</summary>
    public sealed record Table(string SheetName, IReadOnlyList<Column> Columns, IReadOnlyList<object?[]> Rows);

    /// <summary>The ranking with every aggregation, the vote, the total and the tie-break note.</summary>
    public static Table Ranking(RoundResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var criteria = results.Rubric.JudgedCriteria;
        List<Column> columns =
        [
            new("Hạng", Kind.Integer, 7),
            new("Mã công trình", Kind.Text, 16),
            new("Tên công trình", Kind.Text, 50),
            new("Đơn vị dự thi", Kind.Text, 32),
            new("Phiếu đã nộp", Kind.Integer, 10),
            new("Giám khảo được phân công", Kind.Integer, 12),
            .. AggregationLabels.All.Select(m => new Column($"Điểm Hội đồng - {AggregationLabels.Name(m)}", Kind.Score, 14)),
            .. criteria.Select(c => new Column($"Trung bình {c.Code}", Kind.Score, 11)),
            new("Lượt bình chọn", Kind.Integer, 11),
            new("Điểm bình chọn", Kind.OneDecimal, 11),
            new($"Tổng điểm ({AggregationLabels.Name(results.RankedBy)} + bình chọn)", Kind.Score, 14),
            new("Ghi chú xếp hạng", Kind.Text, 40),
            new("Đủ phiếu", Kind.Text, 14),
        ];
        var rows = results.Ranking.Select(row =>
        {
            var means = row.Criteria(AggregationMethod.Mean);
            return (object?[])
            [
                row.Rank, row.Entry.Code, row.Entry.Title, row.Entry.EntrantName, row.Progress.Submitted, row.Progress.Assigned,
                .. AggregationLabels.All.Select(m => (object?)row.Council(m)),
                .. criteria.Select(c => (object?)(means.TryGetValue(c.Code, out var v) ? v : null)),
                row.Votes, row.VoteScore, row.Total, row.TieBreak ?? "", row.Incomplete ? "Chưa đủ phiếu" : "Đủ",
            ];
        }).ToList();
        return new Table("Xếp hạng", columns, rows);
    }

    /// <summary>One row per score of every sheet that counts.</summary>
    public static Table Scores(IReadOnlyList<ScoreRecord> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Column[] columns =
        [
            new("Vòng", Kind.Text, 16),
            new("Mã công trình", Kind.Text, 16),
            new("Tên công trình", Kind.Text, 45),
            new("Giám khảo", Kind.Text, 26),
            new("Tiêu chí", Kind.Text, 9),
            new("Điểm", Kind.Score, 8),
            new("Nhận xét tiêu chí", Kind.Text, 40),
            new("Nhận xét chung", Kind.Text, 40),
            new("Nộp lúc", Kind.DateTime, 17),
        ];
        var rows = scores.Select(s => (object?[])
            [s.Round, s.EntryCode, s.EntryTitle, s.Judge, s.CriterionCode, s.Points, s.Comment, s.SheetComment, s.SubmittedAt]).ToList();
        return new Table("Điểm", columns, rows);
    }

    /// <summary>
    /// RFC 4180 CSV in UTF-8 with a byte order mark (so Excel reads the diacritics), CRLF line ends, numbers with
    /// a decimal point (a comma would collide with the separator), times as dd/MM/yyyy HH:mm.
    /// </summary>
    public static byte[] Csv(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        AppendLine(text, table.Columns.Select(c => c.Header));
        foreach (var row in table.Rows)
            AppendLine(text, row.Select((cell, i) => CsvCell(cell, table.Columns[i].Kind)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One worksheet: a bold, frozen, filterable header row, number formats per column, Vietnamese headers.</summary>
    public static byte[] Xlsx(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(table.SheetName);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var header = sheet.Cell(1, c + 1);
            header.SetValue(column.Header);
            header.DataType = XLDataType.Text;
            sheet.Column(c + 1).Width = column.Width;
            if (Format(column.Kind) is { } format)
                sheet.Column(c + 1).Style.NumberFormat.Format = format;
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case string text:
                        // SetValue keeps text literal (no formula), and the explicit type stops "0042" becoming 42.
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        break;
                    case DateTime utc:
                        cell.SetValue(VietnameseFormat.ToVietnam(utc));
                        break;
                    case decimal number:
                        cell.SetValue(number);
                        break;
                    case int number:
                        cell.SetValue(number);
                        break;
                    case long number:
                        cell.SetValue(number);
                        break;
                    default:
                        cell.SetValue(Convert.ToString(row[c], CultureInfo.InvariantCulture) ?? "");
                        cell.DataType = XLDataType.Text;
                        break;
                }
            }
        }
        var headerRow = sheet.Row(1);
        headerRow.Style.Font.Bold = true;
        headerRow.Style.Alignment.WrapText = true;
        headerRow.Style.Fill.BackgroundColor = XLColor.FromHtml("#E9EFF6");
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, table.Rows.Count + 1), table.Columns.Count).SetAutoFilter();

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static string? Format(Kind kind) => kind switch
    {
        Kind.Integer => "#,##0",
        Kind.Score => "0.00",
        Kind.OneDecimal => "0.0",
        Kind.DateTime => "dd/mm/yyyy hh:mm",
        _ => null,
    };

    private static string CsvCell(object? value, Kind kind) => value switch
    {
        null => "",
        DateTime utc => VietnameseFormat.ToVietnam(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        decimal number => number.ToString(kind == Kind.OneDecimal ? "0.0" : "0.##", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        string text => Defused(text),
        _ => Defused(value.ToString() ?? ""),
    };

    /// <summary>
    /// Text typed by entrants (a title starting with "=" or "+") must not run as a formula when the file is
    /// opened in a spreadsheet: such cells get a leading apostrophe, as OWASP advises for CSV.
    /// </summary>
    private static string Defused(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void AppendLine(StringBuilder text, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
                text.Append(',');
            first = false;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                text.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
            else
                text.Append(cell);
        }
        text.Append("\r\n");
    }
}
