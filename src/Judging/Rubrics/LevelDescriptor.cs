namespace ContestPlatform.Judging.Rubrics;

/// <summary>What a score band means, shown to judges beside the input (e.g. 15–20: "hoàn toàn mới").</summary>
public sealed record LevelDescriptor(decimal From, decimal To, string Text);
