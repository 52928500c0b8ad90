namespace ContestPlatform.Judging.Participants;

/// <summary>A member of the council as assignment and conflict rules see them.</summary>
public sealed class JudgeProfile
{
    public JudgeProfile(
        int id,
        Affiliation? affiliation = null,
        IEnumerable<string>? expertCategories = null,
        IEnumerable<int>? declaredConflicts = null)
    {
        if (id <= 0)
            throw new JudgingException("Mã giám khảo phải là số dương.");
        Id = id;
        Affiliation = affiliation ?? Affiliation.None;
        ExpertCategories = (expertCategories ?? [])
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c.Trim())
            .ToHashSet(StringComparer.Ordinal);
        CategoryKeys = ExpertCategories.Select(TextKey.Normalize).ToHashSet(StringComparer.Ordinal);
        DeclaredConflicts = (declaredConflicts ?? []).ToHashSet();
    }

    public int Id { get; }
    public Affiliation Affiliation { get; }

    /// <summary>Categories (lĩnh vực) the judge is an expert in; preferred for entries of those categories.</summary>
    public IReadOnlySet<string> ExpertCategories { get; }

    /// <summary>Entries the judge has declared a conflict of interest with.</summary>
    public IReadOnlySet<int> DeclaredConflicts { get; }

    internal IReadOnlySet<string> CategoryKeys { get; }

    /// <summary>Whether the judge is an expert in the category, ignoring case and diacritics.</summary>
    public bool IsExpertIn(string? category) =>
        !string.IsNullOrWhiteSpace(category) && CategoryKeys.Contains(TextKey.Normalize(category));

    /// <summary>The same judge with one more declared conflict, as after a declaration during judging.</summary>
    public JudgeProfile WithDeclaredConflict(int entryId) =>
        new(Id, Affiliation, ExpertCategories, DeclaredConflicts.Append(entryId));
}
