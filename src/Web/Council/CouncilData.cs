using System.Globalization;
using ContestPlatform.Judging.Conflicts;
using ContestPlatform.Judging.Participants;
using ContestPlatform.Judging.Ranking;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Council;

/// <summary>
/// A judge as the council services see them: the stored row, the domain profile used by assignment (declared
/// conflicts and the judge's own entries both count as "declared"), and whether they may be given entries.
/// </summary>
public sealed record JudgeFacts(Judge Judge, JudgeProfile Profile, IReadOnlySet<int> DeclaredEntries, IReadOnlySet<int> OwnEntries, bool Eligible)
{
    public int Id => Judge.Id;

    /// <summary>Organizer-facing name: the display name, else the account's.</summary>
    public string Name { get; init; } = Judge.DisplayName;
}

/// <summary>An entry as the council services see it: what organizers read, and the domain profile.</summary>
public sealed record EntryFacts(int Id, string Code, string Title, int? CategoryId, string CategoryName, EntryStatus Status, EntryProfile Profile);

/// <summary>
/// Loads council rows and maps them to the judging domain (the domain computes, the web persists).
/// Conflict rules look at the entrant's organisation, tax code and commune (its profile), the entrant's
/// public name and every author's unit; the entry's place of application is not the entrant's commune
/// and is deliberately left out. Categories are compared by id, so renaming one changes nothing.
/// </summary>
public sealed class CouncilData(AppDbContext db)
{
    public const string OwnEntryLabel = "Giám khảo là người nộp công trình này";

    /// <summary>Statuses of entries the first round judges (and later rounds inherit from).</summary>
    public static readonly EntryStatus[] JudgeableStatuses = [EntryStatus.Accepted, EntryStatus.Judging, EntryStatus.Judged];

    /// <summary>The rubric in force, validated by the domain.</summary>
    public async Task<Rubric> RubricAsync(CancellationToken cancellationToken = default) =>
        (await RubricRowAsync(cancellationToken)).ToDomain();

    /// <summary>Tie-break codes of the rubric in force: its stored order when usable, else the domain's default for it.</summary>
    public async Task<IReadOnlyList<string>> TieBreakAsync(Rubric rubric, CancellationToken cancellationToken = default)
    {
        var stored = (await RubricRowAsync(cancellationToken)).TieBreakCodes;
        var judged = rubric.JudgedCriteria.Select(c => c.Code).ToHashSet();
        return stored.Count > 0 && stored.All(judged.Contains) ? stored : TieBreakOrder.For(rubric);
    }

    private async Task<Content.Rubrics.ScoringRubric> RubricRowAsync(CancellationToken cancellationToken) =>
        await db.Rubrics.AsNoTracking().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.InForce, cancellationToken)
        ?? throw new EntryRuleException("Chưa có bộ tiêu chí chấm điểm nào đang áp dụng.");

    public async Task<IReadOnlyList<EntryFacts>> EntriesAsync(IEnumerable<int> entryIds, CancellationToken cancellationToken = default)
    {
        var ids = entryIds.Distinct().ToArray();
        if (ids.Length == 0)
            return [];
        var entries = await db.Entries.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.Title, e.CategoryId, e.Status, e.OwnerId, e.EntrantName })
            .ToListAsync(cancellationToken);
        var owners = entries.Select(e => e.OwnerId).Distinct().ToList();
        var profiles = await db.EntrantProfiles.AsNoTracking()
            .Where(p => owners.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        var units = (await db.EntryAuthors.AsNoTracking()
                .Where(a => ids.Contains(a.EntryId))
                .Select(a => new { a.EntryId, a.Unit })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.EntryId, a => a.Unit);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        return entries.OrderBy(e => e.Code).ThenBy(e => e.Id).Select(e =>
        {
            profiles.TryGetValue(e.OwnerId, out var profile);
            var affiliation = new Affiliation(
                [profile?.Organisation, e.EntrantName, .. units[e.Id]],
                [profile?.TaxCode],
                [profile?.Commune]);
            var category = e.CategoryId?.ToString(CultureInfo.InvariantCulture);
            return new EntryFacts(e.Id, e.Code ?? $"#{e.Id}", e.Title, e.CategoryId,
                e.CategoryId is { } id && categories.TryGetValue(id, out var name) ? name : "",
                e.Status, new EntryProfile(e.Id, category, affiliation));
        }).ToList();
    }

    /// <summary>
    /// Every judge row with its conflicts. Eligible = active and still holding the Judge role: only they get
    /// new entries, and assignments of the others are dropped by the next automatic assignment.
    /// </summary>
    public async Task<IReadOnlyList<JudgeFacts>> JudgesAsync(int? onlyJudgeId = null, CancellationToken cancellationToken = default)
    {
        var judges = await db.Judges.AsNoTracking()
            .Where(j => onlyJudgeId == null || j.Id == onlyJudgeId)
            .OrderBy(j => j.DisplayName).ThenBy(j => j.Id).ToListAsync(cancellationToken);
        var userIds = judges.Select(j => j.UserId).ToList();
        var roleHolders = (await (from ur in db.UserRoles
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where r.Name == Roles.Judge && userIds.Contains(ur.UserId)
                                  select ur.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? "" : u.FullName, cancellationToken);
        var declared = (await db.ConflictDeclarations.AsNoTracking()
                .Where(c => onlyJudgeId == null || c.JudgeId == onlyJudgeId)
                .Select(c => new { c.JudgeId, c.EntryId }).ToListAsync(cancellationToken))
            .ToLookup(c => c.JudgeId, c => c.EntryId);
        var owned = (await db.Entries.AsNoTracking().Where(e => userIds.Contains(e.OwnerId))
                .Select(e => new { e.OwnerId, e.Id }).ToListAsync(cancellationToken))
            .ToLookup(e => e.OwnerId, e => e.Id);

        return judges.Select(j =>
        {
            var declaredIds = declared[j.Id].ToHashSet();
            var ownIds = owned[j.UserId].ToHashSet();
            var profile = new JudgeProfile(j.Id, Affiliation.Of(j.Organisation, j.TaxCode, j.Commune),
                j.ExpertCategories.Select(c => c.ToString(CultureInfo.InvariantCulture)),
                declaredIds.Concat(ownIds));
            var name = string.IsNullOrWhiteSpace(j.DisplayName) ? accounts.GetValueOrDefault(j.UserId, $"Giám khảo {j.Id}") : j.DisplayName;
            return new JudgeFacts(j, profile, declaredIds, ownIds, j.Active && roleHolders.Contains(j.UserId)) { Name = name };
        }).ToList();
    }

    /// <summary>
    /// Why the judge must not score the entry, as organizers read it; empty when nothing stands in the way.
    /// A judge's own entry gets its own label instead of passing for a declared conflict.
    /// </summary>
    public static IReadOnlyList<string> ConflictLabels(JudgeFacts judge, EntryFacts entry)
    {
        var labels = new List<string>();
        if (judge.DeclaredEntries.Contains(entry.Id))
            labels.Add(new Conflict(ConflictReason.Declared).Label);
        if (judge.OwnEntries.Contains(entry.Id))
            labels.Add(OwnEntryLabel);
        var byAffiliation = new JudgeProfile(judge.Id, judge.Profile.Affiliation);
        labels.AddRange(ConflictRules.Find(byAffiliation, entry.Profile).Select(c => c.Label));
        return labels;
    }

    public static bool IsConflicted(JudgeFacts judge, EntryFacts entry) => ConflictRules.IsConflicted(judge.Profile, entry.Profile);
}
