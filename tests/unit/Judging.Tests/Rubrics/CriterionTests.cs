using ContestPlatform.Judging.Rubrics;

namespace ContestPlatform.Judging.Tests.Rubrics;

public class CriterionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("hq")]
    [InlineData("H-Q")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    public void Bad_code_is_refused(string code)
    {
        var error = Assert.Throws<JudgingException>(() => new Criterion(code, "Tên", 10m));
        Assert.Contains("Mã tiêu chí", error.Message);
    }

    [Fact]
    public void Code_is_trimmed()
    {
        Assert.Equal("HQ", new Criterion("  HQ ", "Hiệu quả", 30m).Code);
    }

    [Fact]
    public void Criterion_needs_a_name()
    {
        Assert.Throws<JudgingException>(() => new Criterion("HQ", " ", 30m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public void Max_points_must_be_positive_and_at_most_1000(decimal max)
    {
        Assert.Throws<JudgingException>(() => new Criterion("HQ", "Hiệu quả", max));
    }

    [Fact]
    public void Max_not_divisible_by_step_is_refused()
    {
        var error = Assert.Throws<JudgingException>(() => new Criterion("HQ", "Hiệu quả", 10m, step: 3m));
        Assert.Equal("Điểm tối đa 10 của tiêu chí HQ phải chia hết cho bước điểm 3.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Step_must_be_positive_and_not_above_max(decimal step)
    {
        Assert.Throws<JudgingException>(() => new Criterion("HQ", "Hiệu quả", 10m, step: step));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Weight_must_be_between_0_and_10(decimal weight)
    {
        Assert.Throws<JudgingException>(() => new Criterion("HQ", "Hiệu quả", 10m, weight: weight));
    }

    [Fact]
    public void Overlapping_levels_are_refused()
    {
        var levels = new[] { new LevelDescriptor(0, 10, "Thấp"), new LevelDescriptor(10, 20, "Cao") };
        var error = Assert.Throws<JudgingException>(() => new Criterion("DMST", "Đổi mới", 20m, levels: levels));
        Assert.Contains("chồng lên nhau", error.Message);
    }

    [Fact]
    public void Level_outside_the_range_is_refused()
    {
        var levels = new[] { new LevelDescriptor(15, 25, "Hoàn toàn mới") };
        Assert.Throws<JudgingException>(() => new Criterion("DMST", "Đổi mới", 20m, levels: levels));
    }

    [Fact]
    public void Level_without_text_is_refused()
    {
        var levels = new[] { new LevelDescriptor(0, 5, " ") };
        Assert.Throws<JudgingException>(() => new Criterion("DMST", "Đổi mới", 20m, levels: levels));
    }

    [Fact]
    public void Levels_are_kept_in_ascending_order()
    {
        var levels = new[] { new LevelDescriptor(15, 20, "Hoàn toàn mới"), new LevelDescriptor(0, 14.5m, "Có cải tiến") };
        var criterion = new Criterion("DMST", "Đổi mới", 20m, levels: levels);
        Assert.Equal([0m, 15m], criterion.Levels.Select(l => l.From));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(12.5, true)]
    [InlineData(30, true)]
    [InlineData(12.3, false)]
    [InlineData(-0.5, false)]
    [InlineData(30.5, false)]
    public void Accepts_scores_within_bounds_and_on_the_step(decimal score, bool accepted)
    {
        Assert.Equal(accepted, new Criterion("HQ", "Hiệu quả", 30m, step: 0.5m).Accepts(score));
    }

    [Fact]
    public void Bounds_message_uses_a_decimal_comma()
    {
        Assert.Equal("Điểm tiêu chí HQ phải từ 0 đến 30, theo bước 0,5.", new Criterion("HQ", "Hiệu quả", 30m).BoundsMessage);
    }
}
