namespace ContestPlatform.Judging.Assignment;

/// <summary>A judge is to score an entry.</summary>
public sealed record JudgeAssignment(int EntryId, int JudgeId);
