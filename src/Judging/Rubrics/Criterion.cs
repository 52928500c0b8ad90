using System.Text.RegularExpressions;

namespace ContestPlatform.Judging.Rubrics;

/// <summary>One line of the rubric. Validated on construction.</summary>
public sealed partial class Criterion
{
    public Criterion(
        string code,
        string name,
        decimal maxPoints,
        decimal step = 0.5m,
        decimal weight = 1m,
        CriterionKind kind = CriterionKind.Judged,
        string? description = null,
        IEnumerable<LevelDescriptor>? levels = null)
    {
        code = (code ?? "").Trim();
        if (!CodePattern().IsMatch(code))
            throw new JudgingException($"Mã tiêu chí \"{code}\" không hợp lệ: dùng 1–16 chữ in hoa, chữ số hoặc dấu gạch dưới.");
        if (string.IsNullOrWhiteSpace(name))
            throw new JudgingException($"Tiêu chí {code} chưa có tên.");
        if (maxPoints <= 0 || maxPoints > 1000)
            throw new JudgingException($"Điểm tối đa của tiêu chí {code} phải lớn hơn 0 và không quá 1000.");
        if (step <= 0 || step > maxPoints)
            throw new JudgingException($"Bước điểm của tiêu chí {code} phải lớn hơn 0 và không vượt điểm tối đa.");
        if (maxPoints % step != 0)
            throw new JudgingException($"Điểm tối đa {Points.Format(maxPoints)} của tiêu chí {code} phải chia hết cho bước điểm {Points.Format(step)}.");
        if (weight <= 0 || weight > 10)
            throw new JudgingException($"Trọng số của tiêu chí {code} phải lớn hơn 0 và không quá 10.");

        var bands = (levels ?? []).OrderBy(l => l.From).ToList();
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if (band.From < 0 || band.To > maxPoints || band.From > band.To)
                throw new JudgingException($"Mức đánh giá \"{band.Text}\" của tiêu chí {code} phải nằm trong khoảng 0–{Points.Format(maxPoints)}.");
            if (string.IsNullOrWhiteSpace(band.Text))
                throw new JudgingException($"Một mức đánh giá của tiêu chí {code} chưa có mô tả.");
            if (i > 0 && band.From <= bands[i - 1].To)
                throw new JudgingException($"Các mức đánh giá của tiêu chí {code} bị chồng lên nhau.");
        }

        Code = code;
        Name = name.Trim();
        Description = description?.Trim() ?? "";
        MaxPoints = maxPoints;
        Step = step;
        Weight = weight;
        Kind = kind;
        Levels = bands;
    }

    public string Code { get; }
    public string Name { get; }
    public string Description { get; }
    public decimal MaxPoints { get; }
    public decimal Step { get; }
    public decimal Weight { get; }
    public CriterionKind Kind { get; }
    public IReadOnlyList<LevelDescriptor> Levels { get; }

    /// <summary>Whether a judge may give this score: within 0..max and on the step.</summary>
    public bool Accepts(decimal score) => score >= 0 && score <= MaxPoints && score % Step == 0;

    /// <summary>The message shown when <see cref="Accepts"/> refuses a score.</summary>
    public string BoundsMessage =>
        $"Điểm tiêu chí {Code} phải từ 0 đến {Points.Format(MaxPoints)}, theo bước {Points.Format(Step)}.";

    [GeneratedRegex("^[A-Z0-9_]{1,16}$")]
    private static partial Regex CodePattern();
}
