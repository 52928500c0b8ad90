namespace ContestPlatform.Judging.Assignment;

/// <summary>How many judges each entry gets, and the seed that makes the choice among equals reproducible.</summary>
public sealed record AssignmentOptions
{
    public static readonly AssignmentOptions Default = new();

    public AssignmentOptions(int judgesPerEntry = 3, int seed = 0)
    {
        if (judgesPerEntry < 1 || judgesPerEntry > 50)
            throw new JudgingException("Số giám khảo chấm mỗi công trình phải từ 1 đến 50.");
        JudgesPerEntry = judgesPerEntry;
        Seed = seed;
    }

    public int JudgesPerEntry { get; }
    public int Seed { get; }
}
