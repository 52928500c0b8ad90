using System.Globalization;
using System.Security.Claims;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Pages.Admin.Votes;

/// <summary>What the vote moderation pages share: who is acting, and how votes and scores read.</summary>
public static class VoteAdmin
{
    public const string Path = "/quan-tri/binh-chon";

    public static string EntryPath(int entryId) => $"{Path}/cong-trinh/{entryId}";

    /// <summary>The signed-in organizer as the audit log and the void records name them.</summary>
    public static Actor Actor(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", AdminForms.Email(user));

    public static string Count(long value) => value.ToString("N0", VietnameseFormat.Culture);

    /// <summary>A vote score with one decimal, Vietnamese style: 13,3.</summary>
    public static string Score(decimal value) => value.ToString("0.0", VietnameseFormat.Culture);

    public static string Time(DateTime utc) => VietnameseFormat.ToVietnam(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An account's age when it voted, the way a person says it: "45 phút", "5 giờ", "12 ngày".</summary>
    public static string Age(TimeSpan age) =>
        age < TimeSpan.Zero ? "—"
        : age < TimeSpan.FromHours(1) ? $"{Math.Max(1, (int)age.TotalMinutes)} phút"
        : age < TimeSpan.FromDays(2) ? $"{(int)age.TotalHours} giờ"
        : $"{(int)age.TotalDays} ngày";

    /// <summary>Vote ids posted as one comma-separated field (a report group can hold thousands).</summary>
    public static List<long> ParseIds(string? ids) =>
        (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .Take(100_000)
            .ToList();
}
