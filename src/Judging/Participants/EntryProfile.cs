namespace ContestPlatform.Judging.Participants;

/// <summary>An entry as assignment and conflict rules see it: its category and who stands behind it.</summary>
public sealed class EntryProfile
{
    public EntryProfile(int id, string? category = null, Affiliation? affiliation = null)
    {
        if (id <= 0)
            throw new JudgingException("Mã công trình phải là số dương.");
        Id = id;
        Category = category?.Trim() ?? "";
        Affiliation = affiliation ?? Affiliation.None;
    }

    public int Id { get; }

    /// <summary>The category (lĩnh vực); empty when not set.</summary>
    public string Category { get; }

    /// <summary>Organisations, tax codes and communes of the entrant and of all authors.</summary>
    public Affiliation Affiliation { get; }
}
