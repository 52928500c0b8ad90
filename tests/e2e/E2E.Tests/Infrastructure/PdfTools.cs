using System.Diagnostics;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>poppler's pdftoppm and zbar's zbarimg (both installed by the test script), to look at a PDF as a person would.</summary>
public static class PdfTools
{
    /// <summary>Renders the first page to <paramref name="pngWithoutExtension"/>.png and returns its path.</summary>
    public static async Task<string> RenderFirstPageAsync(string pdf, string pngWithoutExtension, int dpi)
    {
        await RunAsync("pdftoppm", "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, pngWithoutExtension);
        return pngWithoutExtension + ".png";
    }

    /// <summary>The text of the one QR code in the picture.</summary>
    public static async Task<string> ReadQrAsync(string png) =>
        (await RunAsync("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png)).Trim();

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
