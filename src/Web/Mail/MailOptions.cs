namespace ContestPlatform.Web.Mail;

/// <summary>
/// Section "Mail". Without an SMTP host, messages are written as .eml files to the pickup folder
/// (default: "mail" under the data directory), which is how development and tests read them.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromName { get; set; } = "Ban Tổ chức Cuộc thi Đổi mới sáng tạo";
    public string FromAddress { get; set; } = "no-reply@doimoisangtao.thainguyen.gov.vn";
    public string? PickupDirectory { get; set; }
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseStartTls { get; set; } = true;
}
