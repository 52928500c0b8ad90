using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;

// Seeds what the ceremony spike reads (tests/perf/awards/run.sh drives it):
//   AwardsPerf DATA_DIR
// One accepted entry per prize place of the seeded tiers (11 by default), each with two authors, in a
// proposal that was sent, approved, revealed at the ceremony and published an hour ago: /giai-thuong shows the
// full winners list and /le-trao-giai the last reveal.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: AwardsPerf DATA_DIR");
    return 2;
}
await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
    .UseSqlite(DataSetup.SqliteConnectionString(args[0])).Options);
var now = DateTime.UtcNow;
var round = new JudgingRound { Name = "Vòng chung khảo", Order = 1, State = RoundState.Closed, Seed = 1, CreatedAt = now.AddDays(-30), LabelKey = EntryLabels.NewKey() };
db.JudgingRounds.Add(round);
var tiers = await db.PrizeTiers.OrderBy(t => t.Order).ToListAsync();
var places = tiers.SelectMany(t => Enumerable.Repeat(t, t.Places)).ToList();
var entries = places.Select((_, i) =>
{
    var entry = new Entry
    {
        OwnerId = Guid.NewGuid().ToString(),
        Status = EntryStatus.Judged,
        Code = $"DMST-2025-{i + 1:0000}",
        Title = $"Ứng dụng chuyển đổi số trong quản lý hồ sơ hành chính cấp xã, phường số {i + 1}",
        EntrantName = $"Ủy ban nhân dân phường số {i + 1}",
        Commune = "Phường Phan Đình Phùng",
        Summary = "Công trình mẫu cho bài đo tải trang kết quả.",
        AuthorshipCommitted = true,
        CreatedAt = now.AddDays(-60),
        UpdatedAt = now.AddDays(-60),
        SubmittedAt = now.AddDays(-60),
        Authors =
        [
            new EntryAuthor { Order = 1, FullName = "Nguyễn Thị Thu Hằng", SharePercent = 60, IsRepresentative = true },
            new EntryAuthor { Order = 2, FullName = "Trần Đức Mạnh", SharePercent = 40 },
        ],
    };
    entry.RefreshSearchText();
    return entry;
}).ToList();
db.Entries.AddRange(entries);
await db.SaveChangesAsync();

var proposal = new AwardProposal
{
    RoundId = round.Id, State = ProposalState.Sent, CreatedAt = now.AddDays(-10), CreatedBy = "Tổ thư ký", SentAt = now.AddDays(-9),
    PublishAt = now.AddHours(-1), ResultsHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("perf"u8)),
};
proposal.Awards.AddRange(places.Select((tier, i) => new ProposedAward
{
    TierId = tier.Id, EntryId = entries[i].Id, Rank = i + 1, CouncilScore = 75 - i, VoteScore = 18, Total = 93 - i,
    CertificateCode = AwardService.NewCertificateCode(),
    // Revealed at the ceremony, lowest tier first, so the audience screen shows Giải Nhất with the others beside it.
    RevealedAt = now.AddHours(-1),
}));
db.AwardProposals.Add(proposal);
await db.SaveChangesAsync();
Console.WriteLine($"Seeded {entries.Count} published awards.");
return 0;
