using ContestPlatform.Judging.Conflicts;
using ContestPlatform.Judging.Participants;

namespace ContestPlatform.Judging.Assignment;

/// <summary>
/// Automatic assignment of judges to entries. Rules, in priority order:
/// never a conflicted judge; every entry gets k judges when enough are free of conflicts (otherwise a
/// <see cref="Shortfall"/>); loads as even as the conflicts allow (max − min ≤ 1 whenever possible);
/// then as many category experts as possible; remaining ties broken by <see cref="AssignmentOptions.Seed"/>.
/// </summary>
public static class JudgeAssigner
{
    /// <summary>
    /// Fills every entry up to k judges. Existing assignments (e.g. made by hand) are kept and count towards
    /// loads, except those now conflicted, which are removed and reported.
    /// </summary>
    public static AssignmentPlan Assign(
        IReadOnlyList<EntryProfile> entries,
        IReadOnlyList<JudgeProfile> judges,
        AssignmentOptions? options = null,
        IEnumerable<JudgeAssignment>? existing = null) =>
        Run(entries, judges, options ?? AssignmentOptions.Default, existing ?? [], onlyEntry: null);

    /// <summary>
    /// After a judge declares a conflict (or a judge leaves): drops the entry's conflicted assignments and tops it
    /// up to k with the least-loaded eligible judges. Every other assignment stays exactly as it is, since those
    /// judges may have started scoring.
    /// </summary>
    public static AssignmentPlan Reassign(
        int entryId,
        IReadOnlyList<EntryProfile> entries,
        IReadOnlyList<JudgeProfile> judges,
        IEnumerable<JudgeAssignment> existing,
        AssignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!entries.Any(e => e?.Id == entryId))
            throw new JudgingException($"Không có công trình {entryId} trong danh sách cần phân công.");
        return Run(entries, judges, options ?? AssignmentOptions.Default, existing, onlyEntry: entryId);
    }

    private static AssignmentPlan Run(
        IReadOnlyList<EntryProfile> entries,
        IReadOnlyList<JudgeProfile> judges,
        AssignmentOptions options,
        IEnumerable<JudgeAssignment> existing,
        int? onlyEntry)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(judges);
        ArgumentNullException.ThrowIfNull(existing);
        var entryById = UniqueById(entries, e => e.Id, id => $"Công trình {id} xuất hiện hai lần trong danh sách phân công.");
        var judgeById = UniqueById(judges, j => j.Id, id => $"Giám khảo {id} xuất hiện hai lần trong danh sách phân công.");

        var kept = new HashSet<JudgeAssignment>();
        var removed = new List<RemovedAssignment>();
        foreach (var assignment in existing.Distinct())
        {
            if (assignment is null)
                continue;
            if (!entryById.TryGetValue(assignment.EntryId, out var entry))
                throw new JudgingException($"Phân công có sẵn nhắc tới công trình {assignment.EntryId} không có trong danh sách.");
            if (!judgeById.TryGetValue(assignment.JudgeId, out var judge))
                throw new JudgingException($"Phân công có sẵn nhắc tới giám khảo {assignment.JudgeId} không có trong danh sách.");
            var mayChange = onlyEntry is null || onlyEntry == assignment.EntryId;
            var conflicts = mayChange ? ConflictRules.Find(judge, entry) : [];
            if (conflicts.Count > 0)
                removed.Add(new RemovedAssignment(assignment, conflicts));
            else
                kept.Add(assignment);
        }

        var solver = new BalancedAssignmentSolver(entries, judges, kept, options, onlyEntry);
        var added = solver.Solve();

        var all = kept.Concat(added).ToList();
        var countByEntry = all.GroupBy(a => a.EntryId).ToDictionary(g => g.Key, g => g.Count());
        var shortfalls = entries
            .Where(e => onlyEntry is null || e.Id == onlyEntry)
            .Select(e => new Shortfall(e.Id, countByEntry.GetValueOrDefault(e.Id), options.JudgesPerEntry))
            .Where(s => s.Assigned < s.Required);
        return new AssignmentPlan(all, added, removed, shortfalls, judges.Select(j => j.Id));
    }

    private static Dictionary<int, T> UniqueById<T>(IReadOnlyList<T> items, Func<T, int> id, Func<int, string> duplicateMessage)
    {
        var byId = new Dictionary<int, T>(items.Count);
        foreach (var item in items)
        {
            if (item is null)
                throw new JudgingException("Danh sách phân công có phần tử trống.");
            if (!byId.TryAdd(id(item), item))
                throw new JudgingException(duplicateMessage(id(item)));
        }
        return byId;
    }
}
