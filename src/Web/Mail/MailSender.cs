using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContestPlatform.Web.Mail;

public interface IMailSender
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

/// <summary>
/// Sends through SMTP when a host is configured; otherwise, or when SMTP fails, writes the message to the
/// pickup folder so that no confirmation or reset link is ever lost.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, MailPickupFolder pickup, ILogger<MailSender> logger) : IMailSender
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();

        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            await pickup.WriteAsync(message, cancellationToken);
            return;
        }

        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port,
                settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var path = await pickup.WriteAsync(message, cancellationToken);
            logger.LogError(ex, "SMTP delivery to {Host} failed; message kept in {Path}", settings.Smtp.Host, path);
        }
    }
}

/// <summary>The folder of .eml files: written atomically so a reader never sees half a message.</summary>
public sealed class MailPickupFolder(string directory, TimeProvider time)
{
    public string Directory { get; } = directory;

    public async Task<string> WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(Directory, name + ".tmp");
        await using (var stream = File.Create(temp))
            await message.WriteToAsync(stream, cancellationToken);
        var path = Path.Combine(Directory, name);
        File.Move(temp, path);
        return path;
    }
}

public static class MailSetup
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder, string dataDirectory)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        var configured = builder.Configuration[$"{MailOptions.Section}:PickupDirectory"];
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(dataDirectory, "mail") : Path.GetFullPath(configured);
        builder.Services.AddSingleton(sp => new MailPickupFolder(folder, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IMailSender, MailSender>();
        return builder;
    }
}
