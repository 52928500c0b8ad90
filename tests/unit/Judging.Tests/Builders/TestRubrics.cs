using ContestPlatform.Judging.Rubrics;

namespace ContestPlatform.Judging.Tests.Builders;

/// <summary>Rubrics used across tests; each call builds a fresh one.</summary>
internal static class TestRubrics
{
    /// <summary>The contest's rubric: DMST 20, HQ 30, KNAD 30 judged (step 0.5), BC 20 vote.</summary>
    public static Rubric Spec() => DefaultRubric.Create();

    public static Criterion Judged(string code, decimal max = 10m, decimal step = 0.5m, decimal weight = 1m) =>
        new(code, $"Tiêu chí {code}", max, step, weight);

    public static Criterion Vote(string code = "BC", decimal max = 20m) =>
        new(code, "Bình chọn", max, 0.1m, kind: CriterionKind.CommunityVote);
}
