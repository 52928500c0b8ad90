using ContestPlatform.Web.Council;

namespace ContestPlatform.Web.Tests.Council;

public sealed class EntryLabelTests
{
    private static JudgingRound Round(int id = 1) => new() { Id = id, LabelKey = EntryLabels.NewKey() };

    [Fact]
    public void A_label_is_six_unambiguous_characters_and_stable_for_a_round()
    {
        var round = Round();
        var label = EntryLabels.Of(round, 42);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{6}$", label);
        Assert.Equal(label, EntryLabels.Of(new JudgingRound { Id = 1, LabelKey = round.LabelKey }, 42));
        Assert.Equal($"Công trình #{label}", EntryLabels.Display(label));
    }

    [Fact]
    public void Labels_differ_between_rounds_and_do_not_follow_entry_ids()
    {
        // Fixed keys keep the test deterministic.
        var first = new JudgingRound { Id = 1, LabelKey = new string('a', 64) };
        var second = new JudgingRound { Id = 2, LabelKey = new string('b', 64) };
        var labels = Enumerable.Range(1, 500).Select(id => EntryLabels.Of(first, id)).ToList();
        Assert.Equal(500, labels.Distinct().Count());
        Assert.NotEqual(labels, Enumerable.Range(1, 500).Select(id => EntryLabels.Of(second, id)));
        Assert.NotEqual(labels.Order(StringComparer.Ordinal), labels);
    }

    [Theory]
    [InlineData("7kq2ma", "7KQ2MA")]
    [InlineData("7KQ2MA", "7KQ2MA")]
    [InlineData("7KQ2M", null)]
    [InlineData("7KQ2MAX", null)]
    [InlineData("7KQ2MI", null)]
    [InlineData("../../", null)]
    [InlineData("DMST-2025-0001", null)]
    [InlineData("", null)]
    public void A_label_from_a_url_is_normalised_or_refused(string typed, string? expected) =>
        Assert.Equal(expected, EntryLabels.Normalize(typed));
}
