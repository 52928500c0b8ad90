namespace ContestPlatform.Judging.Assignment;

/// <summary>An entry that could not get enough judges free of conflicts: reported rather than violating the rule.</summary>
public sealed record Shortfall(int EntryId, int Assigned, int Required)
{
    public string Message =>
        $"Công trình {EntryId} chỉ có {Assigned}/{Required} giám khảo không có xung đột lợi ích; cần bổ sung giám khảo.";
}
