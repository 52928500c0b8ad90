// Uploads one large file through the real HTTP upload API of a running site and samples the server's
// resident memory (VmRSS) every 100 ms. Started by ../run.sh, which builds and starts the site.
//
//   dotnet UploadPerf.dll --url http://127.0.0.1:5099 --data <data dir> --pid <server pid>
//                         --email <entrant> --password <password> --file <video> [--kind Video]
//
// Prints baseline RSS, peak RSS, growth and timings; exits 1 when the growth reaches the 100 MB goal.
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;

var options = Args.Parse(args);
var url = options["url"];
var pid = int.Parse(options["pid"]);
var file = new FileInfo(options["file"]);
var kind = options.GetValueOrDefault("kind", "Video");
const long GoalBytes = 100L * 1024 * 1024;

// 1. An entry of the entrant, written straight into the site's database (the pages are not under test).
var entryId = await CreateEntryAsync(options["data"], options["email"]);

// 2. Sign in like a browser and take the antiforgery token from a page.
var cookies = new CookieContainer();
using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
{
    BaseAddress = new Uri(url),
    Timeout = TimeSpan.FromMinutes(10),
};
var loginToken = Token(await http.GetStringAsync("/tai-khoan/dang-nhap"));
var login = await http.PostAsync("/tai-khoan/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["__RequestVerificationToken"] = loginToken,
    ["Input.Email"] = options["email"],
    ["Input.Password"] = options["password"],
}));
if (login.StatusCode != HttpStatusCode.Redirect)
    throw new InvalidOperationException($"Login failed: {(int)login.StatusCode}");
var token = Token(await http.GetStringAsync("/tai-khoan"));
http.DefaultRequestHeaders.Add("RequestVerificationToken", token);

// 3. Sample the server while the upload runs.
using var sampling = new CancellationTokenSource();
await Task.Delay(500);
var baseline = Rss(pid);
var peak = baseline;
var samples = 0;
var sampler = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
    while (await timer.WaitForNextTickAsync(sampling.Token).ConfigureAwait(false))
    {
        var rss = Rss(pid);
        peak = Math.Max(peak, rss);
        samples++;
    }
});

var total = Stopwatch.StartNew();
var started = await http.PostAsJsonAsync("/api/tai-len", new { entryId, kind, fileName = file.Name, size = file.Length });
var startJson = await Json(started, HttpStatusCode.Created);
var id = startJson.GetProperty("id").GetString()!;
var chunkBytes = startJson.GetProperty("chunkBytes").GetInt32();

var chunks = 0;
await using (var source = file.OpenRead())
{
    for (long offset = 0; offset < file.Length; offset += chunkBytes)
    {
        var length = (int)Math.Min(chunkBytes, file.Length - offset);
        source.Position = offset;
        var content = new StreamContent(new Slice(source, length), 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = length;
        var put = await http.PutAsync($"/api/tai-len/{id}?offset={offset}", content);
        await Json(put, HttpStatusCode.OK);
        chunks++;
    }
}
var transferred = total.Elapsed;
var completion = Stopwatch.StartNew();
var done = await Json(await http.PostAsync($"/api/tai-len/{id}/hoan-tat", null), HttpStatusCode.Created);
completion.Stop();
total.Stop();
await Task.Delay(300);
sampling.Cancel();
try { await sampler; } catch (OperationCanceledException) { }

var growth = peak - baseline;
Console.WriteLine($"File:            {file.Name}, {file.Length / 1048576.0:0.0} MiB in {chunks} chunks of {chunkBytes / 1048576.0:0.#} MiB");
Console.WriteLine($"Media id:        {done.GetProperty("mediaId").GetInt32()}");
Console.WriteLine($"Transfer:        {transferred.TotalSeconds:0.00} s ({file.Length / 1048576.0 / transferred.TotalSeconds:0} MiB/s)");
Console.WriteLine($"Completion:      {completion.Elapsed.TotalSeconds:0.00} s (SHA-256 + checks + ffprobe + store)");
Console.WriteLine($"Total:           {total.Elapsed.TotalSeconds:0.00} s");
Console.WriteLine($"Server RSS:      baseline {Mib(baseline)}, peak {Mib(peak)}, growth {Mib(growth)} ({samples} samples every 100 ms)");
Console.WriteLine(growth < GoalBytes ? "Goal met: growth < 100 MiB" : "GOAL MISSED: growth >= 100 MiB");
return growth < GoalBytes ? 0 : 1;

static async Task<int> CreateEntryAsync(string dataDirectory, string email)
{
    var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(DataSetup.SqliteConnectionString(dataDirectory)).Options;
    await using var db = new AppDbContext(options);
    var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    var now = DateTime.UtcNow;
    // The seeded 2025 window may be over on this machine's clock: open it around now (this data directory is throwaway).
    await db.ContestPhases.Where(p => p.Kind == PhaseKind.Submission).ExecuteUpdateAsync(s => s
        .SetProperty(p => p.StartsAt, now.AddDays(-1)).SetProperty(p => p.EndsAt, now.AddDays(30)));
    var entry = new Entry { OwnerId = userId, Status = EntryStatus.Draft, Title = "Đo tải lên video lớn", CreatedAt = now, UpdatedAt = now };
    db.Entries.Add(entry);
    await db.SaveChangesAsync();
    return entry.Id;
}

static string Token(string html) =>
    Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"") is { Success: true } m
        ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
{
    var text = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != expected)
        throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {text}");
    return JsonDocument.Parse(text).RootElement.Clone();
}

static long Rss(int pid) =>
    File.ReadLines($"/proc/{pid}/status")
        .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024)
        .First();

static string Mib(long bytes) => $"{bytes / 1048576.0:0.0} MiB";

/// <summary>A read-only window of <c>length</c> bytes from the current position of a stream (no copy in memory).</summary>
internal sealed class Slice(Stream inner, long length) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, (int)Math.Min(count, length - _read));
        _read += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, length - _read)], cancellationToken);
        _read += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal static class Args
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            result[args[i].TrimStart('-')] = args[i + 1];
        foreach (var required in new[] { "url", "data", "pid", "email", "password", "file" })
            if (!result.ContainsKey(required))
                throw new ArgumentException($"--{required} is required");
        return result;
    }
}
