using ContestPlatform.Judging.Conflicts;
using ContestPlatform.Judging.Participants;

namespace ContestPlatform.Judging.Assignment;

/// <summary>
/// Min-cost flow, source → entry (capacity: judges still needed) → judge (capacity 1, only if not conflicted)
/// → sink. The judge → sink arc is convex: the next unit costs W × current load, so a min-cost flow minimises
/// Σ load², which on this structure (a polymatroid) also minimises max load and maximises min load.
/// A non-expert arc costs 1 more than an expert one; W exceeds the sum of those penalties, so expertise only
/// decides among equally balanced solutions. Solved by successive shortest paths (SPFA, since undoing an
/// expert arc has negative cost). Judges and candidate lists are shuffled with the seed first, so ties
/// between equally good choices fall differently per seed but identically for the same seed.
/// Cost: one path search per missing seat, each O(entries × judges) — fine for a provincial contest's
/// hundreds of entries and tens of judges.
/// </summary>
internal sealed class BalancedAssignmentSolver
{
    private readonly int entryCount;
    private readonly int judgeCount;
    private readonly int[] entryIds;
    private readonly int[] judgeIds;
    private readonly int[][] candidates;     // per entry: eligible judge indices not already on it, shuffled
    private readonly bool[] expert;          // [entry * judgeCount + judge]
    private readonly bool[] added;           // [entry * judgeCount + judge], only this run's assignments
    private readonly List<int>[] addedEntriesOf; // per judge: entries added to them in this run
    private readonly int[] load;
    private readonly int[] missing;
    private readonly long loadWeight;

    public BalancedAssignmentSolver(
        IReadOnlyList<EntryProfile> entries,
        IReadOnlyList<JudgeProfile> judges,
        IReadOnlySet<JudgeAssignment> kept,
        AssignmentOptions options,
        int? onlyEntry)
    {
        var random = new Random(options.Seed);
        var shuffledJudges = judges.OrderBy(j => j.Id).ToArray();
        random.Shuffle(shuffledJudges);
        entryCount = entries.Count;
        judgeCount = shuffledJudges.Length;
        entryIds = entries.Select(e => e.Id).ToArray();
        judgeIds = shuffledJudges.Select(j => j.Id).ToArray();
        var judgeIndex = new Dictionary<int, int>(judgeCount);
        for (var j = 0; j < judgeCount; j++)
            judgeIndex[judgeIds[j]] = j;
        var entryIndex = new Dictionary<int, int>(entryCount);
        for (var e = 0; e < entryCount; e++)
            entryIndex[entryIds[e]] = e;

        load = new int[judgeCount];
        var onEntry = new bool[entryCount * judgeCount];
        var keptCount = new int[entryCount];
        foreach (var a in kept)
        {
            var e = entryIndex[a.EntryId];
            var j = judgeIndex[a.JudgeId];
            onEntry[e * judgeCount + j] = true;
            load[j]++;
            keptCount[e]++;
        }

        expert = new bool[entryCount * judgeCount];
        added = new bool[entryCount * judgeCount];
        addedEntriesOf = new List<int>[judgeCount];
        for (var j = 0; j < judgeCount; j++)
            addedEntriesOf[j] = [];
        candidates = new int[entryCount][];
        missing = new int[entryCount];
        var eligible = new List<int>(judgeCount);
        for (var e = 0; e < entryCount; e++)
        {
            var entry = entries[e];
            eligible.Clear();
            if (onlyEntry is null || entry.Id == onlyEntry)
            {
                for (var j = 0; j < judgeCount; j++)
                {
                    if (onEntry[e * judgeCount + j] || ConflictRules.IsConflicted(shuffledJudges[j], entry))
                        continue;
                    eligible.Add(j);
                    expert[e * judgeCount + j] = shuffledJudges[j].IsExpertIn(entry.Category);
                }
            }
            var list = eligible.ToArray();
            random.Shuffle(list);
            candidates[e] = list;
            missing[e] = Math.Clamp(options.JudgesPerEntry - keptCount[e], 0, list.Length);
        }
        loadWeight = missing.Sum(m => (long)m) + 1;
    }

    public List<JudgeAssignment> Solve()
    {
        var nodes = entryCount + judgeCount;
        var distance = new long[nodes];
        var parent = new int[nodes];
        var queued = new bool[nodes];
        var queue = new Queue<int>(nodes);
        var remaining = missing.Sum();
        while (remaining > 0)
        {
            FindShortestPaths(distance, parent, queued, queue);
            Augment(distance, parent);
            remaining--;
        }

        var result = new List<JudgeAssignment>();
        for (var e = 0; e < entryCount; e++)
        {
            for (var j = 0; j < judgeCount; j++)
            {
                if (added[e * judgeCount + j])
                    result.Add(new JudgeAssignment(entryIds[e], judgeIds[j]));
            }
        }
        return result;
    }

    // Nodes 0..entryCount-1 are entries, entryCount.. are judges. Every entry that still misses judges is a
    // source at distance 0.
    private void FindShortestPaths(long[] distance, int[] parent, bool[] queued, Queue<int> queue)
    {
        Array.Fill(distance, long.MaxValue);
        Array.Fill(parent, -1);
        for (var e = 0; e < entryCount; e++)
        {
            if (missing[e] > 0)
            {
                distance[e] = 0;
                queue.Enqueue(e);
                queued[e] = true;
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            queued[node] = false;
            if (node < entryCount)
            {
                // Entry → judge: give the entry to a judge not yet on it.
                foreach (var j in candidates[node])
                {
                    var cell = node * judgeCount + j;
                    if (added[cell])
                        continue;
                    Relax(node, entryCount + j, distance[node] + ArcCost(cell), distance, parent, queued, queue);
                }
            }
            else
            {
                // Judge → entry: take back an entry given earlier in this run, so another judge can have it.
                var j = node - entryCount;
                foreach (var e in addedEntriesOf[j])
                    Relax(node, e, distance[node] - ArcCost(e * judgeCount + j), distance, parent, queued, queue);
            }
        }
    }

    private static void Relax(int from, int to, long candidate, long[] distance, int[] parent, bool[] queued, Queue<int> queue)
    {
        if (candidate >= distance[to])
            return;
        distance[to] = candidate;
        parent[to] = from;
        if (!queued[to])
        {
            queue.Enqueue(to);
            queued[to] = true;
        }
    }

    private void Augment(long[] distance, int[] parent)
    {
        var best = -1;
        var bestCost = long.MaxValue;
        for (var j = 0; j < judgeCount; j++)
        {
            var d = distance[entryCount + j];
            if (d == long.MaxValue)
                continue;
            var cost = d + loadWeight * load[j];
            if (cost < bestCost)
            {
                bestCost = cost;
                best = j;
            }
        }
        if (best < 0)
            throw new InvalidOperationException("No augmenting path although an entry still misses judges.");

        load[best]++;
        var judgeNode = entryCount + best;
        while (true)
        {
            var e = parent[judgeNode];
            var j = judgeNode - entryCount;
            added[e * judgeCount + j] = true;
            addedEntriesOf[j].Add(e);
            var previousJudgeNode = parent[e];
            if (previousJudgeNode < 0)
            {
                missing[e]--;
                return;
            }
            var previous = previousJudgeNode - entryCount;
            added[e * judgeCount + previous] = false;
            addedEntriesOf[previous].Remove(e);
            judgeNode = previousJudgeNode;
        }
    }

    private long ArcCost(int cell) => expert[cell] ? 0 : 1;
}
