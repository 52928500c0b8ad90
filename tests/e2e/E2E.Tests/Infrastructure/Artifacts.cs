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
        if (fullPage)
            await LoadLazyImagesAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = fullPage });
    }

    /// <summary>
    /// A full-page capture does not scroll, so images with loading="lazy" below the first screen would show as
    /// empty boxes: scroll through the page as a reader would, wait for the images, and go back to the top.
    /// </summary>
    private static Task LoadLazyImagesAsync(IPage page) => page.EvaluateAsync("""
        async () => {
          const lazy = [...document.images].filter(img => img.loading === 'lazy');
          if (lazy.length === 0) return;
          const start = window.scrollY;
          for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
            window.scrollTo(0, y);
            await new Promise(resolve => requestAnimationFrame(resolve));
          }
          await Promise.race([
            Promise.all(lazy.map(img => img.decode().catch(() => {}))),
            new Promise(resolve => setTimeout(resolve, 10000)),
          ]);
          window.scrollTo(0, start);
        }
        """);

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
