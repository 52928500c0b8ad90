using ContestPlatform.Judging.Participants;

namespace ContestPlatform.Judging.Conflicts;

/// <summary>
/// Detects conflicts of interest. Organisation and commune names are compared trimmed and ignoring case
/// and Vietnamese diacritics ("Sở Y tế" ≡ "SO Y TE"); tax codes by their digits only.
/// </summary>
public static class ConflictRules
{
    /// <summary>Every reason the judge is conflicted with the entry, in <see cref="ConflictReason"/> order; empty when none.</summary>
    public static IReadOnlyList<Conflict> Find(JudgeProfile judge, EntryProfile entry)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(entry);

        var conflicts = new List<Conflict>(0);
        var mine = judge.Affiliation;
        var theirs = entry.Affiliation;
        if (judge.DeclaredConflicts.Contains(entry.Id))
            conflicts.Add(new Conflict(ConflictReason.Declared));
        if (mine.OrganisationKeys.Overlaps(theirs.OrganisationKeys))
            conflicts.Add(new Conflict(ConflictReason.SameOrganisation));
        if (mine.TaxCodeKeys.Overlaps(theirs.TaxCodeKeys))
            conflicts.Add(new Conflict(ConflictReason.SameTaxCode));
        if (mine.CommuneKeys.Overlaps(theirs.CommuneKeys))
            conflicts.Add(new Conflict(ConflictReason.SameCommune));
        return conflicts;
    }

    public static bool IsConflicted(JudgeProfile judge, EntryProfile entry)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(entry);
        // Same checks as Find without building the list: assignment asks this for every judge × entry pair.
        var mine = judge.Affiliation;
        var theirs = entry.Affiliation;
        return judge.DeclaredConflicts.Contains(entry.Id)
            || mine.OrganisationKeys.Overlaps(theirs.OrganisationKeys)
            || mine.TaxCodeKeys.Overlaps(theirs.TaxCodeKeys)
            || mine.CommuneKeys.Overlaps(theirs.CommuneKeys);
    }
}
