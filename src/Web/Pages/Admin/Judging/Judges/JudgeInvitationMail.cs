using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Mail;
using ContestPlatform.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Judging.Judges;

/// <summary>
/// The invitation into the Hội đồng chuyên môn. A new account gets two links, built like the account pages'
/// (<c>Site:PublicUrl</c> when configured, so a forged Host header cannot plant a foreign address): first confirm
/// the email, then set a password (a password-reset token, as the reset page expects). The order matters: setting
/// the password renews the account's security stamp, which ends the confirmation link. An existing account is told
/// it now has the judge role.
/// </summary>
internal sealed class JudgeInvitationMail(PageModel page, UserManager<AppUser> users, IMailSender mail, IConfiguration configuration)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task SendAsync(AppUser user, bool newAccount, CancellationToken cancellationToken)
    {
        var body = new StringBuilder()
            .Append("<p>Xin chào ").Append(Html.Encode(string.IsNullOrWhiteSpace(user.FullName) ? "" : user.FullName)).Append(",</p>")
            .Append("<p>Ban Tổ chức Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu” trân trọng mời Ông/Bà tham gia ")
            .Append("Hội đồng chuyên môn chấm điểm các công trình dự thi.</p>");
        if (newAccount)
        {
            var confirm = Link("/Account/ConfirmEmail", new { userId = user.Id, code = AccountEmails.Encode(await users.GenerateEmailConfirmationTokenAsync(user)) });
            var setPassword = Link("/Account/ResetPassword", new { userId = user.Id, code = AccountEmails.Encode(await users.GeneratePasswordResetTokenAsync(user)) });
            body.Append("<p>Một tài khoản đã được tạo cho Ông/Bà với địa chỉ email này. Vui lòng thực hiện lần lượt hai bước:</p>")
                .Append("<ol>")
                .Append("<li><a href=\"").Append(Html.Encode(confirm)).Append("\">Xác nhận địa chỉ email</a></li>")
                .Append("<li><a href=\"").Append(Html.Encode(setPassword)).Append("\">Đặt mật khẩu đăng nhập</a></li>")
                .Append("</ol>")
                .Append("<p>Nếu không bấm được, hãy sao chép lần lượt hai địa chỉ sau vào trình duyệt:<br>")
                .Append(Html.Encode(confirm)).Append("<br>").Append(Html.Encode(setPassword)).Append("</p>")
                .Append("<p>Các liên kết có hiệu lực trong 24 giờ. Nếu hết hạn, hãy dùng chức năng “Quên mật khẩu” trên trang đăng nhập ")
                .Append("hoặc liên hệ Tổ thư ký để được gửi lại thư mời.</p>");
        }
        else
        {
            body.Append("<p>Tài khoản của Ông/Bà đã được cấp quyền Giám khảo. Vui lòng đăng nhập lại để thấy mục chấm điểm.</p>");
        }
        var workspace = Link("/Judge/Index", null);
        body.Append("<p>Sau khi đăng nhập, các công trình được phân công nằm tại trang <a href=\"").Append(Html.Encode(workspace))
            .Append("\">Chấm điểm</a>. Nội dung công trình đã được ẩn danh; Ông/Bà vui lòng khai báo ngay nếu có xung đột lợi ích với công trình nào.</p>")
            .Append("<p>Trân trọng,<br>Ban Tổ chức Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu”</p>")
            .Append("<p><small>Đây là thư tự động, vui lòng không trả lời thư này.</small></p>");
        await mail.SendAsync(user.Email!, "Thư mời tham gia Hội đồng chuyên môn chấm điểm", body.ToString(), cancellationToken);
    }

    private string Link(string pageName, object? values)
    {
        var path = page.Url.Page(pageName, values) ?? throw new InvalidOperationException($"No route for {pageName}");
        return PublicOrigin.Of(configuration, page.Request) + path;
    }
}
