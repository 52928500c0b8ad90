using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Load test of the community vote (tests/perf/votes/run.sh drives it):
//   seed --data DIR [--accounts 5000] [--entries 50] [--cap 10]   accounts, accepted entries, open vote window
//   run  --url http://127.0.0.1:PORT --data DIR [--rate 500] [--seconds 60] [--votes-per-account 6]
// Everything is bounded: at most 20,000 accounts, 2,000 votes/s, 300 s, and only a loopback server.
return await LoadGen.MainAsync(args);

internal static partial class LoadGen
{
    public const string Password = "MatKhau123";
    private const string EmailFormat = "cu-tri-{0:00000}@perf.example.vn";

    /// <summary>Accounts that only warm the site up before the measured minute (another domain: never in the measured set).</summary>
    private const string WarmUpEmailFormat = "khoi-dong-{0:00000}@warmup.example.vn";

    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: seed|run --data DIR [...]");
            return 2;
        }
        var options = Options.Parse(args.Skip(1));
        return args[0] switch
        {
            "seed" => await SeedAsync(options),
            "run" => await RunAsync(options),
            _ => 2,
        };
    }

    // ---------------------------------------------------------------- seed

    private static async Task<int> SeedAsync(Options options)
    {
        var accounts = Math.Clamp(options.Int("accounts", 5000), 1, 20_000);
        var warmUp = Math.Clamp(options.Int("warmup-accounts", 500), 0, 5_000);
        var entries = Math.Clamp(options.Int("entries", 50), 1, 500);
        var cap = options.Int("cap", 10);
        await using var db = Open(options.Required("data"));
        var now = DateTime.UtcNow;

        // One hash from the app's own hasher (Identity V3: PBKDF2-HMAC-SHA512, the app's iteration count),
        // shared by every account: sign-in verifies it exactly as it would a registered citizen's.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var entrantRole = await db.Roles.Where(r => r.Name == Roles.Entrant).Select(r => r.Id).SingleAsync();
        var users = Enumerable.Range(1, accounts + warmUp).Select(i =>
        {
            var email = i <= accounts
                ? string.Format(CultureInfo.InvariantCulture, EmailFormat, i)
                : string.Format(CultureInfo.InvariantCulture, WarmUpEmailFormat, i - accounts);
            return new AppUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                FullName = $"Cử tri {i}",
                // Accounts a month old: the load is not what the fresh-account report is about.
                CreatedAt = now.AddDays(-30).AddMinutes(i),
            };
        }).ToList();
        db.Users.AddRange(users);
        db.UserRoles.AddRange(users.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = entrantRole }));

        var contest = await db.CurrentContestAsync();
        var categoryId = await db.Categories.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        for (var i = 1; i <= entries; i++)
        {
            var entry = new Entry
            {
                OwnerId = users[i % users.Count].Id,
                Status = EntryStatus.Accepted,
                Code = $"{contest.EntryCodePrefix}-{9000 + i:0000}",
                Title = $"Công trình đo tải số {i}: số hóa quy trình tiếp nhận hồ sơ",
                CategoryId = categoryId,
                Commune = "Phường Phan Đình Phùng",
                Summary = "Công trình mẫu cho bài đo tải bình chọn.",
                EntrantName = $"Đơn vị dự thi {i}",
                AuthorshipCommitted = true,
                CreatedAt = now.AddDays(-20),
                UpdatedAt = now.AddDays(-10),
                SubmittedAt = now.AddDays(-15),
            };
            entry.RefreshSearchText();
            db.Entries.Add(entry);
        }

        // The vote window is open from an hour ago until tomorrow; the daily cap is on so its check runs.
        var window = contest.Phases.Single(p => p.Kind == PhaseKind.Vote);
        window.StartsAt = now.AddHours(-1);
        window.EndsAt = now.AddDays(1);
        contest.VotesPerDayCap = cap > 0 ? cap : null;
        contest.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
        Console.WriteLine($"Seeded {accounts:N0} accounts (+{warmUp:N0} for the warm-up) and {entries} accepted entries; vote window open, daily cap {(cap > 0 ? cap : "none")}.");
        return 0;
    }

    private static AppDbContext Open(string dataDirectory) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(DataSetup.SqliteConnectionString(dataDirectory)).Options);

    // ---------------------------------------------------------------- run

    private sealed class Account(string email)
    {
        public string Email { get; } = email;
        public Dictionary<string, string> Cookies { get; } = [];
        public string AntiforgeryToken { get; set; } = "";

        /// <summary>The vote form's timing token per entry id: it is bound to the entry, so each vote needs its own page.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<int, string> FormTokens { get; } = [];
        public string CookieHeader => string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));
    }

    private sealed record EntryRef(int Id, string Code);

    private static async Task<int> RunAsync(Options options)
    {
        var baseUrl = new Uri(options.Required("url"));
        if (!IPAddress.TryParse(baseUrl.Host, out var host) || !IPAddress.IsLoopback(host))
        {
            Console.Error.WriteLine("Only a server on 127.0.0.1 is load-tested.");
            return 2;
        }
        var dataDirectory = options.Required("data");
        var rate = Math.Clamp(options.Int("rate", 500), 1, 2_000);
        var seconds = Math.Clamp(options.Int("seconds", 60), 1, 300);
        var perAccount = Math.Clamp(options.Int("votes-per-account", 6), 1, 50);
        var loginParallel = Math.Clamp(options.Int("login-parallel", Environment.ProcessorCount * 2), 1, 64);

        List<string> emails, warmUpEmails;
        List<EntryRef> entries;
        await using (var db = Open(dataDirectory))
        {
            emails = await db.Users.Where(u => u.Email!.EndsWith("@perf.example.vn")).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync();
            warmUpEmails = await db.Users.Where(u => u.Email!.EndsWith("@warmup.example.vn")).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync();
            entries = await db.Entries.Where(e => e.Code!.Contains("-9")).OrderBy(e => e.Id).Select(e => new EntryRef(e.Id, e.Code!)).ToListAsync();
        }
        var total = Math.Min(rate * seconds, emails.Count * Math.Min(perAccount, entries.Count));
        var accounts = emails.Select(e => new Account(e)).ToList();
        var warmUpAccounts = warmUpEmails.Select(e => new Account(e)).ToList();

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Int("connections", 200),
            UseCookies = false, // 5,000 people on one handler: each request carries its own account's cookies
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

        // Sign-in verifies a PBKDF2 hash (100,000 rounds of HMAC-SHA512) per account on the server: this
        // phase is CPU-bound and takes minutes; it is not measured.
        Console.WriteLine($"Signing in {accounts.Count:N0} accounts through the login form ({loginParallel} at a time)…");
        var watch = Stopwatch.StartNew();
        var signedIn = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(warmUpAccounts.Concat(accounts), new ParallelOptions { MaxDegreeOfParallelism = loginParallel }, async (account, _) =>
        {
            if (!await TryAsync(() => SignInAsync(client, account), failures))
                return;
            if (Interlocked.Increment(ref signedIn) % 500 == 0)
                Console.WriteLine($"  {signedIn:N0} signed in after {watch.Elapsed.TotalSeconds:F0} s");
        });
        Console.WriteLine($"  done in {watch.Elapsed.TotalSeconds:F1} s");

        // The form's timing token is bound to its entry (one token cannot be replayed for others), so
        // every planned vote gets its own entry page, as a person opens the page of what they vote for.
        var plan = Plan(accounts.Count, entries.Count, perAccount, total);
        var warmUpPlan = warmUpAccounts.Count == 0 ? [] : Plan(warmUpAccounts.Count, entries.Count, perAccount, warmUpAccounts.Count * Math.Min(perAccount, entries.Count));
        Console.WriteLine($"Opening the entry page of each of the {plan.Length:N0} planned votes (+{warmUpPlan.Length:N0} for the warm-up) for its vote form…");
        watch.Restart();
        var forms = warmUpPlan.Select(p => (Account: warmUpAccounts[p.Account], p.Entry)).Concat(plan.Select(p => (Account: accounts[p.Account], p.Entry)));
        await Parallel.ForEachAsync(forms.Where(f => f.Account.Cookies.Count > 0), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (form, _) => await TryAsync(() => FetchFormAsync(client, form.Account, entries[form.Entry]), failures));
        Console.WriteLine($"  done in {watch.Elapsed.TotalSeconds:F1} s");
        if (!failures.IsEmpty)
        {
            // Every account must vote: a setup failure is an error of the run, not something to vote around.
            Console.WriteLine($"Setup failed for {failures.Count} accounts, e.g. {failures.First()}");
            return 1;
        }

        // A site that has been up for hours has its code compiled and its connections open; a fresh process has
        // neither, and its first seconds say nothing about the vote. The warm-up votes are real votes (they are
        // in the exact-count check) from accounts outside the measured set; their latency is not reported.
        var warmUpResults = Array.Empty<Result>();
        if (warmUpPlan.Length > 0)
        {
            Console.WriteLine($"Warm-up: {warmUpPlan.Length:N0} votes from {warmUpAccounts.Count:N0} other accounts at {rate}/s, not measured…");
            (warmUpResults, _, _, _) = await RunScheduleAsync(client, warmUpAccounts, entries, warmUpPlan, rate);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Console.WriteLine($"Voting: {total:N0} votes at {rate}/s for {total / (double)rate:F0} s, open loop, at most {handler.MaxConnectionsPerServer} connections…");
        var (results, sendSeconds, allSeconds, worstLagMs) = await RunScheduleAsync(client, accounts, entries, plan, rate);

        return await ReportAsync(results, plan, warmUpResults, warmUpPlan, entries, dataDirectory, sendSeconds, allSeconds, worstLagMs);
    }

    /// <summary>Sends the planned votes open loop, one every 1/rate s from a dedicated thread, each without waiting for the others.</summary>
    private static async Task<(Result[] Results, double SendSeconds, double AllSeconds, double WorstLagMs)> RunScheduleAsync(
        HttpClient client, List<Account> accounts, List<EntryRef> entries, (int Account, int Entry)[] plan, int rate)
    {
        var total = plan.Length;
        var results = new Result[total];
        var tasks = new Task[total];
        var frequency = Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp() + frequency / 10;
        long worstLag = 0;
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < total; i++)
            {
                var due = start + i * frequency / rate;
                long now;
                while ((now = Stopwatch.GetTimestamp()) < due)
                    Thread.Sleep(1);
                worstLag = Math.Max(worstLag, now - due);
                var (accountIndex, entryIndex) = plan[i];
                tasks[i] = VoteAsync(client, accounts[accountIndex], entries[entryIndex], results, i);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        var watch = Stopwatch.StartNew();
        scheduler.Start();
        scheduler.Join();
        var sendSeconds = watch.Elapsed.TotalSeconds;
        await Task.WhenAll(tasks);
        return (results, sendSeconds, watch.Elapsed.TotalSeconds, worstLag * 1000.0 / frequency);
    }

    /// <summary>Runs a setup step, retrying once (a connection reset under load is not what is measured here).</summary>
    private static async Task<bool> TryAsync(Func<Task> step, System.Collections.Concurrent.ConcurrentBag<string> failures)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step();
                return true;
            }
            catch (Exception) when (attempt < 2)
            {
                // Tried once more by the loop.
            }
            catch (Exception ex)
            {
                failures.Add(ex.Message);
                return false;
            }
        }
    }

    private static async Task SignInAsync(HttpClient client, Account account)
    {
        var (form, _) = await GetAsync(client, account, "/tai-khoan/dang-nhap");
        var token = Inputs(form).GetValueOrDefault("__RequestVerificationToken")
                    ?? throw new InvalidOperationException("No antiforgery token on the login page.");
        using var response = await PostAsync(client, account, "/tai-khoan/dang-nhap", new()
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        if (response.StatusCode != HttpStatusCode.Redirect || !account.Cookies.Keys.Any(k => k.StartsWith("dmst.auth", StringComparison.Ordinal)))
            throw new InvalidOperationException($"Sign-in of {account.Email} failed: {(int)response.StatusCode}");
    }

    private static async Task FetchFormAsync(HttpClient client, Account account, EntryRef entry)
    {
        var (page, status) = await GetAsync(client, account, $"/cong-trinh/{entry.Code}");
        var start = page.IndexOf("class=\"vote-form\"", StringComparison.Ordinal);
        if (status != HttpStatusCode.OK || start < 0)
            throw new InvalidOperationException($"No vote form for {account.Email} on {entry.Code} ({(int)status}).");
        var end = page.IndexOf("</form>", start, StringComparison.Ordinal);
        var inputs = Inputs(page[page.LastIndexOf("<form", start, StringComparison.Ordinal)..end]);
        // The antiforgery token belongs to the session, not the page: any of the account's pages gives a good one.
        account.AntiforgeryToken = inputs["__RequestVerificationToken"];
        account.FormTokens[entry.Id] = inputs["t"];
    }

    private static async Task VoteAsync(HttpClient client, Account account, EntryRef entry, Result[] results, int index)
    {
        var began = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/binh-chon/{entry.Id}")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = account.AntiforgeryToken,
                    ["t"] = account.FormTokens[entry.Id],
                    ["website"] = "",
                    ["returnUrl"] = $"/cong-trinh/{entry.Code}",
                }),
            };
            request.Headers.Add("Cookie", account.CookieHeader);
            using var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            var outcome = response.Headers.TryGetValues("X-Vote-Outcome", out var values) ? values.First() : null;
            results[index] = new Result((int)response.StatusCode, outcome, Stopwatch.GetTimestamp() - began, null);
        }
        catch (Exception ex)
        {
            results[index] = new Result(0, null, Stopwatch.GetTimestamp() - began, ex.GetType().Name);
        }
    }

    /// <summary>
    /// Vote i goes to account i mod N (so each account's votes are N/rate seconds apart, well inside the
    /// per-account rate limit) for its k-th distinct entry. Entries are drawn with a Zipf-like skew: a few
    /// popular entries take most votes, as in a real vote.
    /// </summary>
    private static (int Account, int Entry)[] Plan(int accounts, int entries, int perAccount, int total)
    {
        var random = new Random(20250801);
        var weights = Enumerable.Range(1, entries).Select(r => 1.0 / r).ToArray();
        var choices = new int[accounts][];
        for (var a = 0; a < accounts; a++)
        {
            var picked = new List<int>(perAccount);
            while (picked.Count < Math.Min(perAccount, entries))
            {
                var x = random.NextDouble() * weights.Where((_, e) => !picked.Contains(e)).Sum();
                for (var e = 0; e < entries; e++)
                {
                    if (picked.Contains(e))
                        continue;
                    x -= weights[e];
                    if (x <= 0) { picked.Add(e); break; }
                }
                if (x > 0)
                    picked.Add(Enumerable.Range(0, entries).Last(e => !picked.Contains(e)));
            }
            choices[a] = [.. picked];
        }
        return Enumerable.Range(0, total).Select(i => (i % accounts, choices[i % accounts][i / accounts])).ToArray();
    }

    private sealed record Result(int Status, string? Outcome, long Ticks, string? Exception);

    private static async Task<int> ReportAsync(
        Result[] results, (int Account, int Entry)[] plan, Result[] warmUpResults, (int Account, int Entry)[] warmUpPlan,
        List<EntryRef> entries, string dataDirectory, double sendSeconds, double allSeconds, double worstLagMs)
    {
        static bool Ok(Result r) => r.Status is >= 200 and < 400;
        var accepted = results.Where(r => Ok(r) && r.Outcome == "Recorded").ToList();
        var refused = results.Where(r => Ok(r) && r.Outcome is not null and not "Recorded").GroupBy(r => r.Outcome!).ToList();
        var unexplained = results.Count(r => Ok(r) && r.Outcome is null);
        var errors = results.Where(r => !Ok(r)).GroupBy(r => r.Exception ?? $"HTTP {r.Status}").ToList();
        var latencies = results.Select(r => r.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];

        var report = new StringBuilder();
        report.AppendLine();
        report.AppendLine("Community vote load test");
        report.AppendLine($"  requests           {results.Length,10:N0}   sent in {sendSeconds:F1} s ({results.Length / sendSeconds:F0}/s), all answered after {allSeconds:F1} s; worst schedule lag {worstLagMs:F1} ms");
        report.AppendLine($"  accepted           {accepted.Count,10:N0}   (302 back to the entry page, X-Vote-Outcome: Recorded)");
        foreach (var group in refused)
            report.AppendLine($"  refused: {group.Key,-18}{group.Count(),10:N0}   (an error: every planned vote is valid)");
        if (unexplained > 0)
            report.AppendLine($"  refused: unexplained      {unexplained,10:N0}   (2xx/3xx without an outcome, e.g. sent to the login page)");
        report.AppendLine($"  errors             {errors.Sum(g => g.Count()),10:N0}{(errors.Count == 0 ? "" : "   " + string.Join(", ", errors.Select(g => $"{g.Key} × {g.Count()}")))}");
        report.AppendLine($"  latency p50        {Percentile(0.50),10:F1} ms");
        report.AppendLine($"  latency p95        {Percentile(0.95),10:F1} ms");
        report.AppendLine($"  latency p99        {Percentile(0.99),10:F1} ms");
        report.AppendLine($"  latency max        {latencies[^1],10:F1} ms");
        // By 10-second slice of the schedule: a slow start (cold code) and periodic stalls look different.
        var slice = Math.Max(1, (int)Math.Round(results.Length / sendSeconds * 10));
        for (var from = 0; from < results.Length; from += slice)
        {
            var part = results.Skip(from).Take(slice).Select(r => r.Ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
            double At(double p) => part[Math.Clamp((int)Math.Ceiling(p * part.Length) - 1, 0, part.Length - 1)];
            report.AppendLine($"    votes {from + 1,6:N0}–{from + part.Length,-6:N0}  p50 {At(0.5),7:F1} ms   p99 {At(0.99),7:F1} ms   max {part[^1],7:F1} ms");
        }

        // The database must hold exactly the votes the server said it accepted, entry by entry (warm-up included).
        var expected = new Dictionary<int, int>();
        void Count(Result[] sent, (int Account, int Entry)[] planned)
        {
            for (var i = 0; i < sent.Length; i++)
                if (Ok(sent[i]) && sent[i].Outcome == "Recorded")
                    expected[entries[planned[i].Entry].Id] = expected.GetValueOrDefault(entries[planned[i].Entry].Id) + 1;
        }
        Count(results, plan);
        Count(warmUpResults, warmUpPlan);
        var warmUpAccepted = warmUpResults.Count(r => Ok(r) && r.Outcome == "Recorded");
        var warmUpBad = warmUpResults.Length - warmUpAccepted;
        var stored = new Dictionary<int, int>();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "contest.db")};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT EntryId, COUNT(*) FROM Votes WHERE VoidedAt IS NULL GROUP BY EntryId";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                stored[reader.GetInt32(0)] = reader.GetInt32(1);
        }
        var mismatches = expected.Keys.Union(stored.Keys)
            .Where(id => expected.GetValueOrDefault(id) != stored.GetValueOrDefault(id)).ToList();
        report.AppendLine($"  warm-up            {warmUpResults.Length,10:N0}   before the measured votes, not timed: {warmUpAccepted:N0} accepted, {warmUpBad:N0} refused or failed");
        report.AppendLine($"  stored votes       {stored.Values.Sum(),10:N0}   over {stored.Count} entries; accepted {accepted.Count + warmUpAccepted:N0} (warm-up included) → " +
                          (mismatches.Count == 0 ? "counts match exactly, entry by entry" :
                              $"MISMATCH on {mismatches.Count} entries: " + string.Join(", ", mismatches.Take(5).Select(id => $"#{id} stored {stored.GetValueOrDefault(id)} vs accepted {expected.GetValueOrDefault(id)}"))));
        var top = stored.OrderByDescending(p => p.Value).Take(3).Select(p => $"{entries.First(e => e.Id == p.Key).Code}: {p.Value:N0}");
        report.AppendLine($"  most voted         {string.Join(", ", top)}");

        // Every planned vote is valid (distinct account and entry, within the window, the cap and the rate
        // limits), so a refusal of any kind is an error of the run, not an outcome to report on the side.
        var refusalsTotal = refused.Sum(g => g.Count()) + unexplained;
        var errorsTotal = errors.Sum(g => g.Count()) + refusalsTotal + warmUpBad;
        var allAccepted = accepted.Count == plan.Length;
        var storedTotal = stored.Values.Sum();
        var exact = mismatches.Count == 0 && storedTotal == accepted.Count + warmUpAccepted;
        var p99 = Percentile(0.99);
        report.AppendLine($"  goals              0 errors (refusals included, {refusalsTotal:N0}): {(errorsTotal == 0 ? "yes" : "NO")}; " +
                          $"accepted = planned ({accepted.Count:N0}/{plan.Length:N0}): {(allAccepted ? "yes" : "NO")}; " +
                          $"stored = accepted ({storedTotal:N0}): {(exact ? "yes" : "NO")}; p99 ≤ 200 ms: {(p99 <= 200 ? "yes" : "NO")}");
        Console.Write(report);
        return errorsTotal == 0 && allAccepted && exact && p99 <= 200 ? 0 : 1;
    }

    // ---------------------------------------------------------------- HTTP helpers

    private static async Task<(string Body, HttpStatusCode Status)> GetAsync(HttpClient client, Account account, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (account.Cookies.Count > 0)
            request.Headers.Add("Cookie", account.CookieHeader);
        using var response = await client.SendAsync(request);
        Remember(account, response);
        return (await response.Content.ReadAsStringAsync(), response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Account account, string path, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", account.CookieHeader);
        var response = await client.SendAsync(request);
        Remember(account, response);
        return response;
    }

    private static void Remember(Account account, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
            return;
        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';', 2)[0];
            var equals = pair.IndexOf('=');
            if (equals <= 0)
                continue;
            var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
            if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                account.Cookies.Remove(name);
            else
                account.Cookies[name] = value;
        }
    }

    /// <summary>Name → value of the &lt;input&gt; elements in a piece of HTML (enough for the two forms used here).</summary>
    private static Dictionary<string, string> Inputs(string html)
    {
        var inputs = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            if (attributes.TryGetValue("name", out var name))
                inputs.TryAdd(name, attributes.GetValueOrDefault("value") ?? "");
        }
        return inputs;
    }

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"([\w.-]+)=""([^""]*)""")]
    private static partial Regex Attribute();

    private sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            var values = new Dictionary<string, string>();
            string? key = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                    key = arg[2..];
                else if (key is not null)
                {
                    values[key] = arg;
                    key = null;
                }
            }
            return new Options(values);
        }

        public string Required(string name) =>
            values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

        public int Int(string name, int fallback) =>
            values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
    }
}
