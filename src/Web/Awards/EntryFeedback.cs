using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Awards;

/// <summary>One criterion of an entrant's feedback: the council's mean for the entry beside the mean of its category.</summary>
public sealed record CriterionFeedback(string Code, string Name, decimal MaxPoints, decimal Entry, decimal CategoryAverage);

/// <summary>What an entrant learns about the scoring of their entry once the results are public.</summary>
public sealed record EntryFeedback(
    string RoundName,
    string? Award,
    decimal CouncilScore,
    decimal VoteScore,
    decimal Total,
    int CategoryEntries,
    IReadOnlyList<CriterionFeedback> Criteria);

/// <summary>
/// Per-criterion feedback for an entrant, from the last round in which the entry was fully scored (the final
/// round, or the round that cut it). Nothing at all before the publication moment: scores are part of the results.
/// </summary>
public sealed class EntryFeedbackService(AppDbContext db, AwardService awards, VoteService votes)
{
    public async Task<EntryFeedback?> ForEntryAsync(int entryId, CancellationToken cancellationToken = default)
    {
        var published = await awards.PublishedAsync(cancellationToken);
        if (published is null)
            return null;
        var results = new ResultsService(db, votes);
        var all = await results.RoundsAsync(cancellationToken);
        var final = all.FirstOrDefault(r => r.Id == published.Proposal.RoundId);
        if (final is null)
            return null;
        var rounds = all
            .Where(r => r.Order <= final.Order)
            .OrderBy(r => r.Id == final.Id ? 0 : 1).ThenByDescending(r => r.Order).ThenByDescending(r => r.Id);

        foreach (var round in rounds)
        {
            // The published figures are the mean's (SPEC), whatever method an organizer ranks by on screen.
            var scored = await results.LoadAsync(round.Id, AggregationMethod.Mean, cancellationToken: cancellationToken);
            var row = scored?.Row(entryId);
            if (scored is null || row is null || row.Incomplete)
                continue;

            var complete = scored.Ranking.Where(r => !r.Incomplete).Select(r => r.Entry.Id).ToList();
            var categories = await db.Entries.AsNoTracking().Where(e => complete.Contains(e.Id))
                .Select(e => new { e.Id, e.CategoryId }).ToDictionaryAsync(e => e.Id, e => e.CategoryId, cancellationToken);
            var category = categories.GetValueOrDefault(entryId);
            var peers = scored.Ranking.Where(r => !r.Incomplete && categories.GetValueOrDefault(r.Entry.Id) == category).ToList();
            var own = row.Criteria(AggregationMethod.Mean);
            var criteria = scored.Rubric.JudgedCriteria
                .Select(c => new CriterionFeedback(c.Code, c.Name, c.MaxPoints,
                    own.GetValueOrDefault(c.Code),
                    Math.Round(peers.Average(p => p.Criteria(AggregationMethod.Mean).GetValueOrDefault(c.Code)), 2)))
                .ToList();
            var award = published.Awards.FirstOrDefault(a => a.Award.EntryId == entryId)?.Award.Tier.Name;
            return new EntryFeedback(round.Name, award, row.CouncilScore, row.VoteScore, row.Total, peers.Count, criteria);
        }
        return null;
    }
}
