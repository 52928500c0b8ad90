using System.Globalization;
using System.Text;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Votes;

/// <summary>One vote as exported, voided ones included.</summary>
public sealed record ExportedVote(
    long Id, string EntryCode, DateTime CastAt, string Email, string ClientAddress, string Network, string BrowserId,
    DateTime AccountCreatedAt, DateTime? VoidedAt, string? VoidedBy, string? VoidReason);

/// <summary>
/// The organizers' export: per-entry counts and vote scores, then every vote with its status. CSV (UTF-8
/// with a byte order mark, so Excel reads the Vietnamese) or Excel .xlsx. Times are Vietnam time.
/// </summary>
public sealed class VoteExport(AppDbContext db, VoteService votes)
{
    public sealed record Data(IReadOnlyList<VoteTally> Entries, IReadOnlyList<ExportedVote> Votes);

    public static readonly string[] EntryHeaders = ["Mã công trình", "Tên công trình", "Lượt hợp lệ", "Lượt đã hủy", "Điểm bình chọn"];

    public static readonly string[] VoteHeaders =
    [
        "Mã lượt", "Mã công trình", "Thời điểm bình chọn (giờ Việt Nam)", "Email tài khoản", "Địa chỉ IP", "Mạng",
        "Mã trình duyệt", "Tài khoản tạo lúc (giờ Việt Nam)", "Trạng thái", "Hủy lúc (giờ Việt Nam)", "Người hủy", "Lý do hủy",
    ];

    public const string Valid = "Hợp lệ";
    public const string Voided = "Đã hủy";

    public async Task<Data> LoadAsync(CancellationToken cancellationToken = default)
    {
        var tally = await votes.TallyAsync(cancellationToken);
        var rows = await (
                from vote in db.Votes.AsNoTracking()
                join entry in db.Entries on vote.EntryId equals entry.Id
                join user in db.Users on vote.UserId equals user.Id into users
                from user in users.DefaultIfEmpty()
                orderby vote.CastAt, vote.Id
                select new ExportedVote(vote.Id, entry.Code ?? "", vote.CastAt, user == null ? "" : user.Email ?? "",
                    vote.ClientAddress, vote.Network, vote.BrowserId, vote.AccountCreatedAt, vote.VoidedAt, vote.VoidedBy, vote.VoidReason))
            .ToListAsync(cancellationToken);
        return new Data(tally, rows);
    }

    /// <summary>
    /// Two tables one after the other, separated by an empty line: entries, then votes. Commas between
    /// fields and a dot in decimals, as programs reading CSV expect; the .xlsx is the one for Excel users.
    /// </summary>
    public static byte[] Csv(Data data)
    {
        var csv = new StringBuilder();
        Line(csv, EntryHeaders);
        foreach (var entry in data.Entries)
            Line(csv, entry.Code, entry.Title, Whole(entry.Valid), Whole(entry.Voided), entry.Score.ToString("0.0", CultureInfo.InvariantCulture));
        csv.Append("\r\n");
        Line(csv, VoteHeaders);
        foreach (var vote in data.Votes)
            Line(csv, Whole(vote.Id), vote.EntryCode, Time(vote.CastAt), vote.Email, vote.ClientAddress, vote.Network, vote.BrowserId,
                Time(vote.AccountCreatedAt), vote.VoidedAt is null ? Valid : Voided, vote.VoidedAt is { } at ? Time(at) : "",
                vote.VoidedBy ?? "", vote.VoidReason ?? "");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(Data data)
    {
        const XlsxWriter.Kind text = XlsxWriter.Kind.Text, whole = XlsxWriter.Kind.Integer, time = XlsxWriter.Kind.DateTime;
        return new XlsxWriter()
            .Add("Tổng hợp theo công trình",
                [(EntryHeaders[0], text, 18), (EntryHeaders[1], text, 60), (EntryHeaders[2], whole, 13), (EntryHeaders[3], whole, 13), (EntryHeaders[4], XlsxWriter.Kind.OneDecimal, 15)],
                data.Entries.Select(e => new object?[] { e.Code, e.Title, e.Valid, e.Voided, e.Score }))
            .Add("Các lượt bình chọn",
                [(VoteHeaders[0], whole, 10), (VoteHeaders[1], text, 18), (VoteHeaders[2], time, 20), (VoteHeaders[3], text, 32),
                 (VoteHeaders[4], text, 16), (VoteHeaders[5], text, 18), (VoteHeaders[6], text, 34), (VoteHeaders[7], time, 20),
                 (VoteHeaders[8], text, 10), (VoteHeaders[9], time, 20), (VoteHeaders[10], text, 26), (VoteHeaders[11], text, 40)],
                data.Votes.Select(v => new object?[]
                {
                    v.Id, v.EntryCode, VietnameseFormat.ToVietnam(v.CastAt), v.Email, v.ClientAddress, v.Network, v.BrowserId,
                    VietnameseFormat.ToVietnam(v.AccountCreatedAt), v.VoidedAt is null ? Valid : Voided,
                    v.VoidedAt is { } at ? VietnameseFormat.ToVietnam(at) : null, v.VoidedBy, v.VoidReason,
                }))
            .ToArray();
    }

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTime utc) => VietnameseFormat.ToVietnam(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                csv.Append(',');
            csv.Append(Field(fields[i]));
        }
        csv.Append("\r\n");
    }

    /// <summary>
    /// RFC 4180 quoting, and text that a spreadsheet would take for a formula (=, +, -, @ first) is
    /// prefixed with an apostrophe: titles, emails and reasons are typed by people.
    /// </summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
