namespace ContestPlatform.Judging.Conflicts;

public enum ConflictReason
{
    /// <summary>The judge declared the conflict.</summary>
    Declared = 0,

    /// <summary>The judge works for an organisation of the entrant or of an author.</summary>
    SameOrganisation = 1,

    /// <summary>The judge's tax code matches one of the entry's.</summary>
    SameTaxCode = 2,

    /// <summary>The judge lives or works in a commune of the entrant or of an author.</summary>
    SameCommune = 3,
}
