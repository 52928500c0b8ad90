using ContestPlatform.Judging.Assignment;
using ContestPlatform.Judging.Conflicts;
using ContestPlatform.Judging.Participants;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Assignment;

public class JudgeAssignerPropertyTests
{
    private const int Seeds = 200;

    private static (List<EntryProfile> Entries, List<JudgeProfile> Judges, AssignmentOptions Options) Instance(int seed)
    {
        var random = new Random(seed);
        var (entries, judges) = Pools.Random(seed, entries: random.Next(1, 40), judges: random.Next(3, 12));
        return (entries, judges, new AssignmentOptions(judgesPerEntry: random.Next(1, 5), seed: seed));
    }

    private static int EligibleCount(EntryProfile entry, IEnumerable<JudgeProfile> judges) =>
        judges.Count(j => !ConflictRules.IsConflicted(j, entry));

    [Fact]
    public void No_assignment_is_ever_conflicted()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (entries, judges, options) = Instance(seed);
            var plan = JudgeAssigner.Assign(entries, judges, options);
            var entryById = entries.ToDictionary(e => e.Id);
            var judgeById = judges.ToDictionary(j => j.Id);
            Assert.All(plan.Assignments, a => Assert.False(ConflictRules.IsConflicted(judgeById[a.JudgeId], entryById[a.EntryId])));
        }
    }

    [Fact]
    public void Every_entry_gets_k_judges_when_enough_are_free_and_is_reported_otherwise()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (entries, judges, options) = Instance(seed);
            var plan = JudgeAssigner.Assign(entries, judges, options);
            foreach (var entry in entries)
            {
                var expected = Math.Min(options.JudgesPerEntry, EligibleCount(entry, judges));
                Assert.Equal(expected, plan.JudgesOf(entry.Id).Distinct().Count());
                Assert.Equal(expected < options.JudgesPerEntry, plan.Shortfalls.Any(s => s.EntryId == entry.Id));
            }
        }
    }

    [Fact]
    public void Loads_differ_by_at_most_one_when_judges_have_a_choice()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (entries, judges, options) = Instance(seed);
            if (judges.Count < options.JudgesPerEntry + 2)
                continue; // with k close to the pool size the conflicts alone fix the loads
            var loads = JudgeAssigner.Assign(entries, judges, options).Loads.Values;
            Assert.True(loads.Max() - loads.Min() <= 1, $"seed {seed}: loads {string.Join(",", loads)}");
        }
    }

    [Fact]
    public void No_entry_can_move_from_a_busier_judge_to_one_with_two_fewer()
    {
        // The optimality certificate, checked independently: no chain of swaps a → … → b, each handing an
        // entry to an eligible judge not yet on it, from a judge a to a judge b with load(b) ≤ load(a) − 2.
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (entries, judges, options) = Instance(seed);
            var plan = JudgeAssigner.Assign(entries, judges, options);
            var canTakeFrom = judges.ToDictionary(j => j.Id, _ => new HashSet<int>());
            foreach (var a in plan.Assignments)
            {
                var entry = entries.Single(e => e.Id == a.EntryId);
                foreach (var other in judges)
                {
                    if (!plan.JudgesOf(entry.Id).Contains(other.Id) && !ConflictRules.IsConflicted(other, entry))
                        canTakeFrom[a.JudgeId].Add(other.Id);
                }
            }
            foreach (var start in judges)
            {
                var reachable = new HashSet<int> { start.Id };
                var queue = new Queue<int>([start.Id]);
                while (queue.Count > 0)
                {
                    foreach (var next in canTakeFrom[queue.Dequeue()])
                    {
                        if (reachable.Add(next))
                            queue.Enqueue(next);
                    }
                }
                Assert.All(reachable, id => Assert.True(plan.Loads[id] >= plan.Loads[start.Id] - 1, $"seed {seed}"));
            }
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_plan()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (entries, judges, options) = Instance(seed);
            Assert.Equal(
                JudgeAssigner.Assign(entries, judges, options).Assignments,
                JudgeAssigner.Assign(entries, judges, options).Assignments);
        }
    }

    [Fact]
    public void Existing_assignments_without_conflict_are_always_kept()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (entries, judges, options) = Instance(seed);
            var random = new Random(seed);
            var existing = entries
                .SelectMany(e => judges.Where(_ => random.NextDouble() < 0.15).Select(j => new JudgeAssignment(e.Id, j.Id)))
                .ToList();
            var entryById = entries.ToDictionary(e => e.Id);
            var judgeById = judges.ToDictionary(j => j.Id);

            var plan = JudgeAssigner.Assign(entries, judges, options, existing);

            foreach (var assignment in existing)
            {
                var conflicted = ConflictRules.IsConflicted(judgeById[assignment.JudgeId], entryById[assignment.EntryId]);
                Assert.Equal(!conflicted, plan.Assignments.Contains(assignment));
                Assert.Equal(conflicted, plan.Removed.Any(r => r.Assignment == assignment));
            }
            Assert.All(plan.Added, a => Assert.DoesNotContain(a, existing));
        }
    }

    [Fact]
    public void Reassigning_one_entry_leaves_every_other_entry_alone()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var (entries, judges, options) = Instance(seed);
            var first = JudgeAssigner.Assign(entries, judges, options);
            var target = entries[seed % entries.Count];
            var onTarget = first.JudgesOf(target.Id);
            if (onTarget.Count == 0)
                continue;
            var leaving = onTarget[0];
            var updated = judges.Select(j => j.Id == leaving ? j.WithDeclaredConflict(target.Id) : j).ToList();

            var plan = JudgeAssigner.Reassign(target.Id, entries, updated, first.Assignments, options);

            Assert.DoesNotContain(leaving, plan.JudgesOf(target.Id));
            Assert.Equal(Math.Min(options.JudgesPerEntry, EligibleCount(target, updated)), plan.JudgesOf(target.Id).Count);
            Assert.Equal(
                first.Assignments.Where(a => a.EntryId != target.Id),
                plan.Assignments.Where(a => a.EntryId != target.Id));
        }
    }

    [Fact]
    public void Plan_is_as_balanced_and_expert_as_an_exhaustive_search_finds()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var (entries, judges) = Pools.Random(seed, entries: random.Next(1, 5), judges: random.Next(2, 5), declaredRate: 0.3);
            var options = new AssignmentOptions(judgesPerEntry: random.Next(1, 3), seed: seed);

            var plan = JudgeAssigner.Assign(entries, judges, options);
            var best = ExhaustiveSearch.Best(entries, judges, options.JudgesPerEntry);

            var loads = plan.Loads.Values.ToList();
            Assert.Equal(best.SquaredLoads, loads.Sum(l => l * l));
            Assert.Equal(best.Spread, loads.Max() - loads.Min());
            var experts = plan.Assignments.Count(a =>
                judges.Single(j => j.Id == a.JudgeId).IsExpertIn(entries.Single(e => e.Id == a.EntryId).Category));
            Assert.Equal(best.Experts, experts);
        }
    }

    /// <summary>Tries every choice of judges for every entry (tiny instances only).</summary>
    private static class ExhaustiveSearch
    {
        public static (int SquaredLoads, int Spread, int Experts) Best(List<EntryProfile> entries, List<JudgeProfile> judges, int k)
        {
            var choices = entries
                .Select(e =>
                {
                    var eligible = judges.Where(j => !ConflictRules.IsConflicted(j, e)).ToList();
                    return Subsets(eligible, Math.Min(k, eligible.Count)).Select(s => (Judges: s, Experts: s.Count(j => j.IsExpertIn(e.Category)))).ToList();
                })
                .ToList();

            var bestSquares = int.MaxValue;
            var bestSpread = int.MaxValue;
            var bestExperts = -1;
            var load = judges.ToDictionary(j => j.Id, _ => 0);
            Walk(0, 0);
            return (bestSquares, bestSpread, bestExperts);

            void Walk(int index, int experts)
            {
                if (index == choices.Count)
                {
                    var squares = load.Values.Sum(l => l * l);
                    bestSpread = Math.Min(bestSpread, load.Values.Max() - load.Values.Min());
                    if (squares < bestSquares || (squares == bestSquares && experts > bestExperts))
                        (bestSquares, bestExperts) = (squares, experts);
                    return;
                }
                foreach (var (subset, subsetExperts) in choices[index])
                {
                    foreach (var j in subset)
                        load[j.Id]++;
                    Walk(index + 1, experts + subsetExperts);
                    foreach (var j in subset)
                        load[j.Id]--;
                }
            }
        }

        private static IEnumerable<List<JudgeProfile>> Subsets(List<JudgeProfile> items, int size)
        {
            if (size == 0)
            {
                yield return [];
                yield break;
            }
            for (var i = 0; i <= items.Count - size; i++)
            {
                foreach (var rest in Subsets(items[(i + 1)..], size - 1))
                    yield return [items[i], .. rest];
            }
        }
    }
}
