using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Votes;

public enum SuspicionKind
{
    NetworkBurst,
    FreshAccounts,
    SharedBrowser,
}

/// <summary>A group of votes worth an organizer's look, with what they have in common.</summary>
public sealed record SuspiciousGroup(SuspicionKind Kind, string Description, IReadOnlyList<long> VoteIds, DateTime First, DateTime Last)
{
    public string KindLabel => Kind switch
    {
        SuspicionKind.NetworkBurst => "Dồn dập từ một mạng",
        SuspicionKind.FreshAccounts => "Nhiều tài khoản mới tạo cùng bình chọn",
        _ => "Một trình duyệt, nhiều tài khoản",
    };

    /// <summary>The entries the group's votes went to.</summary>
    public IReadOnlyList<int> EntryIds { get; init; } = [];

    /// <summary>The network or browser id the group shares (empty for fresh accounts).</summary>
    public string Shared { get; init; } = "";

    /// <summary>Names the group across page loads (a void form posted back finds its group by this).</summary>
    public string Key => $"{Kind}-{(VoteIds.Count == 0 ? 0 : VoteIds.Min())}-{VoteIds.Count}";

    /// <summary>Query string that narrows an entry's vote list to this group's network or browser.</summary>
    public string EntryFilter => Kind switch
    {
        SuspicionKind.NetworkBurst => "?mang=" + Uri.EscapeDataString(Shared),
        SuspicionKind.SharedBrowser => "?trinhDuyet=" + Uri.EscapeDataString(Shared),
        _ => "",
    };
}

/// <summary>
/// Finds patterns that suggest rigging among the votes that still count. It only points; an organizer
/// decides, and voids with a reason. Runs in memory over the vote rows: a provincial contest has tens of
/// thousands of votes, which is a few megabytes.
/// </summary>
public sealed class VoteReport(AppDbContext db, IOptions<VoteOptions> options)
{
    private sealed record Row(long Id, int EntryId, string UserId, DateTime CastAt, DateTime AccountCreatedAt, string Network, string BrowserId);

    public async Task<IReadOnlyList<SuspiciousGroup>> FindAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var rows = await db.Votes.AsNoTracking().Where(v => v.VoidedAt == null)
            .Select(v => new Row(v.Id, v.EntryId, v.UserId, v.CastAt, v.AccountCreatedAt, v.Network, v.BrowserId))
            .ToListAsync(cancellationToken);
        var codes = await db.Entries.AsNoTracking().Where(e => e.Code != null)
            .Select(e => new { e.Id, e.Code }).ToDictionaryAsync(e => e.Id, e => e.Code!, cancellationToken);
        string Code(int entryId) => codes.GetValueOrDefault(entryId) ?? $"#{entryId}";

        var groups = new List<SuspiciousGroup>();
        groups.AddRange(Bursts(rows, settings));
        groups.AddRange(FreshAccounts(rows, settings, Code));
        groups.AddRange(SharedBrowsers(rows, settings));
        var entryOf = rows.ToDictionary(r => r.Id, r => r.EntryId);
        return groups
            .Select(g => g with { EntryIds = g.VoteIds.Select(id => entryOf[id]).Distinct().Order().ToList() })
            .OrderByDescending(g => g.VoteIds.Count)
            .ToList();
    }

    /// <summary>Busiest window per network: the most votes from one /24 (or /48) within the burst window.</summary>
    private static IEnumerable<SuspiciousGroup> Bursts(List<Row> rows, VoteOptions settings)
    {
        var window = TimeSpan.FromMinutes(settings.BurstWindowMinutes);
        foreach (var network in rows.Where(r => r.Network.Length > 0).GroupBy(r => r.Network))
        {
            var burst = BusiestWindow(network, window);
            if (burst.Count < settings.BurstVotes)
                continue;
            yield return new(SuspicionKind.NetworkBurst,
                $"{burst.Count} lượt từ mạng {network.Key} trong {settings.BurstWindowMinutes} phút ({burst.Select(r => r.UserId).Distinct().Count()} tài khoản)",
                burst.Select(r => r.Id).ToList(), burst[0].CastAt, burst[^1].CastAt) { Shared = network.Key };
        }
    }

    /// <summary>
    /// Busiest hour per entry among votes by freshly created accounts: any 60 minutes, not a clock hour, so a
    /// group voting from 10:55 to 11:05 is one group of ten rather than two of five.
    /// </summary>
    private static IEnumerable<SuspiciousGroup> FreshAccounts(List<Row> rows, VoteOptions settings, Func<int, string> code)
    {
        var fresh = TimeSpan.FromHours(settings.FreshAccountHours);
        foreach (var entry in rows.Where(r => r.CastAt - r.AccountCreatedAt < fresh).GroupBy(r => r.EntryId))
        {
            var group = BusiestWindow(entry, TimeSpan.FromHours(1));
            if (group.Count < settings.FreshAccountGroup)
                continue;
            yield return new(SuspicionKind.FreshAccounts,
                $"{group.Count} tài khoản tạo chưa đầy {settings.FreshAccountHours} giờ cùng bình chọn công trình {code(entry.Key)} trong một giờ",
                group.Select(r => r.Id).ToList(), group[0].CastAt, group[^1].CastAt);
        }
    }

    /// <summary>The most votes cast within <paramref name="window"/> of each other (the first such run), in time order.</summary>
    private static List<Row> BusiestWindow(IEnumerable<Row> votes, TimeSpan window)
    {
        var ordered = votes.OrderBy(r => r.CastAt).ThenBy(r => r.Id).ToList();
        int bestStart = 0, bestEnd = -1, start = 0;
        for (var end = 0; end < ordered.Count; end++)
        {
            while (ordered[end].CastAt - ordered[start].CastAt > window)
                start++;
            if (end - start > bestEnd - bestStart)
                (bestStart, bestEnd) = (start, end);
        }
        return ordered.GetRange(bestStart, bestEnd - bestStart + 1);
    }

    private static IEnumerable<SuspiciousGroup> SharedBrowsers(List<Row> rows, VoteOptions settings) =>
        rows.Where(r => r.BrowserId.Length > 0)
            .GroupBy(r => r.BrowserId)
            .Where(g => g.Select(r => r.UserId).Distinct().Count() >= settings.AccountsPerBrowser)
            .Select(g => new SuspiciousGroup(SuspicionKind.SharedBrowser,
                $"{g.Select(r => r.UserId).Distinct().Count()} tài khoản cùng dùng một trình duyệt (mã {BrowserPrefix(g.Key)}…), {g.Count()} lượt",
                g.Select(r => r.Id).ToList(), g.Min(r => r.CastAt), g.Max(r => r.CastAt)) { Shared = g.Key });

    /// <summary>The first characters of a browser id: enough to tell browsers apart on screen.</summary>
    public static string BrowserPrefix(string browserId) => browserId.Length <= 8 ? browserId : browserId[..8];
}
