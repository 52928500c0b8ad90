namespace ContestPlatform.Web.Entries;

/// <summary>
/// The 92 commune-level units of Thái Nguyên from 01/07/2025 (Nghị quyết 1683/NQ-UBTVQH15), read from
/// <c>assets/communes</c>. Entries and entrant profiles must name one of them.
/// </summary>
public sealed class Communes
{
    public Communes(string assetsDirectory)
    {
        var file = Directory.EnumerateFiles(Path.Combine(assetsDirectory, "communes"), "*.txt").Order().Last();
        All = File.ReadAllLines(file)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
    }

    public IReadOnlyList<string> All { get; }

    public bool Contains(string? name) => name is not null && All.Contains(name.Trim(), StringComparer.Ordinal);
}
