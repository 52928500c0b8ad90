using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Scoring;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Scoring;

public class ScorecardTests
{
    private static Dictionary<string, decimal> Scores(params (string Code, decimal Score)[] scores) =>
        scores.ToDictionary(s => s.Code, s => s.Score);

    [Fact]
    public void Complete_card_has_the_weighted_total()
    {
        var card = new Scorecard(TestRubrics.Spec(), 1, 2, Scores(("DMST", 15m), ("HQ", 22.5m), ("KNAD", 20m)));

        Assert.True(card.IsComplete);
        Assert.Empty(card.MissingCodes);
        Assert.Equal(57.5m, card.WeightedTotal);
    }

    [Fact]
    public void Weights_multiply_scores()
    {
        var rubric = new Rubric([TestRubrics.Judged("A", 10m, weight: 2m), TestRubrics.Judged("B", 10m)]);
        var card = new Scorecard(rubric, 1, 1, Scores(("A", 4m), ("B", 3m)));
        Assert.Equal(11m, card.WeightedTotal);
    }

    [Fact]
    public void Draft_may_be_partial_and_lists_what_is_missing()
    {
        var card = new Scorecard(TestRubrics.Spec(), 1, 2, Scores(("HQ", 20m)));

        Assert.False(card.IsComplete);
        Assert.Equal(["DMST", "KNAD"], card.MissingCodes);
        Assert.Equal(20m, card.WeightedTotal);
        Assert.Null(card.ScoreOf("DMST"));
        Assert.Equal(20m, card.ScoreOf("HQ"));
        var error = Assert.Throws<JudgingException>(card.EnsureComplete);
        Assert.Equal("Phiếu chấm chưa có điểm tiêu chí DMST, KNAD.", error.Message);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(-1)]
    [InlineData(12.3)]
    public void Score_out_of_bounds_or_off_step_names_the_criterion(decimal score)
    {
        var error = Assert.Throws<JudgingException>(() => new Scorecard(TestRubrics.Spec(), 1, 2, Scores(("HQ", score))));
        Assert.Equal("Điểm tiêu chí HQ phải từ 0 đến 30, theo bước 0,5.", error.Message);
    }

    [Fact]
    public void Vote_criterion_cannot_be_scored_by_a_judge()
    {
        var error = Assert.Throws<JudgingException>(() => new Scorecard(TestRubrics.Spec(), 1, 2, Scores(("BC", 10m))));
        Assert.Contains("bình chọn", error.Message);
    }

    [Fact]
    public void Unknown_criterion_is_refused()
    {
        var error = Assert.Throws<JudgingException>(() => new Scorecard(TestRubrics.Spec(), 1, 2, Scores(("XYZ", 1m))));
        Assert.Contains("XYZ", error.Message);
    }

    [Fact]
    public void Codes_are_matched_ignoring_case_and_spaces_but_not_twice()
    {
        var card = new Scorecard(TestRubrics.Spec(), 1, 2, Scores((" hq", 10m)));
        Assert.Equal(10m, card.Scores["HQ"]);
        Assert.Throws<JudgingException>(() => new Scorecard(TestRubrics.Spec(), 1, 2, Scores(("hq", 10m), ("HQ", 11m))));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Judge_and_entry_ids_must_be_positive(int judgeId, int entryId)
    {
        Assert.Throws<JudgingException>(() => new Scorecard(TestRubrics.Spec(), judgeId, entryId, Scores()));
    }

    [Fact]
    public void Comments_are_trimmed_and_keyed_by_code()
    {
        var card = new Scorecard(
            TestRubrics.Spec(), 1, 2, Scores(),
            new Dictionary<string, string> { ["hq"] = "  Hiệu quả rõ  ", ["KNAD"] = " " },
            " Tốt ");

        Assert.Equal("Hiệu quả rõ", card.CriterionComments["HQ"]);
        Assert.False(card.CriterionComments.ContainsKey("KNAD"));
        Assert.Equal("Tốt", card.Comment);
    }

    [Fact]
    public void Overlong_comment_is_refused()
    {
        var text = new string('a', Scorecard.MaxCommentLength + 1);
        Assert.Throws<JudgingException>(() => new Scorecard(TestRubrics.Spec(), 1, 2, Scores(), comment: text));
    }
}
