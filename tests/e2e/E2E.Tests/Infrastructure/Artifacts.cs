using Microsoft.Playwright;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>Screenshots go to artifacts/e2e at the repository root (or E2E_ARTIFACTS), to be looked at.</summary>
public static class Artifacts
{
    public static string Directory { get; } = Locate();

    /// <param name="fullPage">False for very long documents (the rules run to 20,000 px): the first screen is what to review.</param>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = fullPage });
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("E2E_ARTIFACTS");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContestPlatform.sln")))
                return Path.Combine(dir.FullName, "artifacts", "e2e");
        return Path.Combine(AppContext.BaseDirectory, "artifacts", "e2e");
    }
}
