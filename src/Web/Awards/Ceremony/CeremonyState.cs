using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Serving;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Awards.Ceremony;

/// <summary>One award on the audience screen. <see cref="Level"/> is the tier's order (1 = Giải Nhất).</summary>
public sealed record RevealedAward(
    int Id, string Tier, int Level, string Code, string Title, IReadOnlyList<string> Authors, string Entrant, string? Photo);

/// <summary>
/// What every audience screen shows: the revealed awards in reveal order, the last one being the current.
/// Public: it never holds an award before its reveal.
/// </summary>
public sealed record CeremonyState(IReadOnlyList<RevealedAward> Revealed)
{
    public RevealedAward? Current => Revealed.Count == 0 ? null : Revealed[^1];

    public static readonly CeremonyState Empty = new([]);

    /// <summary>The revealed awards of the proposal with the committee (a withdrawn one shows nothing).</summary>
    public static async Task<CeremonyState> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var proposalId = await db.AwardProposals.AsNoTracking().Where(p => p.State == ProposalState.Sent)
            .OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (proposalId is null)
            return Empty;
        // Only revealed rows are read at all: what is not yet revealed cannot leak through a mistake below.
        var awards = await db.ProposedAwards.AsNoTracking().Include(a => a.Tier)
            .Where(a => a.ProposalId == proposalId && a.RevealedAt != null)
            .ToListAsync(cancellationToken);
        if (awards.Count == 0)
            return Empty;

        var entryIds = awards.Select(a => a.EntryId).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.Title, e.EntrantName, e.Status })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var authors = (await db.EntryAuthors.AsNoTracking().Where(a => entryIds.Contains(a.EntryId))
                .OrderBy(a => a.Order).ThenBy(a => a.Id).Select(a => new { a.EntryId, a.FullName }).ToListAsync(cancellationToken))
            .ToLookup(a => a.EntryId, a => a.FullName);
        var photos = (await db.MediaFiles.AsNoTracking()
                .Where(m => entryIds.Contains(m.EntryId) && m.Kind == MediaKind.Photo && m.State == MediaState.Ready && m.DisplayJpegKey != null)
                .OrderBy(m => m.SortOrder).ThenBy(m => m.Id).Select(m => new { m.Id, m.EntryId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.EntryId, m => m.Id);

        var revealed = CeremonyService.InRevealOrder(awards, a => a)
            .Select(a =>
            {
                var entry = entries.GetValueOrDefault(a.EntryId);
                // The media endpoint serves photos of public entries only; anything else would be a broken image.
                var photo = entry is not null && EntryStatusLabels.Public.Contains(entry.Status) && photos[a.EntryId].Any()
                    ? MediaUrls.Display(photos[a.EntryId].First()) : null;
                return new RevealedAward(a.Id, a.Tier.Name, a.Tier.Order, entry?.Code ?? "", entry?.Title ?? "",
                    [.. authors[a.EntryId]], entry?.EntrantName ?? "", photo);
            })
            .ToList();
        return new CeremonyState(revealed);
    }
}
