using ContestPlatform.Judging.Assignment;
using ContestPlatform.Judging.Conflicts;
using ContestPlatform.Judging.Participants;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Assignment;

public class JudgeAssignerTests
{
    [Fact]
    public void Every_entry_gets_three_judges_by_default_with_even_loads()
    {
        var plan = JudgeAssigner.Assign(Pools.Entries(10), Pools.Judges(7));

        Assert.All(Pools.Entries(10), e => Assert.Equal(3, plan.JudgesOf(e.Id).Count));
        Assert.Equal(30, plan.Assignments.Count);
        Assert.InRange(plan.Loads.Values.Max() - plan.Loads.Values.Min(), 0, 1);
        Assert.Empty(plan.Shortfalls);
        Assert.Equal(plan.Assignments, plan.Added);
    }

    [Fact]
    public void Number_of_judges_per_entry_is_an_option()
    {
        var plan = JudgeAssigner.Assign(Pools.Entries(4), Pools.Judges(5), new AssignmentOptions(judgesPerEntry: 5));
        Assert.All(Pools.Entries(4), e => Assert.Equal(5, plan.JudgesOf(e.Id).Count));
    }

    [Fact]
    public void Conflicted_judge_is_never_assigned()
    {
        var entries = new List<EntryProfile> { new(101, affiliation: Affiliation.Of("Sở Y tế")) };
        var judges = new List<JudgeProfile>
        {
            new(1, Affiliation.Of("SO Y TE")), new(2), new(3), new(4, declaredConflicts: [101]), new(5),
        };

        var plan = JudgeAssigner.Assign(entries, judges);

        Assert.Equal([2, 3, 5], plan.JudgesOf(101));
    }

    [Fact]
    public void Entry_without_enough_free_judges_is_reported_not_forced()
    {
        var entries = new List<EntryProfile> { new(101, affiliation: Affiliation.Of(commune: "Xã Đại Phúc")) };
        var judges = new List<JudgeProfile>
        {
            new(1, Affiliation.Of(commune: "xa dai phuc")), new(2), new(3, Affiliation.Of(commune: "Xã Đại Phúc")),
        };

        var plan = JudgeAssigner.Assign(entries, judges);

        Assert.Equal([2], plan.JudgesOf(101));
        var shortfall = Assert.Single(plan.Shortfalls);
        Assert.Equal(new Shortfall(101, 1, 3), shortfall);
        Assert.Contains("1/3", shortfall.Message);
    }

    [Fact]
    public void Experts_are_preferred_when_loads_allow()
    {
        var entries = new List<EntryProfile> { new(101, "Y tế"), new(102, "Giáo dục") };
        var judges = new List<JudgeProfile>
        {
            new(1, expertCategories: ["Giáo dục"]), new(2, expertCategories: ["y te"]),
            new(3), new(4, expertCategories: ["Giáo dục"]),
        };

        for (var seed = 0; seed < 20; seed++)
        {
            var plan = JudgeAssigner.Assign(entries, judges, new AssignmentOptions(judgesPerEntry: 1, seed: seed));
            Assert.Equal([2], plan.JudgesOf(101));
            Assert.Contains(plan.JudgesOf(102).Single(), new[] { 1, 4 });
        }
    }

    [Fact]
    public void Expertise_never_breaks_the_balance()
    {
        // Judge 1 is the only expert, but giving them all 4 entries would leave the others idle.
        var entries = Pools.Entries(4, "Y tế");
        var judges = new List<JudgeProfile> { new(1, expertCategories: ["Y tế"]), new(2), new(3), new(4) };

        var plan = JudgeAssigner.Assign(entries, judges, new AssignmentOptions(judgesPerEntry: 1));

        Assert.All(plan.Loads.Values, load => Assert.Equal(1, load));
    }

    [Fact]
    public void Same_seed_gives_the_same_plan_and_seeds_vary_the_choice()
    {
        var entries = Pools.Entries(9);
        var judges = Pools.Judges(6);
        var plans = Enumerable.Range(0, 10)
            .Select(seed => JudgeAssigner.Assign(entries, judges, new AssignmentOptions(seed: seed)))
            .ToList();

        Assert.Equal(plans[3].Assignments, JudgeAssigner.Assign(entries, judges, new AssignmentOptions(seed: 3)).Assignments);
        Assert.True(plans.Select(p => string.Join(";", p.Assignments)).Distinct().Count() > 1);
    }

    [Fact]
    public void Existing_assignments_are_kept_and_count_towards_loads()
    {
        var existing = new[] { new JudgeAssignment(101, 1), new JudgeAssignment(102, 1), new JudgeAssignment(103, 1) };

        var plan = JudgeAssigner.Assign(Pools.Entries(3), Pools.Judges(4), new AssignmentOptions(judgesPerEntry: 2), existing);

        Assert.All(existing, a => Assert.Contains(a, plan.Assignments));
        Assert.Equal(3, plan.Added.Count);
        Assert.All(plan.Added, a => Assert.NotEqual(1, a.JudgeId));
        Assert.Equal(new Dictionary<int, int> { [1] = 3, [2] = 1, [3] = 1, [4] = 1 }, plan.Loads);
    }

    [Fact]
    public void Existing_conflicted_assignment_is_removed_with_its_reason()
    {
        var entries = Pools.Entries(1);
        var judges = new List<JudgeProfile> { new(1, declaredConflicts: [101]), new(2), new(3), new(4) };

        var plan = JudgeAssigner.Assign(entries, judges, existing: [new JudgeAssignment(101, 1)]);

        var removed = Assert.Single(plan.Removed);
        Assert.Equal(new JudgeAssignment(101, 1), removed.Assignment);
        Assert.Equal(ConflictReason.Declared, removed.Conflicts.Single().Reason);
        Assert.Equal([2, 3, 4], plan.JudgesOf(101));
    }

    [Fact]
    public void Reassigning_after_a_declared_conflict_replaces_only_that_judge_on_that_entry()
    {
        var entries = Pools.Entries(6);
        var judges = Pools.Judges(5);
        var first = JudgeAssigner.Assign(entries, judges);
        var leaving = first.JudgesOf(103)[0];
        judges[leaving - 1] = judges[leaving - 1].WithDeclaredConflict(103);

        var plan = JudgeAssigner.Reassign(103, entries, judges, first.Assignments);

        Assert.DoesNotContain(leaving, plan.JudgesOf(103));
        Assert.Equal(3, plan.JudgesOf(103).Count);
        Assert.Single(plan.Added);
        Assert.Equal(new JudgeAssignment(103, leaving), Assert.Single(plan.Removed).Assignment);
        var untouched = first.Assignments.Where(a => a.EntryId != 103);
        Assert.All(untouched, a => Assert.Contains(a, plan.Assignments));
        // The replacement is one of the least-loaded judges.
        var replacement = plan.Added.Single().JudgeId;
        var loadsBefore = first.Loads.ToDictionary(p => p.Key, p => p.Value - (p.Key == leaving ? 1 : 0));
        var eligible = loadsBefore.Where(p => p.Key != leaving && !first.JudgesOf(103).Contains(p.Key));
        Assert.Equal(eligible.Min(p => p.Value), loadsBefore[replacement]);
    }

    [Fact]
    public void Reassigning_an_unknown_entry_is_refused()
    {
        Assert.Throws<JudgingException>(() => JudgeAssigner.Reassign(999, Pools.Entries(2), Pools.Judges(3), []));
    }

    [Fact]
    public void Existing_assignment_to_an_unknown_judge_or_entry_is_refused()
    {
        Assert.Throws<JudgingException>(() => JudgeAssigner.Assign(Pools.Entries(1), Pools.Judges(3), existing: [new JudgeAssignment(101, 9)]));
        Assert.Throws<JudgingException>(() => JudgeAssigner.Assign(Pools.Entries(1), Pools.Judges(3), existing: [new JudgeAssignment(999, 1)]));
    }

    [Fact]
    public void Duplicate_judges_or_entries_are_refused()
    {
        Assert.Throws<JudgingException>(() => JudgeAssigner.Assign([new EntryProfile(1), new EntryProfile(1)], Pools.Judges(3)));
        Assert.Throws<JudgingException>(() => JudgeAssigner.Assign(Pools.Entries(1), [new JudgeProfile(1), new JudgeProfile(1)]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Judges_per_entry_is_validated(int k)
    {
        Assert.Throws<JudgingException>(() => new AssignmentOptions(judgesPerEntry: k));
    }

    [Fact]
    public void No_judges_means_every_entry_is_short()
    {
        var plan = JudgeAssigner.Assign(Pools.Entries(2), []);
        Assert.Equal(2, plan.Shortfalls.Count);
        Assert.Empty(plan.Assignments);
    }
}
