using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ContestPlatform.Web.Pages.Account;

/// <summary>
/// The mails the account pages send, in Vietnamese, with absolute links back to the site.
/// Links start from <c>Site:PublicUrl</c> when it is configured, so a forged Host header cannot
/// plant a foreign address in a reset mail; otherwise from the request itself.
/// </summary>
internal sealed class AccountEmails(PageModel page, UserManager<AppUser> users, IMailSender mail, IConfiguration configuration)
{
    // Vietnamese letters stay as they are (HtmlEncoder.Default would turn each into an entity); markup is still escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task SendConfirmationAsync(AppUser user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Link("/Account/ConfirmEmail", new { userId = user.Id, code = Encode(token) });
        await mail.SendAsync(user.Email!, "Xác nhận địa chỉ email đăng ký tài khoản", Letter(user.FullName,
            "Cảm ơn bạn đã đăng ký tài khoản tham gia Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu”.",
            "Vui lòng bấm vào liên kết dưới đây để xác nhận địa chỉ email và kích hoạt tài khoản:",
            link, "Xác nhận email",
            "Liên kết có hiệu lực trong 24 giờ. Nếu bạn không đăng ký tài khoản, hãy bỏ qua thư này."), cancellationToken);
    }

    /// <summary>Someone tried to register an address that already has an account: tell its owner, not the visitor.</summary>
    public async Task SendAlreadyRegisteredAsync(AppUser user, CancellationToken cancellationToken)
    {
        var login = Link("/Account/Login", null);
        var forgot = Link("/Account/ForgotPassword", null);
        var body = new StringBuilder()
            .Append(Greeting(user.FullName))
            .Append("<p>Vừa có người dùng địa chỉ email này để đăng ký tài khoản mới trên trang Cuộc thi ")
            .Append("“Đổi mới sáng tạo - vì Thái Nguyên thân yêu”. Địa chỉ này đã có tài khoản nên không có tài khoản nào được tạo thêm.</p>")
            .Append("<p>Nếu đó là bạn, hãy <a href=\"").Append(Html.Encode(login)).Append("\">đăng nhập</a> bằng tài khoản hiện có, ")
            .Append("hoặc <a href=\"").Append(Html.Encode(forgot)).Append("\">đặt lại mật khẩu</a> nếu bạn không nhớ mật khẩu.</p>")
            .Append("<p>Nếu không phải bạn, bạn không cần làm gì; tài khoản của bạn vẫn an toàn.</p>")
            .Append(Signature)
            .ToString();
        await mail.SendAsync(user.Email!, "Có người vừa đăng ký bằng email của bạn", body, cancellationToken);
    }

    public async Task SendPasswordResetAsync(AppUser user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link("/Account/ResetPassword", new { userId = user.Id, code = Encode(token) });
        await mail.SendAsync(user.Email!, "Đặt lại mật khẩu tài khoản", Letter(user.FullName,
            "Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn.",
            "Bấm vào liên kết dưới đây để đặt mật khẩu mới:",
            link, "Đặt lại mật khẩu",
            "Liên kết có hiệu lực trong 24 giờ và chỉ dùng được một lần. Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên."), cancellationToken);
    }

    /// <summary>Identity tokens contain '+', '/' and '='; Base64Url keeps them intact in a query string.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token from a link, or null when the link was cut or tampered with.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000)
            return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Link(string pageName, object? values)
    {
        var path = page.Url.Page(pageName, values) ?? throw new InvalidOperationException($"No route for {pageName}");
        return PublicOrigin.Of(configuration, page.Request) + path;
    }

    private static string Letter(string name, string intro, string instruction, string link, string linkText, string footnote) =>
        new StringBuilder()
            .Append(Greeting(name))
            .Append("<p>").Append(Html.Encode(intro)).Append("</p>")
            .Append("<p>").Append(Html.Encode(instruction)).Append("</p>")
            .Append("<p><a href=\"").Append(Html.Encode(link)).Append("\">").Append(Html.Encode(linkText)).Append("</a></p>")
            .Append("<p>Nếu không bấm được, hãy sao chép địa chỉ sau vào trình duyệt:<br>").Append(Html.Encode(link)).Append("</p>")
            .Append("<p>").Append(Html.Encode(footnote)).Append("</p>")
            .Append(Signature)
            .ToString();

    private static string Greeting(string name) =>
        string.IsNullOrWhiteSpace(name) ? "<p>Xin chào,</p>" : $"<p>Xin chào {Html.Encode(name)},</p>";

    private const string Signature =
        "<p>Trân trọng,<br>Ban Tổ chức Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu”</p>" +
        "<p><small>Đây là thư tự động, vui lòng không trả lời thư này.</small></p>";
}
