using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Judging.Aggregation;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Council.Results;

/// <summary>
/// Builds a judging round straight in the site's database: judges, accepted entries, assignments, sheets and
/// votes, written the way the scoring pages store them. Each builder makes its own round, entry codes and
/// judges, so tests sharing a site do not see each other's data (except vote counts, which are contest-wide).
/// </summary>
internal sealed class RoundBuilder(TestSite site, string name = "Vòng sơ khảo", int order = 1)
{
    private static int sequence;
    private readonly string prefix = $"T{Interlocked.Increment(ref sequence):000}";
    private readonly List<Judge> judges = [];
    private readonly List<Entry> entries = [];
    private readonly List<(string Entry, string Judge)> assignments = [];
    private readonly List<(string Entry, string Judge)> withdrawn = [];
    private readonly List<(string Entry, string Judge, SheetState State, decimal[] Scores, string Comment)> sheets = [];
    private readonly List<(string Entry, int Count, int Voided)> votes = [];

    public static readonly DateTime Opening = new(2025, 2, 1, 1, 0, 0, DateTimeKind.Utc);

    public JudgingRound Round { get; private set; } = null!;
    public IReadOnlyDictionary<string, Entry> Entries => entries.ToDictionary(e => Key(e.Code!), e => e);
    public IReadOnlyDictionary<string, Judge> Judges => judges.ToDictionary(j => j.DisplayName, j => j);

    public string Code(string key) => $"DMST-2025-{prefix}{key}";

    public RoundBuilder Judge(params string[] names)
    {
        foreach (var judgeName in names)
            judges.Add(new Judge { UserId = Guid.NewGuid().ToString(), DisplayName = judgeName, InvitedAt = Opening });
        return this;
    }

    /// <summary>An accepted entry submitted <paramref name="submittedDay"/> days after the window opened.</summary>
    public RoundBuilder Entry(string key, int submittedDay = 0, string? title = null, string? entrant = null)
    {
        var entry = new Entry
        {
            OwnerId = Guid.NewGuid().ToString(),
            Status = EntryStatus.Accepted,
            Code = Code(key),
            Title = title ?? $"Công trình {key}",
            EntrantName = entrant ?? $"Đơn vị {key}",
            Commune = "Phường Phan Đình Phùng",
            AuthorshipCommitted = true,
            CreatedAt = Opening,
            UpdatedAt = Opening,
            SubmittedAt = Opening.AddDays(submittedDay),
        };
        entry.RefreshSearchText();
        entries.Add(entry);
        return this;
    }

    /// <summary>Assigns the judge and stores a submitted sheet with DMST, HQ, KNAD in that order.</summary>
    public RoundBuilder Submitted(string entry, string judge, decimal dmst, decimal hq, decimal knad, string comment = "") =>
        Sheet(entry, judge, SheetState.Submitted, [dmst, hq, knad], comment);

    public RoundBuilder Draft(string entry, string judge, decimal dmst, decimal hq, decimal knad) =>
        Sheet(entry, judge, SheetState.Draft, [dmst, hq, knad], "");

    /// <summary>Assigned, nothing saved yet.</summary>
    public RoundBuilder Assigned(string entry, string judge)
    {
        assignments.Add((entry, judge));
        return this;
    }

    /// <summary>A submitted sheet whose assignment was later withdrawn (e.g. the judge declared a conflict).</summary>
    public RoundBuilder Withdrawn(string entry, string judge, decimal dmst, decimal hq, decimal knad)
    {
        withdrawn.Add((entry, judge));
        sheets.Add((entry, judge, SheetState.Submitted, [dmst, hq, knad], ""));
        return this;
    }

    /// <summary>The same scores from every judge named.</summary>
    public RoundBuilder SubmittedByAll(string entry, IEnumerable<string> judgeNames, decimal dmst, decimal hq, decimal knad)
    {
        foreach (var judge in judgeNames)
            Submitted(entry, judge, dmst, hq, knad);
        return this;
    }

    public RoundBuilder Votes(string entry, int count, int voided = 0)
    {
        votes.Add((entry, count, voided));
        return this;
    }

    private RoundBuilder Sheet(string entry, string judge, SheetState state, decimal[] scores, string comment)
    {
        assignments.Add((entry, judge));
        sheets.Add((entry, judge, state, scores, comment));
        return this;
    }

    public async Task<RoundBuilder> SaveAsync()
    {
        await site.QueryAsync(async db =>
        {
            db.Judges.AddRange(judges);
            db.Entries.AddRange(entries);
            Round = new JudgingRound { Name = name, Order = order, State = RoundState.Open, CreatedAt = Opening, Seed = 1 };
            db.JudgingRounds.Add(Round);
            await db.SaveChangesAsync();

            var byKey = entries.ToDictionary(e => Key(e.Code!), e => e.Id);
            var judgeIds = judges.ToDictionary(j => j.DisplayName, j => j.Id);
            db.Assignments.AddRange(assignments.Distinct().Select(a => new Assignment
            {
                RoundId = Round.Id, EntryId = byKey[a.Entry], JudgeId = judgeIds[a.Judge], Source = AssignmentSource.Automatic, CreatedAt = Opening,
            }));
            db.Assignments.AddRange(withdrawn.Select(a => new Assignment
            {
                RoundId = Round.Id, EntryId = byKey[a.Entry], JudgeId = judgeIds[a.Judge], Source = AssignmentSource.Automatic, CreatedAt = Opening,
                RemovedAt = Opening.AddDays(40), RemovedReason = "Giám khảo khai báo xung đột lợi ích",
            }));
            var codes = new[] { DefaultRubric.Innovation, DefaultRubric.Effectiveness, DefaultRubric.Applicability };
            db.ScoreSheets.AddRange(sheets.Select((s, i) => new ScoreSheet
            {
                RoundId = Round.Id,
                EntryId = byKey[s.Entry],
                JudgeId = judgeIds[s.Judge],
                State = s.State,
                Comment = s.Comment,
                UpdatedAt = Opening.AddDays(30).AddMinutes(i),
                SubmittedAt = s.State == SheetState.Submitted ? Opening.AddDays(30).AddMinutes(i) : null,
                Lines = [.. codes.Select((code, c) => new ScoreLine { CriterionCode = code, Points = s.Scores[c], Comment = s.Comment.Length > 0 ? $"{s.Comment} ({code})" : "" })],
            }));
            foreach (var (entry, count, voided) in votes)
            {
                for (var v = 0; v < count + voided; v++)
                {
                    db.Votes.Add(new Vote
                    {
                        EntryId = byKey[entry],
                        UserId = Guid.NewGuid().ToString(),
                        CastAt = Opening.AddDays(10),
                        AccountCreatedAt = Opening,
                        VoidedAt = v < voided ? Opening.AddDays(11) : null,
                        VoidedBy = v < voided ? "thu-ky@example.vn" : null,
                        VoidReason = v < voided ? "Bình chọn bất thường" : null,
                    });
                }
            }
            await db.SaveChangesAsync();
            return 0;
        });
        return this;
    }

    public int EntryId(string key) => Entries[key].Id;

    public int JudgeId(string judgeName) => Judges[judgeName].Id;

    private string Key(string code) => code[$"DMST-2025-{prefix}".Length..];
}

/// <summary>The results service as the pages use it, over the site's own database.</summary>
internal static class ResultsQuery
{
    public static async Task<RoundResults> LoadAsync(TestSite site, int roundId, AggregationMethod? rankBy = null, int topN = ResultsService.DefaultTopN)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var service = new ResultsService(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<VoteService>());
        return await service.LoadAsync(roundId, rankBy, topN) ?? throw new InvalidOperationException($"No round {roundId}");
    }
}
