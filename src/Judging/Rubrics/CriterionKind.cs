namespace ContestPlatform.Judging.Rubrics;

public enum CriterionKind
{
    /// <summary>Scored by the judges of the council.</summary>
    Judged = 0,

    /// <summary>Computed from the community vote: max × votes ÷ highest vote count.</summary>
    CommunityVote = 1,
}
