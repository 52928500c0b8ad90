using ContestPlatform.Judging.Awards;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Awards;

public class AwardAllocatorTests
{
    private static IReadOnlyList<RankedEntry> Ranking(int count) =>
        Ranker.Rank(Enumerable.Range(1, count).Select(i => Candidates.Of(i, 80m - i)));

    [Fact]
    public void Default_tiers_are_the_first_editions()
    {
        Assert.Equal(
            [("Giải Nhất", 1), ("Giải Nhì", 2), ("Giải Ba", 3), ("Giải Khuyến khích", 5)],
            AwardTier.Defaults.Select(t => (t.Name, t.Places)));
    }

    [Fact]
    public void Tiers_are_filled_in_rank_order()
    {
        var allocations = AwardAllocator.Allocate(Ranking(15));

        Assert.Equal([1], allocations[0].Winners.Select(w => w.EntryId));
        Assert.Equal([2, 3], allocations[1].Winners.Select(w => w.EntryId));
        Assert.Equal([4, 5, 6], allocations[2].Winners.Select(w => w.EntryId));
        Assert.Equal([7, 8, 9, 10, 11], allocations[3].Winners.Select(w => w.EntryId));
        Assert.All(allocations, a => Assert.Equal(0, a.Vacant));
    }

    [Fact]
    public void Fewer_entries_than_places_leave_lower_tiers_partly_empty()
    {
        var allocations = AwardAllocator.Allocate(Ranking(5));

        Assert.Equal([1, 2, 2, 0], allocations.Select(a => a.Winners.Count));
        Assert.Equal(1, allocations[2].Vacant);
        Assert.Equal(5, allocations[3].Vacant);
    }

    [Fact]
    public void Custom_tiers_are_used_in_the_given_order()
    {
        var allocations = AwardAllocator.Allocate(Ranking(3), [new AwardTier("Giải Đặc biệt", 1), new AwardTier("Giải Triển vọng", 4)]);

        Assert.Equal("Giải Đặc biệt", allocations[0].Tier.Name);
        Assert.Equal([2, 3], allocations[1].Winners.Select(w => w.EntryId));
    }

    [Fact]
    public void Tiers_are_validated()
    {
        Assert.Throws<JudgingException>(() => new AwardTier(" ", 1));
        Assert.Throws<JudgingException>(() => new AwardTier("Giải Nhất", 0));
        Assert.Throws<JudgingException>(() => AwardAllocator.Allocate(Ranking(2), [new AwardTier("Giải Nhất", 1), new AwardTier("giải nhất", 1)]));
    }

    [Fact]
    public void Ranking_must_be_best_first()
    {
        var ranking = Ranking(2);
        Assert.Throws<JudgingException>(() => AwardAllocator.Allocate([ranking[1], ranking[0]]));
    }
}
