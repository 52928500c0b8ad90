using Microsoft.Playwright;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>
/// One Debian Chromium for the whole collection (a launch costs ~1.3 s). Playwright's own browser
/// download is never used: nothing can be downloaded on the build machines.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public SiteServer Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with `apt-get install -y chromium` (the test script does).");
        Site = new SiteServer();
        // Waits, not speed checks: a busy CI machine must not fail a journey that works.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser profile sized like a 360×740 phone, in Vietnamese, on the shared site or <paramref name="site"/>.</summary>
    public Task<IBrowserContext> NewPhoneAsync(SiteServer? site = null) => NewContextAsync(Screen.Phone, site);

    /// <summary>A fresh browser profile on an office laptop (1366×768), in Vietnamese, as the secretariat works.</summary>
    public Task<IBrowserContext> NewDesktopAsync(SiteServer? site = null) => NewContextAsync(Screen.Laptop, site);

    /// <summary>
    /// A fresh browser profile of the given size, in Vietnamese, for <paramref name="site"/> — by default the
    /// collection's shared site; a journey that changes time or data for everyone brings its own.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(Screen screen, SiteServer? site = null) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = (site ?? Site).BaseUrl,
        ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
        DeviceScaleFactor = 1,
        IsMobile = screen.IsMobile,
        HasTouch = screen.IsMobile,
        Locale = "vi-VN",
        TimezoneId = "Asia/Ho_Chi_Minh",
        AcceptDownloads = true,
    });

    /// <summary>A fresh browser profile on an office screen, as the secretariat works, in Vietnamese.</summary>
    public Task<IBrowserContext> NewDesktopAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = Site.BaseUrl,
        ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        DeviceScaleFactor = 1,
        Locale = "vi-VN",
        TimezoneId = "Asia/Ho_Chi_Minh",
    });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Site.Dispose();
    }
}

/// <summary>The screens the journeys use: the phone most citizens have, a judge's laptop, the secretariat's desktop.</summary>
public sealed record Screen(int Width, int Height, bool IsMobile = false)
{
    public static readonly Screen Phone = new(360, 740, IsMobile: true);
    public static readonly Screen Laptop = new(1366, 768);
    public static readonly Screen Desktop = new(1440, 900);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
