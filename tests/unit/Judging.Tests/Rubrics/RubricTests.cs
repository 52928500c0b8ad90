using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Tests.Builders;

namespace ContestPlatform.Judging.Tests.Rubrics;

public class RubricTests
{
    [Fact]
    public void Spec_rubric_is_valid_with_council_max_80_and_vote_max_20()
    {
        var rubric = TestRubrics.Spec();

        Assert.Equal(["DMST", "HQ", "KNAD", "BC"], rubric.Criteria.Select(c => c.Code));
        Assert.Equal([20m, 30m, 30m], rubric.JudgedCriteria.Select(c => c.MaxPoints));
        Assert.All(rubric.JudgedCriteria, c => Assert.Equal(0.5m, c.Step));
        Assert.Equal("BC", rubric.CommunityVote?.Code);
        Assert.Equal(80m, rubric.CouncilMax);
        Assert.Equal(20m, rubric.VoteMax);
        Assert.Equal(100m, rubric.TotalMax);
    }

    [Fact]
    public void Duplicate_codes_are_refused()
    {
        var error = Assert.Throws<JudgingException>(() =>
            new Rubric([TestRubrics.Judged("HQ"), TestRubrics.Judged("HQ")]));
        Assert.Equal("Mã tiêu chí HQ bị trùng.", error.Message);
    }

    [Fact]
    public void Two_vote_criteria_are_refused()
    {
        Assert.Throws<JudgingException>(() =>
            new Rubric([TestRubrics.Judged("HQ"), TestRubrics.Vote("BC"), TestRubrics.Vote("BC2")]));
    }

    [Fact]
    public void Rubric_without_judged_criterion_is_refused()
    {
        var error = Assert.Throws<JudgingException>(() => new Rubric([TestRubrics.Vote()]));
        Assert.Contains("Hội đồng chấm", error.Message);
    }

    [Fact]
    public void Empty_rubric_is_refused()
    {
        Assert.Throws<JudgingException>(() => new Rubric([]));
    }

    [Fact]
    public void More_than_20_criteria_are_refused()
    {
        Assert.Throws<JudgingException>(() => new Rubric(Enumerable.Range(1, 21).Select(i => TestRubrics.Judged($"C{i}"))));
    }

    [Fact]
    public void Council_max_is_weighted()
    {
        var rubric = new Rubric([TestRubrics.Judged("A", 10m, weight: 2m), TestRubrics.Judged("B", 10m)]);
        Assert.Equal(30m, rubric.CouncilMax);
        Assert.Equal(0m, rubric.VoteMax);
    }

    [Fact]
    public void Unknown_code_lookup_names_the_code()
    {
        var error = Assert.Throws<JudgingException>(() => TestRubrics.Spec()["XYZ"]);
        Assert.Contains("XYZ", error.Message);
        Assert.Null(TestRubrics.Spec().Find("XYZ"));
    }
}
