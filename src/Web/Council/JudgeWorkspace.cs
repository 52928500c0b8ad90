using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Serving;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Council;

/// <summary>One entry of a judge's queue: only what a blind judge may see.</summary>
public sealed record QueueItem(string Label, string? BlindTitle, string CategoryName, SheetState? State, DateTime? UpdatedAt)
{
    public bool BlindReady => BlindTitle is not null;
}

/// <summary>A judge's entries in one open round, in label order, with progress.</summary>
public sealed record RoundQueue(JudgingRound Round, IReadOnlyList<QueueItem> Items)
{
    public int Total => Items.Count;
    public int Submitted => Items.Count(i => i.State == SheetState.Submitted);
    public int Drafts => Items.Count(i => i.State == SheetState.Draft);

    /// <summary>The first entry not yet submitted after <paramref name="label"/> (wrapping round), or null.</summary>
    public string? NextAfter(string? label)
    {
        var start = label is null ? -1 : Items.ToList().FindIndex(i => i.Label == label);
        for (var step = 1; step <= Items.Count; step++)
        {
            var item = Items[(start + step + Items.Count) % Items.Count];
            if (item.Label != label && item.State != SheetState.Submitted)
                return item.Label;
        }
        return null;
    }
}

/// <summary>
/// A media file as judges get it: the token of its judge-only URLs (<see cref="JudgeMediaUrls"/>) and its kind,
/// never its name, caption or public id (the gallery's <c>/tep/{id}</c> would lead to the entrant).
/// </summary>
public sealed record BlindMedia(string Token, MediaKind Kind, int? Width, int? Height, bool HasPoster);

/// <summary>
/// What a judge may read about an entry: the anonymous label, the category, the secretariat's redacted copy
/// (null until it exists, and then nothing else is shown) and the metadata-free media derivatives (not evidence).
/// </summary>
public sealed record BlindEntry(string Label, string CategoryName, BlindCopy? Copy, IReadOnlyList<BlindMedia> Media);

/// <summary>A judge's work on one entry in one round, as resolved from the URL's round and label.</summary>
public sealed record JudgeTask(Judge Judge, JudgingRound Round, Assignment Assignment, string Label, ScoreSheet? Sheet, BlindEntry Entry)
{
    public int EntryId => Assignment.EntryId;
    public bool IsOpen => Round.State == RoundState.Open;
    public bool IsSubmitted => Sheet?.State == SheetState.Submitted;
}

/// <summary>
/// The judge's side: which judge the signed-in account is, their queue, and the entry behind a URL. Everything is
/// derived from the account and the route: a round, a label or an id posted in a form is never trusted. An entry
/// not assigned to the judge, a round not open to judges, or an entry the judge is conflicted with all resolve to
/// nothing, which the pages answer with 404 (the same as a label that does not exist).
/// </summary>
public sealed class JudgeWorkspace(AppDbContext db, CouncilData data, JudgeMediaTokens mediaTokens)
{
    /// <summary>The active judge row of an account, or null.</summary>
    public Task<Judge?> JudgeOfAsync(string? userId, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(userId)
            ? Task.FromResult<Judge?>(null)
            : db.Judges.AsNoTracking().FirstOrDefaultAsync(j => j.UserId == userId && j.Active, cancellationToken);

    /// <summary>The judge's entries in every open round, by round order.</summary>
    public async Task<IReadOnlyList<RoundQueue>> QueueAsync(Judge judge, CancellationToken cancellationToken = default)
    {
        var openRounds = await db.JudgingRounds.AsNoTracking().Where(r => r.State == RoundState.Open)
            .OrderBy(r => r.Order).ToListAsync(cancellationToken);
        var queues = new List<RoundQueue>();
        foreach (var round in openRounds)
            queues.Add(new RoundQueue(round, await ItemsAsync(judge, round, cancellationToken)));
        return queues;
    }

    /// <summary>The judge's queue in one round (open or closed), or null when the round is not shown to judges.</summary>
    public async Task<RoundQueue?> RoundQueueAsync(Judge judge, JudgingRound round, CancellationToken cancellationToken = default) =>
        round.State == RoundState.Draft ? null : new RoundQueue(round, await ItemsAsync(judge, round, cancellationToken));

    /// <summary>
    /// The task behind /giam-khao/vong/{roundId}/cong-trinh/{label}, or null (→ 404) when the round is a draft or
    /// missing, the label is not one of the judge's entries in force, or the judge is conflicted with the entry.
    /// The sheet, if any, is tracked so the scoring service can change it.
    /// </summary>
    public async Task<JudgeTask?> FindAsync(Judge judge, int roundId, string? label, CancellationToken cancellationToken = default)
    {
        var wanted = EntryLabels.Normalize(label);
        if (wanted is null)
            return null;
        var round = await db.JudgingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null || round.State == RoundState.Draft)
            return null;
        var assignment = (await db.ActiveAssignments(roundId).AsNoTracking().Where(a => a.JudgeId == judge.Id).ToListAsync(cancellationToken))
            .FirstOrDefault(a => EntryLabels.Of(round, a.EntryId) == wanted);
        if (assignment is null)
            return null;
        var entries = await UsableEntriesAsync(judge, [assignment.EntryId], cancellationToken);
        if (!entries.TryGetValue(assignment.EntryId, out var row))
            return null;
        var entry = row.Entry;

        var sheet = await db.ScoreSheets.Include(s => s.Lines)
            .FirstOrDefaultAsync(s => s.RoundId == roundId && s.EntryId == assignment.EntryId && s.JudgeId == judge.Id, cancellationToken);
        var media = entry.Copy is null
            ? []
            : (await BlindMediaOf(assignment.EntryId)
                    .OrderBy(m => m.Kind).ThenBy(m => m.SortOrder).ThenBy(m => m.Id)
                    .Select(m => new { m.Id, m.Kind, m.Width, m.Height, HasPoster = m.PosterKey != null })
                    .ToListAsync(cancellationToken))
                .Select(m => new BlindMedia(mediaTokens.For(assignment.Id, m.Id), m.Kind, m.Width, m.Height, m.HasPoster))
                .ToList();
        return new JudgeTask(judge, round, assignment, wanted, sheet, entry with { Label = wanted, Media = media });
    }

    /// <summary>
    /// A media file behind a judge's media token, or null (→ 404): the assignment must be the judge's and in
    /// force, its round shown to judges, the entry one the judge may open with its redacted copy done (as
    /// <see cref="FindAsync"/> decides), and the file one of the media that page shows.
    /// </summary>
    public async Task<MediaFile?> MediaAsync(Judge judge, int assignmentId, int mediaId, CancellationToken cancellationToken = default)
    {
        var assignment = await db.Assignments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == assignmentId && a.JudgeId == judge.Id && a.RemovedAt == null, cancellationToken);
        if (assignment is null
            || !await db.JudgingRounds.AnyAsync(r => r.Id == assignment.RoundId && r.State != RoundState.Draft, cancellationToken))
            return null;
        var entries = await UsableEntriesAsync(judge, [assignment.EntryId], cancellationToken);
        if (!entries.TryGetValue(assignment.EntryId, out var row) || row.Entry.Copy is null)
            return null;
        return await BlindMediaOf(assignment.EntryId).FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken);
    }

    /// <summary>The media a judge is shown of an entry: processed photos, videos and documents; never evidence or originals.</summary>
    private IQueryable<MediaFile> BlindMediaOf(int entryId) =>
        db.MediaFiles.AsNoTracking()
            .Where(m => m.EntryId == entryId && m.State == MediaState.Ready
                        && (m.Kind == MediaKind.Photo && m.DisplayJpegKey != null
                            || m.Kind == MediaKind.Video && m.PlaybackKey != null
                            || m.Kind == MediaKind.Document && m.PlaybackKey != null));

    private async Task<IReadOnlyList<QueueItem>> ItemsAsync(Judge judge, JudgingRound round, CancellationToken cancellationToken)
    {
        var entryIds = await db.ActiveAssignments(round.Id).Where(a => a.JudgeId == judge.Id)
            .Select(a => a.EntryId).ToListAsync(cancellationToken);
        var entries = await UsableEntriesAsync(judge, entryIds, cancellationToken);
        var sheets = await db.ScoreSheets.AsNoTracking()
            .Where(s => s.RoundId == round.Id && s.JudgeId == judge.Id)
            .ToDictionaryAsync(s => s.EntryId, cancellationToken);
        return entries.Values
            .Select(e =>
            {
                var label = EntryLabels.Of(round, e.Id);
                sheets.TryGetValue(e.Id, out var sheet);
                return new QueueItem(label, e.Entry.Copy?.Title, e.Entry.CategoryName, sheet?.State, sheet?.UpdatedAt);
            })
            .OrderBy(i => i.Label, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The entries the judge may open among <paramref name="entryIds"/>: still being judged and not conflicted
    /// (declared, own entry, or same organisation, tax code or commune as the entrant), with their blind view.
    /// </summary>
    private async Task<Dictionary<int, BlindEntryRow>> UsableEntriesAsync(Judge judge, IReadOnlyCollection<int> entryIds, CancellationToken cancellationToken)
    {
        if (entryIds.Count == 0)
            return [];
        var facts = (await data.JudgesAsync(judge.Id, cancellationToken)).SingleOrDefault();
        if (facts is null)
            return [];
        var ids = entryIds.ToArray();
        var blind = await db.Entries.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && CouncilData.JudgeableStatuses.Contains(e.Status))
            .Select(e => new { e.Id, e.Blind })
            .ToDictionaryAsync(e => e.Id, e => e.Blind, cancellationToken);
        var result = new Dictionary<int, BlindEntryRow>();
        foreach (var entry in await data.EntriesAsync(blind.Keys, cancellationToken))
        {
            if (CouncilData.IsConflicted(facts, entry))
                continue;
            result[entry.Id] = new BlindEntryRow(entry.Id, new BlindEntry("", entry.CategoryName, blind[entry.Id], []));
        }
        return result;
    }

    private sealed record BlindEntryRow(int Id, BlindEntry Entry);
}
