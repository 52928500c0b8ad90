using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Cli;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>
/// The real app on a loopback port for a real browser, over a data directory of its own. Its clock runs
/// at real speed but starts on 01/03/2025 10:00 Vietnam time, inside the seeded submission window, unless
/// a journey that needs another phase (the vote window) gives its own starting instant.
/// </summary>
public sealed class SiteServer : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 3, 0, 0, TimeSpan.Zero);

    /// <param name="dataDirectory">An existing data directory (from <see cref="NewDataDirectory"/>), kept when the site is
    /// disposed, so a journey can restart the site over the same data; by default one of its own, removed afterwards.</param>
    /// <param name="port">The loopback port (a restarted site takes its predecessor's, so open pages find it again); 0 for any.</param>
    public SiteServer(DateTimeOffset? start = null, string? dataDirectory = null, int port = 0)
    {
        // Before StartServer: the host takes the clock while it is built.
        Clock = new ShiftedClock(start ?? Start);
        _ownsData = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewDataDirectory();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.Single().TrimEnd('/');
    }

    private readonly bool _ownsData;

    public static string NewDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cp-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public int Port => new Uri(BaseUrl).Port;

    public string DataDirectory { get; }
    public string BaseUrl { get; }
    public ShiftedClock Clock { get; }
    public MailBox Mail => new(Path.Combine(DataDirectory, "mail"));

    /// <summary>The smallest chunk the upload API accepts (64 KB).</summary>
    public const int UploadChunkBytes = 64 * 1024;

    /// <summary>A confirmed staff account, made by the code path of the <c>users add</c> command (staff do not self-register).</summary>
    public async Task CreateUserAsync(string email, string password, string fullName, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var output = new StringWriter();
        var exit = await UsersCommand.AddAsync(users, Clock, email, password, [role], fullName, output, output);
        if (exit != 0)
            throw new InvalidOperationException($"users add {email} failed: {output}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Directory", DataDirectory);
        // Small chunks, so a phone-sized file goes up in several pieces and the progress bar has steps to show.
        builder.UseSetting("Uploads:ChunkBytes", UploadChunkBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsData)
            DeleteDataDirectory(DataDirectory);
    }

    public static void DeleteDataDirectory(string directory)
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Real time moved to a chosen starting instant, so cookies and tokens age normally.</summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
