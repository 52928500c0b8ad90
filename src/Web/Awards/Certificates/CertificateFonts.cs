using System.Collections.Concurrent;
using SkiaSharp;

namespace ContestPlatform.Web.Awards.Certificates;

/// <summary>
/// The Noto Serif faces shipped in <c>assets/fonts</c> (SIL OFL, full Vietnamese coverage), loaded from
/// those files so certificates look the same on every machine and never depend on installed system fonts.
/// Loaded once per directory; typefaces are immutable and shared by concurrent renders.
/// </summary>
internal sealed class CertificateFonts
{
    private static readonly ConcurrentDictionary<string, CertificateFonts> Loaded = new();

    private CertificateFonts(string directory)
    {
        Regular = Load(directory, "NotoSerif-Regular");
        Bold = Load(directory, "NotoSerif-Bold");
        Italic = Load(directory, "NotoSerif-Italic");
    }

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }
    public SKTypeface Italic { get; }

    /// <exception cref="FileNotFoundException">A font file is missing or is not a font.</exception>
    public static CertificateFonts From(string fontsDirectory) =>
        Loaded.GetOrAdd(Path.GetFullPath(fontsDirectory), d => new CertificateFonts(d));

    private static SKTypeface Load(string directory, string face)
    {
        var path = Path.Combine(directory, face + ".ttf");
        return (File.Exists(path) ? SKTypeface.FromFile(path) : null)
               ?? throw new FileNotFoundException($"The certificate font {face}.ttf is missing from {directory} (or is not a font).", path);
    }
}
