namespace ContestPlatform.Web.Contests;

public enum PhaseState
{
    Upcoming,
    Open,
    Closed,
}

public sealed record PhaseStatus(PhaseKind Kind, DateTime StartsAt, DateTime EndsAt, PhaseState State)
{
    public string Label => PhaseLabels.Of(Kind);
}

/// <summary>
/// Where the contest stands at a given instant. Windows are half-open, [start, end): a deadline of 17:00
/// means a submission at 16:59:59 counts and one at 17:00:00 does not. Phases may overlap (the vote
/// usually runs during judging), so several can be open at once.
/// </summary>
public sealed class ContestTimeline
{
    public ContestTimeline(IEnumerable<ContestPhase> phases, DateTime nowUtc)
    {
        NowUtc = nowUtc;
        Phases = phases
            .OrderBy(p => p.StartsAt).ThenBy(p => p.Kind)
            .Select(p => new PhaseStatus(p.Kind, p.StartsAt, p.EndsAt, StateOf(p, nowUtc)))
            .ToList();
    }

    public DateTime NowUtc { get; }
    public IReadOnlyList<PhaseStatus> Phases { get; }
    public IEnumerable<PhaseStatus> Open => Phases.Where(p => p.State == PhaseState.Open);
    public PhaseStatus? Next => Phases.FirstOrDefault(p => p.State == PhaseState.Upcoming);
    public bool NotStarted => Phases.Count > 0 && Phases.All(p => p.State == PhaseState.Upcoming);
    public bool Finished => Phases.Count > 0 && Phases.All(p => p.State == PhaseState.Closed);

    public bool IsOpen(PhaseKind kind) => Phases.Any(p => p.Kind == kind && p.State == PhaseState.Open);

    public PhaseStatus? Find(PhaseKind kind) => Phases.FirstOrDefault(p => p.Kind == kind);

    private static PhaseState StateOf(ContestPhase phase, DateTime now) =>
        now < phase.StartsAt ? PhaseState.Upcoming
        : now < phase.EndsAt ? PhaseState.Open
        : PhaseState.Closed;
}
