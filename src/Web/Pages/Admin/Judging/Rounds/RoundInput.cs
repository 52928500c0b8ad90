using System.ComponentModel.DataAnnotations;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Web.Council;

namespace ContestPlatform.Web.Pages.Admin.Judging.Rounds;

/// <summary>The fields of a round, shared by the create and edit pages.</summary>
public sealed class RoundInput
{
    [Required, StringLength(100), Display(Name = "Tên vòng chấm")]
    public string Name { get; set; } = "";

    [Required, Range(1, 100), Display(Name = "Thứ tự")]
    public int? Order { get; set; }

    [Display(Name = "Trạng thái")]
    public RoundState State { get; set; }

    [Required, Range(1, 50), Display(Name = "Số giám khảo chấm mỗi công trình")]
    public int? JudgesPerEntry { get; set; } = 3;

    [Required, Range(0, int.MaxValue), Display(Name = "Hạt giống phân công")]
    public int? Seed { get; set; }

    [Display(Name = "Ngưỡng vào vòng sau")]
    public CutoffKind Cutoff { get; set; }

    /// <summary>Typed as text: a number input would follow the server's culture, and "12,5" and "12.5" must both work.</summary>
    [StringLength(12), Display(Name = "Giá trị ngưỡng")]
    public string? CutoffValue { get; set; }

    [Display(Name = "Cách tổng hợp điểm Hội đồng")]
    public AggregationMethod Aggregation { get; set; }

    /// <summary>The round's version when the edit form was opened (optimistic concurrency).</summary>
    public Guid Version { get; set; }

    public static RoundInput From(JudgingRound round) => new()
    {
        Name = round.Name,
        Order = round.Order,
        State = round.State,
        JudgesPerEntry = round.JudgesPerEntry,
        Seed = round.Seed,
        Cutoff = round.Cutoff,
        CutoffValue = round.Cutoff == CutoffKind.None ? null : ContestPlatform.Judging.Points.Format(round.CutoffValue),
        Aggregation = round.Aggregation,
        Version = round.Version,
    };

    public RoundSettings ToSettings() => new(
        AdminForms.Line(Name), Order ?? 0, State, JudgesPerEntry ?? 0, Seed ?? 0, Cutoff,
        Cutoff == CutoffKind.None ? 0 : ScoringService.ParsePoints(CutoffValue ?? "") ?? 0, Aggregation);

    /// <summary>A cut-off needs a number; checked here so the message sits next to the field.</summary>
    public string? CutoffProblem()
    {
        if (Cutoff == CutoffKind.None)
            return null;
        if (string.IsNullOrWhiteSpace(CutoffValue))
            return Cutoff == CutoffKind.TopCount ? "Vui lòng nhập số công trình được vào vòng sau." : "Vui lòng nhập điểm sàn để vào vòng sau.";
        return ScoringService.ParsePoints(CutoffValue) is null ? "Giá trị ngưỡng phải là một số, ví dụ 20 hoặc 55,5." : null;
    }
}
