using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Votes;

/// <summary>
/// /quan-tri/binh-chon/xuat?dinhDang=csv|xlsx (xlsx when omitted): per-entry counts and scores and every vote. The file holds
/// emails and IP addresses, so each download is written to the audit log.
/// </summary>
public sealed class ExportModel(VoteExport export, AuditLog audit, AppDbContext db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "dinhDang")] string? format, CancellationToken cancellationToken)
    {
        format = string.IsNullOrWhiteSpace(format) ? "xlsx" : format.Trim().ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = "text/plain; charset=utf-8",
                Content = "Định dạng tệp không hợp lệ. Hãy chọn dinhDang=csv hoặc dinhDang=xlsx.",
            };

        var data = await export.LoadAsync(cancellationToken);
        await audit.SaveWithAuditAsync(db, VoteAdmin.Actor(User),
            new AuditRecord("vote.export", "votes", new { format, entries = data.Entries.Count, votes = data.Votes.Count }), cancellationToken);

        var name = $"binh-chon-{VietnameseFormat.ToVietnam(time.GetUtcNow().UtcDateTime):yyyy-MM-dd-HHmm}.{format}";
        return format == "csv"
            ? File(VoteExport.Csv(data), "text/csv; charset=utf-8", name)
            : File(VoteExport.Xlsx(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
