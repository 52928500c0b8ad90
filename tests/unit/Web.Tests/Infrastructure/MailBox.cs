using System.Text.RegularExpressions;
using MimeKit;

namespace ContestPlatform.Web.Tests.Infrastructure;

/// <summary>Reads the .eml files the site wrote to its pickup folder, as a user reads their inbox.</summary>
public sealed partial class MailBox(string directory)
{
    public IReadOnlyList<MimeMessage> To(string address) =>
        !Directory.Exists(directory) ? [] :
        Directory.GetFiles(directory, "*.eml").Order()
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The first link in the newest message to <paramref name="address"/> whose path contains <paramref name="pathPart"/>.</summary>
    public string LinkIn(string address, string pathPart)
    {
        var message = To(address).LastOrDefault() ?? throw new InvalidOperationException($"No mail to {address}");
        var links = Href().Matches(message.HtmlBody ?? "").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        var link = links.FirstOrDefault(l => l.Contains(pathPart)) ?? throw new InvalidOperationException($"No {pathPart} link in mail to {address}");
        var uri = new Uri(link, UriKind.RelativeOrAbsolute);
        return uri.IsAbsoluteUri ? uri.PathAndQuery : link;
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
