using ContestPlatform.Judging.Conflicts;

namespace ContestPlatform.Judging.Assignment;

/// <summary>An existing assignment dropped because the judge turned out to be conflicted with the entry.</summary>
public sealed record RemovedAssignment(JudgeAssignment Assignment, IReadOnlyList<Conflict> Conflicts);
