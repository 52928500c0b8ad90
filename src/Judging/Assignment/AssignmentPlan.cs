namespace ContestPlatform.Judging.Assignment;

/// <summary>The outcome of an assignment run: who scores what, what changed, and what could not be done.</summary>
public sealed class AssignmentPlan
{
    private readonly Dictionary<int, List<int>> judgesByEntry;

    internal AssignmentPlan(
        IEnumerable<JudgeAssignment> assignments,
        IEnumerable<JudgeAssignment> added,
        IEnumerable<RemovedAssignment> removed,
        IEnumerable<Shortfall> shortfalls,
        IEnumerable<int> judgeIds)
    {
        Assignments = Sorted(assignments);
        Added = Sorted(added);
        Removed = removed.OrderBy(r => r.Assignment.EntryId).ThenBy(r => r.Assignment.JudgeId).ToList().AsReadOnly();
        Shortfalls = shortfalls.OrderBy(s => s.EntryId).ToList().AsReadOnly();
        var loads = judgeIds.ToDictionary(id => id, _ => 0);
        judgesByEntry = [];
        foreach (var a in Assignments)
        {
            loads[a.JudgeId]++;
            if (!judgesByEntry.TryGetValue(a.EntryId, out var judges))
                judgesByEntry[a.EntryId] = judges = [];
            judges.Add(a.JudgeId);
        }
        Loads = loads;
    }

    /// <summary>Every assignment after the run (kept and added), by entry then judge.</summary>
    public IReadOnlyList<JudgeAssignment> Assignments { get; }

    /// <summary>Assignments this run created.</summary>
    public IReadOnlyList<JudgeAssignment> Added { get; }

    /// <summary>Existing assignments dropped because of a conflict of interest, with the reasons.</summary>
    public IReadOnlyList<RemovedAssignment> Removed { get; }

    /// <summary>Entries left with fewer judges than required.</summary>
    public IReadOnlyList<Shortfall> Shortfalls { get; }

    /// <summary>Number of entries per judge, including judges with none.</summary>
    public IReadOnlyDictionary<int, int> Loads { get; }

    public IReadOnlyList<int> JudgesOf(int entryId) =>
        judgesByEntry.TryGetValue(entryId, out var judges) ? judges.AsReadOnly() : [];

    private static IReadOnlyList<JudgeAssignment> Sorted(IEnumerable<JudgeAssignment> assignments) =>
        assignments.OrderBy(a => a.EntryId).ThenBy(a => a.JudgeId).ToList().AsReadOnly();
}
