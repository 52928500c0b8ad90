using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>
/// The evening of the ceremony: accepted entries with authors and a photo, a final round the council has scored
/// (rows as the scoring pages store them), and the award proposal built from its ranking, sent and approved by a
/// committee of three through the app's AwardService. Entries are ranked in the order given.
/// </summary>
public static class CeremonyData
{
    public sealed record Winner(string Title, string Entrant, string[] Authors);

    public static async Task<List<Entry>> ApprovedProposalAsync(SiteServer site, IReadOnlyList<Winner> ranked)
    {
        var entries = new List<Entry>();
        foreach (var winner in ranked)
        {
            var entry = await ContestSeed.AcceptedEntryAsync(site, winner.Title, winner.Title, winner.Entrant, "Phường Phan Đình Phùng");
            await new JudgingData(site).AttachMediaAsync(entry, "anh-cong-trinh.jpg", "thuyet-minh.pdf");
            entries.Add(entry);
        }
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var organizer = new Actor("thu-ky-e2e", "Tổ thư ký");
        int roundId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var contest = await db.CurrentContestAsync();
            contest.CommitteeSize = 3;
            contest.Version = Guid.NewGuid();
            for (var i = 0; i < ranked.Count; i++)
                db.EntryAuthors.AddRange(ranked[i].Authors.Select((name, a) => new EntryAuthor
                {
                    EntryId = entries[i].Id, Order = a + 1, FullName = name, SharePercent = a == 0 ? 100 - 10 * (ranked[i].Authors.Length - 1) : 10,
                    IsRepresentative = a == 0,
                }));
            var judges = Enumerable.Range(1, 3).Select(j => new Judge { UserId = Guid.NewGuid().ToString(), DisplayName = $"Giám khảo {j}", InvitedAt = now.AddDays(-40) }).ToList();
            db.Judges.AddRange(judges);
            var round = new JudgingRound { Name = "Vòng chung khảo", Order = 1, State = RoundState.Open, CreatedAt = now.AddDays(-30), Seed = 1 };
            db.JudgingRounds.Add(round);
            await db.SaveChangesAsync();
            string[] codes = [DefaultRubric.Innovation, DefaultRubric.Effectiveness, DefaultRubric.Applicability];
            for (var i = 0; i < entries.Count; i++)
                foreach (var judge in judges)
                {
                    db.Assignments.Add(new Assignment { RoundId = round.Id, EntryId = entries[i].Id, JudgeId = judge.Id, Source = AssignmentSource.Automatic, CreatedAt = now.AddDays(-30) });
                    decimal[] points = [20 - 2 * i, 30 - 3 * i, 30 - 3 * i];
                    db.ScoreSheets.Add(new ScoreSheet
                    {
                        RoundId = round.Id, EntryId = entries[i].Id, JudgeId = judge.Id, State = SheetState.Submitted,
                        UpdatedAt = now.AddDays(-10), SubmittedAt = now.AddDays(-10),
                        Lines = [.. codes.Select((code, c) => new ScoreLine { CriterionCode = code, Points = points[c] })],
                    });
                }
            await db.SaveChangesAsync();
            roundId = round.Id;
        }
        int proposalId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var awards = scope.ServiceProvider.GetRequiredService<AwardService>();
            proposalId = (await awards.ProposeAsync(roundId, organizer)).Id;
            await awards.SendAsync(proposalId, organizer);
        }
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var awards = scope.ServiceProvider.GetRequiredService<AwardService>();
            foreach (var award in (await awards.ViewAsync(proposalId))!.Awards)
                for (var m = 1; m <= 2; m++)
                    await awards.DecideAsync(award.Award.Id, true, null, new Actor($"uy-vien-{m}", $"Ủy viên {m}"));
        }
        return entries;
    }
}
