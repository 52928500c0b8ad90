using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Awards.Ceremony;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Tests.Council.Results;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Awards.Ceremony;

/// <summary>
/// A ceremony to run in a test: five accepted entries ranked E1 &gt; … &gt; E5 (so with the seeded tiers
/// Giải Nhất E1, Giải Nhì E2 and E3, Giải Ba E4 and E5), a committee of 3 (2 approvals needed), and the proposal
/// taken as far as the test asks, through the award service as the pages call it.
/// </summary>
internal sealed class CeremonySteps(TestSite site)
{
    public static readonly Actor Organizer = new("thu-ky-id", "thu-ky@example.vn");
    private static readonly Actor[] Members = [new("uy-vien-1", "Ủy viên 1"), new("uy-vien-2", "Ủy viên 2")];

    public RoundBuilder Round { get; private set; } = null!;

    /// <summary>Reveal order the rules give for this ranking.</summary>
    public static readonly string[] RevealOrder = ["E5", "E4", "E3", "E2", "E1"];

    public static string Title(string key) => $"Giải pháp số hóa {key} cho nông hộ";

    public async Task<CeremonySteps> RankedAsync()
    {
        string[] judges = ["GK 1", "GK 2", "GK 3"];
        Round = new RoundBuilder(site, "Vòng chung khảo");
        Round.Judge(judges);
        foreach (var key in new[] { "E1", "E2", "E3", "E4", "E5" })
            Round.Entry(key, title: Title(key), entrant: $"Hợp tác xã {key}");
        Round.SubmittedByAll("E1", judges, 19, 28, 28)
            .SubmittedByAll("E2", judges, 17, 26, 26)
            .SubmittedByAll("E3", judges, 15, 23, 23)
            .SubmittedByAll("E4", judges, 13, 20, 20)
            .SubmittedByAll("E5", judges, 11, 17, 17);
        await Round.SaveAsync();
        await site.QueryAsync(async db =>
        {
            var contest = await db.CurrentContestAsync();
            contest.CommitteeSize = 3;
            contest.Version = Guid.NewGuid();
            foreach (var (key, entry) in Round.Entries)
                db.EntryAuthors.AddRange(
                    new EntryAuthor { EntryId = entry.Id, Order = 1, FullName = $"Nguyễn Văn {key}", SharePercent = 60, IsRepresentative = true },
                    new EntryAuthor { EntryId = entry.Id, Order = 2, FullName = $"Trần Thị {key}", SharePercent = 40 });
            // One processed photo for E5, so the screen has a picture to show.
            db.MediaFiles.Add(new MediaFile
            {
                EntryId = Round.EntryId("E5"), Kind = MediaKind.Photo, State = MediaState.Ready, Sha256 = new string('a', 64),
                OriginalKey = "media/originals/a", DisplayJpegKey = "media/derived/a/display.jpg", ContentType = "image/jpeg",
            });
            return await db.SaveChangesAsync();
        });
        return this;
    }

    public Task<AwardProposal> ProposeAsync() => WithAsync(s => s.GetRequiredService<AwardService>().ProposeAsync(Round.Round.Id, Organizer));

    public async Task<int> SendAsync()
    {
        var proposal = await ProposeAsync();
        await WithAsync(async s => { await s.GetRequiredService<AwardService>().SendAsync(proposal.Id, Organizer); return 0; });
        return proposal.Id;
    }

    /// <summary>Sent, and approved by both members, except the awards of <paramref name="pending"/> (approved by one only).</summary>
    public async Task<int> ApprovedAsync(params string[] pending)
    {
        var proposalId = await SendAsync();
        foreach (var key in RevealOrder)
        {
            var awardId = await AwardIdAsync(key);
            foreach (var member in pending.Contains(key) ? Members[..1] : Members)
                await WithAsync(async s => { await s.GetRequiredService<AwardService>().DecideAsync(awardId, true, null, member); return 0; });
        }
        return proposalId;
    }

    public Task<int> AwardIdAsync(string key) =>
        site.QueryAsync(db => db.ProposedAwards.Where(a => a.EntryId == Round.EntryId(key) && db.AwardProposals.Any(p => p.Id == a.ProposalId && p.State != ProposalState.Withdrawn))
            .Select(a => a.Id).SingleAsync());

    public Task<T> CeremonyAsync<T>(Func<CeremonyService, Task<T>> work) => WithAsync(s => work(s.GetRequiredService<CeremonyService>()));

    public Task<RevealOutcome> RevealAsync(string key) =>
        WithAsync(async s => await s.GetRequiredService<CeremonyService>().RevealNextAsync(await AwardIdAsync(key), Organizer));

    public Task<AwardView> UndoAsync(string key) =>
        WithAsync(async s => await s.GetRequiredService<CeremonyService>().UndoAsync(await AwardIdAsync(key), Organizer));

    /// <summary>Entry keys of the revealed awards, in the order they were revealed.</summary>
    public async Task<List<string>> RevealedAsync()
    {
        var view = await CeremonyAsync(c => c.ViewAsync());
        var keys = Round.Entries.ToDictionary(e => e.Value.Id, e => e.Key);
        return [.. view.Order.Where(a => a.Award.RevealedAt is not null).Select(a => keys[a.Award.EntryId])];
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
