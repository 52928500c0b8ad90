namespace ContestPlatform.Judging.Participants;

/// <summary>
/// Where a person or entrant belongs: organisations, tax codes and communes. An entry lists those of the
/// entrant and of every author, so one judge can be matched against all of them.
/// </summary>
public sealed class Affiliation
{
    public static readonly Affiliation None = new([], [], []);

    public Affiliation(IEnumerable<string?> organisations, IEnumerable<string?> taxCodes, IEnumerable<string?> communes)
    {
        Organisations = Clean(organisations);
        TaxCodes = Clean(taxCodes);
        Communes = Clean(communes);
        OrganisationKeys = Keys(Organisations, TextKey.Normalize);
        TaxCodeKeys = Keys(TaxCodes, TextKey.Digits);
        CommuneKeys = Keys(Communes, TextKey.Normalize);
    }

    /// <summary>A single organisation, tax code and commune; any of them may be missing.</summary>
    public static Affiliation Of(string? organisation = null, string? taxCode = null, string? commune = null) =>
        new([organisation], [taxCode], [commune]);

    public IReadOnlyList<string> Organisations { get; }
    public IReadOnlyList<string> TaxCodes { get; }

    /// <summary>Commune codes or names from the reference list; compared like organisation names.</summary>
    public IReadOnlyList<string> Communes { get; }

    internal IReadOnlySet<string> OrganisationKeys { get; }
    internal IReadOnlySet<string> TaxCodeKeys { get; }
    internal IReadOnlySet<string> CommuneKeys { get; }

    private static IReadOnlyList<string> Clean(IEnumerable<string?>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList().AsReadOnly();

    // Empty keys are dropped: two blank tax codes must never count as "the same tax code".
    private static HashSet<string> Keys(IEnumerable<string> values, Func<string, string> key) =>
        values.Select(key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
}
