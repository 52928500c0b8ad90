using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace ContestPlatform.Web.Awards.Certificates;

/// <summary>
/// Gives PDFsharp the Noto Serif faces shipped in <c>assets/fonts</c> (SIL OFL, full Vietnamese coverage),
/// so certificates look the same on every machine and never depend on installed system fonts.
/// </summary>
/// <remarks>
/// PDFsharp keeps one font resolver per process (<see cref="GlobalFontSettings.FontResolver"/>), set before the
/// first font is used; <see cref="Install"/> sets it once and is safe to call from every renderer.
/// </remarks>
public sealed class CertificateFonts : IFontResolver
{
    /// <summary>The family name to ask PDFsharp for.</summary>
    public const string Family = "Noto Serif";

    private const string Regular = "NotoSerif-Regular";
    private const string Bold = "NotoSerif-Bold";
    private const string Italic = "NotoSerif-Italic";

    private static readonly Lock InstallLock = new();

    private readonly string _directory;
    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    private CertificateFonts(string directory)
    {
        foreach (var face in new[] { Regular, Bold, Italic })
        {
            var path = FacePath(directory, face);
            if (!File.Exists(path))
                throw new FileNotFoundException($"The certificate font {face}.ttf is missing from {directory}.", path);
        }
        _directory = directory;
    }

    /// <summary>
    /// Makes PDFsharp load its fonts from <paramref name="fontsDirectory"/> (which must hold
    /// NotoSerif-Regular/Bold/Italic.ttf). The first call wins; a later call with another directory keeps the
    /// first, since both ship the same files.
    /// </summary>
    /// <exception cref="FileNotFoundException">A font file is missing.</exception>
    /// <exception cref="InvalidOperationException">Another font resolver was installed in this process.</exception>
    public static void Install(string fontsDirectory)
    {
        lock (InstallLock)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case CertificateFonts:
                    return;
                case null:
                    GlobalFontSettings.FontResolver = new CertificateFonts(fontsDirectory);
                    return;
                case var other:
                    throw new InvalidOperationException(
                        $"PDFsharp already uses the font resolver {other.GetType().FullName}; certificates need {nameof(CertificateFonts)}.");
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
            return null;
        return (bold, italic) switch
        {
            (true, true) => new FontResolverInfo(Bold, XStyleSimulations.ItalicSimulation),
            (true, false) => new FontResolverInfo(Bold),
            (false, true) => new FontResolverInfo(Italic),
            _ => new FontResolverInfo(Regular),
        };
    }

    public byte[]? GetFont(string faceName) =>
        _faces.GetOrAdd(faceName, face => File.ReadAllBytes(FacePath(_directory, face)));

    private static string FacePath(string directory, string face) => Path.Combine(directory, face + ".ttf");
}
