using System.Text.RegularExpressions;
using MimeKit;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>The site's mail pickup folder, read the way a user reads their inbox.</summary>
public sealed partial class MailBox(string directory)
{
    public async Task<string> WaitForLinkAsync(string address, string pathPart, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var link = Directory.Exists(directory)
                ? Directory.GetFiles(directory, "*.eml").Order().Select(path => MimeMessage.Load(path))
                    .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                    .SelectMany(m => Href().Matches(m.HtmlBody ?? "").Select(x => System.Net.WebUtility.HtmlDecode(x.Groups[1].Value)))
                    .LastOrDefault(l => l.Contains(pathPart))
                : null;
            if (link is not null)
                return link;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No mail with a {pathPart} link reached {address}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
