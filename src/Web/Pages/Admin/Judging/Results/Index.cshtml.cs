using System.Diagnostics;
using System.Globalization;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ContestPlatform.Web.Pages.Admin.Judging.Results;

/// <summary>
/// The organizer's results of a round (the latest by default): progress, the ranking with every aggregation
/// side by side, whether normalising judges would change the prize places, and inter-judge agreement.
/// Sends how long the server took as <c>Server-Timing: data;dur=…, app;dur=…, cpu;dur=…</c> (tests/perf/results reads it).
/// </summary>
public sealed class IndexModel(AppDbContext db, VoteService votes) : PageModel
{
    public const string Path = "/quan-tri/cham-diem/ket-qua";

    public IReadOnlyList<RoundOption> Rounds { get; private set; } = [];
    public RoundResults? Results { get; private set; }
    public int TopN { get; private set; } = ResultsService.DefaultTopN;

    /// <summary>Rows of the ranking table per page: every statistic is still over the whole round.</summary>
    public const int PageSize = 100;

    /// <summary>The ranking page shown (1-based); null shows the whole ranking (<c>?trang=tat-ca</c>).</summary>
    public int? RankingPage { get; private set; } = 1;

    public int PageCount => Results is null ? 1 : Math.Max(1, (Results.Ranking.Count + PageSize - 1) / PageSize);

    /// <summary>The rows of the ranking this page shows.</summary>
    public IEnumerable<ResultRow> VisibleRanking => Results is null ? [] :
        RankingPage is { } page ? Results.Ranking.Skip((page - 1) * PageSize).Take(PageSize) : Results.Ranking;

    public string? RankBySlug { get; private set; }

    public const string AllPages = "tat-ca";

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "vong")] int? roundId,
        [FromQuery(Name = "xepTheo")] string? rankBy,
        [FromQuery(Name = "top")] int? top,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var timing = ServerTiming.Start(HttpContext);
        var service = new ResultsService(db, votes);
        Rounds = await service.RoundsAsync(cancellationToken);
        if (Rounds.Count == 0)
            return Page();
        var round = roundId is { } id ? Rounds.FirstOrDefault(r => r.Id == id) : Rounds[0];
        if (round is null)
            return NotFound();
        TopN = Math.Clamp(top ?? ResultsService.DefaultTopN, 1, ResultsService.MaxTopN);
        Results = await service.LoadAsync(round.Id, AggregationLabels.Parse(rankBy), TopN, cancellationToken);
        timing.DataLoaded();
        RankBySlug = rankBy;
        RankingPage = page == AllPages ? null
            : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? Math.Clamp(number, 1, PageCount) : 1;
        return Page();
    }

    public static string RoundUrl(int roundId, AggregationMethod? rankBy = null, int? top = null, string? page = null) =>
        QueryHelpers.AddQueryString(Path, new Dictionary<string, string?>
        {
            ["vong"] = roundId.ToString(CultureInfo.InvariantCulture),
            ["xepTheo"] = rankBy is { } method ? AggregationLabels.Slug(method) : null,
            ["top"] = top?.ToString(CultureInfo.InvariantCulture),
            ["trang"] = page,
        }.Where(p => p.Value is not null));

    /// <summary>The same view of the round at another page of the ranking.</summary>
    public string PageUrl(string page) =>
        RoundUrl(Results!.Round.Id, AggregationLabels.Parse(RankBySlug), TopN == ResultsService.DefaultTopN ? null : TopN, page) + "#xep-hang";

    public static string EntryUrl(int roundId, int entryId) => $"{Path}/{roundId}/cong-trinh/{entryId}";

    public static string ExportUrl(int roundId, string format, string part) =>
        $"{Path}/{roundId}/xuat?dinhDang={format}&phan={part}";
}

/// <summary>
/// The page's own stopwatch, sent as <c>Server-Timing: data;dur=…, app;dur=…, cpu;dur=…</c> when the response
/// starts, i.e. after the page has rendered into its buffer: <c>data</c> is loading and computing the results,
/// <c>app</c> everything from the handler's start, <c>cpu</c> the processor time the process used meanwhile (on a
/// busy machine it says how much of <c>app</c> was work rather than waiting for a core).
/// </summary>
internal sealed class ServerTiming
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private double? data;

    public static ServerTiming Start(HttpContext context)
    {
        var timing = new ServerTiming();
        context.Response.OnStarting(() =>
        {
            var app = timing.watch.Elapsed.TotalMilliseconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - timing.cpuAtStart).TotalMilliseconds;
            // Invariant culture throughout: the site's culture (vi-VN) would write "4,4", which a header list splits.
            var data = timing.data is { } d ? string.Create(CultureInfo.InvariantCulture, $"data;dur={d:0.0}, ") : "";
            context.Response.Headers["Server-Timing"] = data + string.Create(CultureInfo.InvariantCulture, $"app;dur={app:0.0}, cpu;dur={cpu:0.0}");
            return Task.CompletedTask;
        });
        return timing;
    }

    /// <summary>Marks the end of loading and computing.</summary>
    public void DataLoaded() => data = watch.Elapsed.TotalMilliseconds;
}
