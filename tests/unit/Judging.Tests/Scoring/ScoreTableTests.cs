using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Scoring;

public class ScoreTableTests
{
    [Fact]
    public void Table_lists_entries_and_judges_in_ascending_order_whatever_the_input_order()
    {
        var rubric = TestRubrics.Spec();
        var table = Cards.Table(rubric,
            Cards.Of(rubric, 7, 20, 10, 10, 10),
            Cards.Of(rubric, 3, 10, 10, 10, 10),
            Cards.Of(rubric, 5, 20, 10, 10, 10));

        Assert.Equal([10, 20], table.EntryIds);
        Assert.Equal([3, 5, 7], table.JudgeIds);
        Assert.Equal([5, 7], table.JudgesOf(20));
        Assert.Empty(table.JudgesOf(99));
        Assert.Equal(30m, table.TotalOf(20, 7));
        Assert.Null(table.TotalOf(20, 3));
        Assert.Equal(3, table.ScorecardCount);
    }

    [Fact]
    public void Incomplete_card_cannot_be_aggregated()
    {
        var rubric = TestRubrics.Spec();
        var draft = new Scorecard(rubric, 1, 2, new Dictionary<string, decimal> { ["HQ"] = 10m });
        var error = Assert.Throws<JudgingException>(() => Cards.Table(rubric, draft));
        Assert.Contains("chưa đủ điểm", error.Message);
    }

    [Fact]
    public void Two_cards_from_one_judge_for_one_entry_are_refused()
    {
        var rubric = TestRubrics.Spec();
        Assert.Throws<JudgingException>(() =>
            Cards.Table(rubric, Cards.Of(rubric, 1, 2, 1, 1, 1), Cards.Of(rubric, 1, 2, 2, 2, 2)));
    }

    [Fact]
    public void Card_on_another_rubric_is_refused()
    {
        var other = new Rubric([TestRubrics.Judged("A")]);
        Assert.Throws<JudgingException>(() => Cards.Table(TestRubrics.Spec(), Cards.Of(other, 1, 1, 5m)));
    }

    [Fact]
    public void Card_on_an_equal_rubric_instance_is_accepted()
    {
        var card = Cards.Of(TestRubrics.Spec(), 1, 1, 1, 1, 1);
        Assert.Equal(1, Cards.Table(TestRubrics.Spec(), card).ScorecardCount);
    }
}
