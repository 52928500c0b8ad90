using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ContestPlatform.Web.Votes;

/// <summary>
/// Writes a plain .xlsx workbook (Office Open XML SpreadsheetML): text, whole numbers, one-decimal numbers
/// and date-times, a bold frozen header row with a filter, and column widths. Strings are written inline,
/// so a cell can never become a formula. Enough for exports; nothing more.
/// </summary>
public sealed class XlsxWriter
{
    public enum Kind
    {
        Text,
        Integer,
        OneDecimal,
        DateTime,
    }

    /// <summary>A cell value: string, long/int, decimal or DateTime (already in the time zone to show), or null.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<(string Header, Kind Kind, double Width)> Columns, IReadOnlyList<object?[]> Rows);

    private readonly List<Sheet> _sheets = [];

    public XlsxWriter Add(string name, IReadOnlyList<(string Header, Kind Kind, double Width)> columns, IEnumerable<object?[]> rows)
    {
        _sheets.Add(new Sheet(name, columns, rows.ToList()));
        return this;
    }

    public byte[] ToArray()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes());
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", Workbook());
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships());
            Part(zip, "xl/styles.xml", Styles);
            for (var i = 0; i < _sheets.Count; i++)
            {
                var entry = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Optimal);
                using var stream = entry.Open();
                WriteSheet(stream, _sheets[i]);
            }
        }
        return buffer.ToArray();
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(new UTF8Encoding(false).GetBytes(content));
    }

    private string ContentTypes()
    {
        var sheets = string.Concat(_sheets.Select((_, i) =>
            $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""));
        return $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{sheets}</Types>
            """;
    }

    private string Workbook()
    {
        var sheets = string.Concat(_sheets.Select((s, i) =>
            $"""<sheet name="{Escape(SheetName(s.Name))}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""));
        var filters = string.Concat(_sheets.Select((s, i) =>
            $"""<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'{Escape(SheetName(s.Name))}'!$A$1:${ColumnName(s.Columns.Count - 1)}${s.Rows.Count + 1}</definedName>"""));
        return $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets><definedNames>{filters}</definedNames></workbook>
            """;
    }

    private string WorkbookRelationships()
    {
        var sheets = string.Concat(_sheets.Select((_, i) =>
            $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
        return $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheets}<Relationship Id="rId{_sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """;
    }

    // Style indexes: 0 text, 1 bold header, 2 whole number with thousands, 3 one decimal, 4 date and time.
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
        """;

    private static void WriteSheet(Stream stream, Sheet sheet)
    {
        const string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", ns);
        xml.WriteStartElement("sheetViews", ns);
        xml.WriteStartElement("sheetView", ns);
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", ns);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cols", ns);
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            xml.WriteStartElement("col", ns);
            xml.WriteAttributeString("min", (c + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("max", (c + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("width", sheet.Columns[c].Width.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("sheetData", ns);
        var row = 1;
        WriteRow(xml, ns, row, sheet.Columns.Select(c => (object?)c.Header).ToArray(), null);
        foreach (var values in sheet.Rows)
            WriteRow(xml, ns, ++row, values, sheet.Columns);
        xml.WriteEndElement();

        xml.WriteStartElement("autoFilter", ns);
        xml.WriteAttributeString("ref", $"A1:{ColumnName(sheet.Columns.Count - 1)}{row}");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, string ns, int row, object?[] values, IReadOnlyList<(string Header, Kind Kind, double Width)>? columns)
    {
        xml.WriteStartElement("row", ns);
        xml.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
        for (var c = 0; c < values.Length; c++)
        {
            var value = values[c];
            if (value is null)
                continue;
            xml.WriteStartElement("c", ns);
            xml.WriteAttributeString("r", ColumnName(c) + row.ToString(CultureInfo.InvariantCulture));
            switch (value)
            {
                case string text:
                    if (columns is null)
                        xml.WriteAttributeString("s", "1");
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", ns);
                    xml.WriteStartElement("t", ns);
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(Clean(text));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
                case DateTime instant:
                    xml.WriteAttributeString("s", "4");
                    xml.WriteElementString("v", ns, instant.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    break;
                case decimal number:
                    xml.WriteAttributeString("s", columns?[c].Kind == Kind.Integer ? "2" : "3");
                    xml.WriteElementString("v", ns, number.ToString("0.############################", CultureInfo.InvariantCulture));
                    break;
                case long or int:
                    xml.WriteAttributeString("s", "2");
                    xml.WriteElementString("v", ns, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"Unsupported cell value {value.GetType().Name}.");
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>A, B, … Z, AA, AB…</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Characters XML 1.0 cannot carry (control characters pasted from elsewhere) are dropped.</summary>
    private static string Clean(string text) =>
        text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r'))
            ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray())
            : text;

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
