using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;

// Server time of the organizer's results page (tests/perf/results/run.sh drives it):
//   seed --data DIR [--entries 2000] [--judges 30] [--per-entry 3]   a submitted round with votes
//   run  --url http://127.0.0.1:PORT --email E --password P [--requests 30] [--goal 300]
// Bounded: at most 10,000 entries, 200 requests, and only a loopback server.
return await ResultsPerf.MainAsync(args);

internal static partial class ResultsPerf
{
    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: seed --data DIR [...] | run --url URL --email E --password P [...]");
            return 2;
        }
        var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(p => p[0][2..], p => p[1]);
        return args[0] switch
        {
            "seed" => await SeedAsync(options),
            "run" => await RunAsync(options),
            _ => 2,
        };
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    // ---------------------------------------------------------------- seed

    /// <summary>
    /// Accepted entries, each scored by k judges on the judged criteria of the seeded rubric, every sheet
    /// submitted. Four entries in five go to one of ten fixed panels of three judges (so panel statistics have
    /// work to do); the rest get judges drawn at random, as hand-adjusted assignment does. Judges have a
    /// leniency of their own; votes follow a skewed distribution (a few popular entries).
    /// </summary>
    private static async Task<int> SeedAsync(Dictionary<string, string> options)
    {
        var entryCount = Math.Clamp(Int(options, "entries", 2000), 1, 10_000);
        var judgeCount = Math.Clamp(Int(options, "judges", 30), 3, 200);
        var perEntry = Math.Clamp(Int(options, "per-entry", 3), 1, Math.Min(10, judgeCount));
        var random = new Random(2025);
        var watch = Stopwatch.StartNew();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(DataSetup.SqliteConnectionString(options["data"])).Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rubric = (await db.Rubrics.Include(r => r.Criteria).SingleAsync(r => r.InForce)).ToDomain();
        var criteria = rubric.JudgedCriteria;
        var opening = new DateTime(2025, 3, 1, 1, 0, 0, DateTimeKind.Utc);

        var judges = Enumerable.Range(1, judgeCount).Select(j => new Judge
        {
            UserId = Guid.NewGuid().ToString(),
            DisplayName = $"Giám khảo {j:00}",
            Organisation = $"Đơn vị {j}",
            InvitedAt = opening,
        }).ToList();
        db.Judges.AddRange(judges);
        var round = new JudgingRound
        {
            Name = "Vòng sơ khảo", Order = 1, State = RoundState.Open, JudgesPerEntry = perEntry, Seed = 1,
            CreatedAt = opening, LabelKey = EntryLabels.NewKey(),
        };
        db.JudgingRounds.Add(round);
        var entries = Enumerable.Range(1, entryCount).Select(i =>
        {
            var entry = new Entry
            {
                OwnerId = Guid.NewGuid().ToString(),
                Status = EntryStatus.Judging,
                Code = $"DMST-2025-{i:0000}",
                Title = $"Công trình đo hiệu năng số {i}: ứng dụng chuyển đổi số trong quản lý hồ sơ",
                EntrantName = $"Đơn vị dự thi {i}",
                Commune = "Phường Phan Đình Phùng",
                Summary = "Công trình mẫu cho bài đo trang kết quả.",
                AuthorshipCommitted = true,
                CreatedAt = opening,
                UpdatedAt = opening,
                SubmittedAt = opening.AddSeconds(random.Next(0, 60 * 60 * 24 * 60)),
            };
            entry.RefreshSearchText();
            return entry;
        }).ToList();
        db.Entries.AddRange(entries);
        await db.SaveChangesAsync();

        var leniency = judges.ToDictionary(j => j.Id, _ => random.Next(-3, 4));
        var panels = Enumerable.Range(0, 10).Select(p => Enumerable.Range(0, perEntry).Select(k => judges[(p * perEntry + k) % judgeCount].Id).ToArray()).ToArray();
        var sheets = 0;
        foreach (var entry in entries)
        {
            var panel = random.NextDouble() < 0.8
                ? panels[random.Next(panels.Length)]
                : judges.Select(j => j.Id).OrderBy(_ => random.Next()).Take(perEntry).ToArray();
            var quality = random.NextDouble();
            foreach (var judgeId in panel)
            {
                db.Assignments.Add(new Assignment { RoundId = round.Id, EntryId = entry.Id, JudgeId = judgeId, CreatedAt = opening });
                var at = opening.AddDays(70).AddMinutes(sheets++);
                db.ScoreSheets.Add(new ScoreSheet
                {
                    RoundId = round.Id, EntryId = entry.Id, JudgeId = judgeId, State = SheetState.Submitted,
                    UpdatedAt = at, SubmittedAt = at,
                    Lines = [.. criteria.Select(c => new ScoreLine { CriterionCode = c.Code, Points = Score(c, quality, leniency[judgeId], random) })],
                });
            }
            // A few popular entries take most votes.
            var votes = (int)(60 * Math.Pow(random.NextDouble(), 3));
            for (var v = 0; v < votes; v++)
                db.Votes.Add(new Vote { EntryId = entry.Id, UserId = Guid.NewGuid().ToString(), CastAt = opening.AddDays(40), AccountCreatedAt = opening });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        var voteCount = await db.Votes.CountAsync();
        Console.WriteLine($"Seeded {entryCount:N0} entries × {perEntry} judges × {criteria.Count} criteria ({sheets:N0} submitted sheets, {judgeCount} judges) and {voteCount:N0} votes in {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    private static decimal Score(Criterion criterion, double quality, int leniencySteps, Random random)
    {
        var steps = (int)(criterion.MaxPoints / criterion.Step);
        var level = (int)Math.Round(quality * steps) + leniencySteps * 2 + random.Next(-4, 5);
        return Math.Clamp(level, 0, steps) * criterion.Step;
    }

    // ---------------------------------------------------------------- run

    private static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var baseUrl = new Uri(options["url"]);
        if (!IPAddress.TryParse(baseUrl.Host, out var host) || !IPAddress.IsLoopback(host))
        {
            Console.Error.WriteLine("Only a server on 127.0.0.1 is measured.");
            return 2;
        }
        var requests = Math.Clamp(Int(options, "requests", 30), 1, 200);
        var goal = Int(options, "goal", 300);
        var path = options.GetValueOrDefault("path", "/quan-tri/cham-diem/ket-qua");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

        var login = await client.GetStringAsync("/tai-khoan/dang-nhap");
        var token = Token().Match(login).Groups[1].Value;
        using var signIn = await client.PostAsync("/tai-khoan/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = options["email"],
            ["Input.Password"] = options["password"],
            ["__RequestVerificationToken"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            Console.Error.WriteLine($"Sign-in failed: {(int)signIn.StatusCode}");
            return 1;
        }

        // The first requests pay for JIT compilation and cold caches; they are shown but not counted.
        for (var i = 1; i <= 3; i++)
        {
            var (server, data, cpu, total, bytes) = await TimeAsync(client, path);
            Console.WriteLine($"  warm-up {i}: server {server,7:F1} ms (data {data,6:F1}, cpu {cpu,6:F1})   client {total,7:F1} ms   {bytes / 1024.0,8:N0} KiB");
        }
        var servers = new List<double>();
        var cpus = new List<double>();
        for (var i = 1; i <= requests; i++)
        {
            var (server, data, cpu, total, bytes) = await TimeAsync(client, path);
            servers.Add(server);
            cpus.Add(cpu);
            Console.WriteLine($"  request {i,2}: server {server,7:F1} ms (data {data,6:F1}, cpu {cpu,6:F1})   client {total,7:F1} ms   {bytes / 1024.0,8:N0} KiB");
        }
        var sorted = servers.Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        var p95 = Percentile(0.95);
        Console.WriteLine();
        Console.WriteLine($"Results page {path}: {requests} requests, server time (Server-Timing app;dur)");
        Console.WriteLine($"  median {median,7:F1} ms   p95 {p95,7:F1} ms   min {sorted[0],7:F1} ms   max {sorted[^1],7:F1} ms");
        Console.WriteLine($"  processor time of the server per request: median {cpus.Order().ElementAt(cpus.Count / 2),7:F1} ms");
        Console.WriteLine($"  machine load average while measuring: {LoadAverage()}");
        Console.WriteLine($"  goal p95 ≤ {goal} ms: {(p95 <= goal ? "yes" : "NO")}");
        return p95 <= goal ? 0 : 1;
    }

    /// <summary>Other work on the machine inflates wall-clock times; the 1-minute load average says how much there was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"{File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores" : "unknown";

    private static async Task<(double Server, double Data, double Cpu, double Total, long Bytes)> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        var total = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} gave {(int)response.StatusCode}");
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : "";
        double Metric(string name)
        {
            var match = Regex.Match(timing, name + @";dur=([0-9.]+)");
            return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        }
        var app = Metric("app");
        if (double.IsNaN(app))
            throw new InvalidOperationException($"No Server-Timing app;dur on {path}: '{timing}'");
        return (app, Metric("data"), Metric("cpu"), total, body.LongLength);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

}
