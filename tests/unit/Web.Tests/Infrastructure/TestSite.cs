using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ContestPlatform.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory over a SQLite file and data directory of its own, with a clock the test moves.
/// Start time 01/03/2025 10:00 Vietnam time falls inside the seeded submission window.
/// </summary>
public class TestSite : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 3, 0, 0, TimeSpan.Zero);

    public TestSite()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "cp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    /// <summary>A site over an existing data directory (e.g. one the command line has just written to).</summary>
    public static TestSite Over(string dataDirectory) => new(dataDirectory, existing: true);

    private TestSite(string dataDirectory, bool existing)
    {
        _ = existing;
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public string MailDirectory => Path.Combine(DataDirectory, "mail");
    public MailBox Mail => new(MailDirectory);

    /// <summary>Extra configuration, set before the first request starts the app.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Directory", DataDirectory);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    public Browser NewBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    public async Task<AppUser> CreateUserAsync(string email, string password = "MatKhau123", params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Người Thử", CreatedAt = Time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user;
    }

    /// <summary>A browser already signed in as a new account holding the given roles.</summary>
    public async Task<Browser> SignedInAsync(params string[] roles)
    {
        var email = $"u{Guid.NewGuid():N}@example.vn";
        await CreateUserAsync(email, "MatKhau123", roles);
        var browser = NewBrowser();
        var response = await browser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = "MatKhau123" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Runs a query against the site's own database.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
