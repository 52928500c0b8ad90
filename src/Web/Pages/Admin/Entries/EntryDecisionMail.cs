using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Entries;

/// <summary>
/// Tells the entrant what the secretariat decided, with the reason, what to do next, the deadline and a
/// link to the entry. Links start from <c>Site:PublicUrl</c> when configured (as the account mails do).
/// </summary>
internal sealed class EntryDecisionMail(AppDbContext db, IMailSender mail, IConfiguration configuration, ILogger logger)
{
    // Vietnamese letters stay as they are; markup is still escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Sends the mail; false when it could not be sent (the decision stands either way).</summary>
    public async Task<bool> TrySendAsync(Entry entry, string reason, HttpRequest request, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == entry.OwnerId)
            .Select(u => new { u.Email, u.FullName }).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(owner?.Email))
        {
            logger.LogWarning("Entry {EntryId} has no owner email; decision mail not sent", entry.Id);
            return false;
        }
        var contest = await db.CurrentContestAsync(cancellationToken);
        var deadline = contest.Phases.FirstOrDefault(p => p.Kind == PhaseKind.Submission)?.EndsAt;
        var (subject, body) = Compose(entry, reason, deadline, owner.FullName, Origin(request));
        try
        {
            await mail.SendAsync(owner.Email, subject, body, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Decision mail for entry {EntryId} to the entrant failed", entry.Id);
            return false;
        }
    }

    public static (string Subject, string Body) Compose(Entry entry, string reason, DateTime? deadline, string name, string origin)
    {
        var link = $"{origin}/thi-sinh/cong-trinh/{entry.Id}";
        var label = EntryStatusLabels.Of(entry.Status);
        var code = entry.Code ?? $"#{entry.Id}";
        var subject = entry.Status switch
        {
            EntryStatus.Accepted => $"Hồ sơ công trình {code} đã được xác nhận hợp lệ",
            EntryStatus.NeedsChanges => $"Hồ sơ công trình {code} cần bổ sung",
            _ => $"Hồ sơ công trình {code} không hợp lệ",
        };

        var body = new StringBuilder()
            .Append(string.IsNullOrWhiteSpace(name) ? "<p>Xin chào,</p>" : $"<p>Xin chào {Html.Encode(name)},</p>")
            .Append("<p>Tổ thư ký Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu” đã xét hồ sơ công trình “")
            .Append(Html.Encode(entry.Title)).Append("” (mã ").Append(Html.Encode(code)).Append("). Kết quả: <strong>")
            .Append(Html.Encode(label)).Append("</strong>.</p>");
        if (reason.Length > 0)
            body.Append("<p><strong>")
                .Append(entry.Status == EntryStatus.NeedsChanges ? "Nội dung cần bổ sung" : entry.Status == EntryStatus.Rejected ? "Lý do" : "Ghi chú của Tổ thư ký")
                .Append(":</strong><br>").Append(string.Join("<br>", reason.Split('\n').Select(Html.Encode))).Append("</p>");

        var deadlineText = deadline is { } end ? VietnameseFormat.Deadline(end) : null;
        body.Append(entry.Status switch
        {
            EntryStatus.NeedsChanges => "<p>Vui lòng đăng nhập, sửa hoặc bổ sung hồ sơ theo yêu cầu trên rồi bấm “Nộp hồ sơ” lại" +
                                        (deadlineText is null ? "" : $" trước thời hạn nhận hồ sơ ({Html.Encode(deadlineText)})") +
                                        ". Sau thời hạn này hồ sơ không thể sửa hoặc nộp lại.</p>",
            EntryStatus.Accepted => "<p>Công trình sẽ được giới thiệu trên trang Công trình dự thi của Cuộc thi và bước vào vòng bình chọn, chấm điểm theo Thể lệ.</p>",
            _ => "<p>Nếu cần trao đổi thêm, vui lòng liên hệ Tổ thư ký Cuộc thi (Sở Khoa học và Công nghệ tỉnh Thái Nguyên).</p>",
        });
        if (entry.Status != EntryStatus.NeedsChanges && deadlineText is not null)
            body.Append("<p>Thời hạn nhận hồ sơ của Cuộc thi: ").Append(Html.Encode(deadlineText)).Append(".</p>");
        body.Append("<p><a href=\"").Append(Html.Encode(link)).Append("\">Xem hồ sơ công trình</a></p>")
            .Append("<p>Nếu không bấm được, hãy sao chép địa chỉ sau vào trình duyệt:<br>").Append(Html.Encode(link)).Append("</p>")
            .Append("<p>Trân trọng,<br>Tổ thư ký Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu”</p>")
            .Append("<p><small>Đây là thư tự động, vui lòng không trả lời thư này.</small></p>");
        return (subject, body.ToString());
    }

    private string Origin(HttpRequest request) => PublicOrigin.Of(configuration, request);
}
