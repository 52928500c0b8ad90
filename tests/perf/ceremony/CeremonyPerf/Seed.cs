using System.Security.Cryptography;
using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Storage;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace ContestPlatform.Perf.Ceremony;

/// <summary>
/// What the secretariat has before the ceremony: twelve accepted entries with authors and a processed photo each,
/// a final round scored by three judges (written as the scoring pages store it, like the tests' RoundBuilder),
/// then the award proposal built from that ranking, sent and approved by the committee through the app's own
/// AwardService — so the data, and its audit trail, are what the real workflow leaves behind.
/// </summary>
internal static class Seed
{
    private static readonly (string Title, string Entrant, string[] Authors)[] Entries =
    [
        ("Ứng dụng Internet vạn vật giám sát độ ẩm và tưới tự động cho vùng chè Tân Cương", "Hợp tác xã Chè Hoàng Bình", ["Nguyễn Văn Hùng", "Trần Thị Mai"]),
        ("Nền tảng số tiếp nhận và trả kết quả thủ tục hành chính không giấy tờ cấp xã", "UBND phường Phan Đình Phùng", ["Lê Minh Tuấn", "Phạm Thu Hà", "Đỗ Quang Huy"]),
        ("Máy sao chè tự động điều khiển nhiệt độ bằng vi xử lý", "Công ty TNHH Cơ khí Gia Sàng", ["Hoàng Văn Long"]),
        ("Hệ thống cảnh báo sớm sạt lở đất cho các xã vùng cao", "Trường Đại học Kỹ thuật Công nghiệp", ["Vũ Đức Thắng", "Ngô Thị Lan"]),
        ("Quy trình sản xuất phân hữu cơ vi sinh từ phụ phẩm nông nghiệp", "Hội Nông dân xã Phú Bình", ["Đinh Văn Sơn", "Lý Thị Hoa"]),
        ("Phần mềm quản lý hồ sơ sức khỏe điện tử cho trạm y tế xã", "Trung tâm Y tế khu vực Đồng Hỷ", ["Bùi Thanh Tâm"]),
        ("Gạch không nung từ xỉ thải của nhà máy gang thép", "Công ty Cổ phần Vật liệu Xây dựng Thái Nguyên", ["Phan Văn Đức", "Mai Thị Ngọc"]),
        ("Mô hình lớp học STEM từ vật liệu tái chế", "Trường THCS Chu Văn An", ["Trịnh Thị Hằng", "Nguyễn Thu Trang"]),
        ("Giải pháp truy xuất nguồn gốc sản phẩm OCOP bằng mã QR", "Hợp tác xã Nông sản sạch La Bằng", ["Dương Văn Khánh"]),
        ("Thiết bị lọc nước sinh hoạt dùng năng lượng mặt trời cho hộ gia đình vùng khó khăn", "Đoàn Thanh niên xã Võ Nhai", ["Hà Minh Châu", "Lục Văn Tài"]),
        ("Bản đồ số quản lý đất đai và quy hoạch cấp xã", "UBND xã Đại Từ", ["Tạ Quốc Bảo"]),
        ("Ki-ốt tự phục vụ tiếp nhận người bệnh tại khoa khám bệnh", "Bệnh viện Đa khoa Trung ương Thái Nguyên", ["Cao Thị Thanh", "Lâm Văn Phúc"]),
    ];

    public static async Task<int> RunAsync(string dataDirectory, bool photos)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<AppDbContext>(o => o.UseSqlite(DataSetup.SqliteConnectionString(dataDirectory)))
            .AddSingleton<AuditLog>()
            .AddSingleton<VoteWriter>()
            .AddScoped<VoteService>()
            .AddScoped<AwardService>()
            .AddSingleton<PublicationSchedule>()
            .BuildServiceProvider();
        var now = DateTime.UtcNow;
        var organizer = new ContestPlatform.Web.Entries.Actor("perf-seed", "to-chuc@perf.example.vn");
        int roundId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var contest = await db.CurrentContestAsync();
            var judges = Enumerable.Range(1, 3).Select(i => new Judge { UserId = Guid.NewGuid().ToString(), DisplayName = $"Giám khảo {i}", InvitedAt = now.AddDays(-60) }).ToList();
            db.Judges.AddRange(judges);
            var entries = Entries.Select((e, i) =>
            {
                var entry = new Entry
                {
                    OwnerId = Guid.NewGuid().ToString(), Status = EntryStatus.Accepted, Code = $"{contest.EntryCodePrefix}-{i + 1:0000}",
                    Title = e.Title, EntrantName = e.Entrant, Commune = "Phường Phan Đình Phùng", Summary = e.Title,
                    AuthorshipCommitted = true, CreatedAt = now.AddDays(-90), UpdatedAt = now.AddDays(-80), SubmittedAt = now.AddDays(-85).AddHours(i),
                    Authors = [.. e.Authors.Select((name, a) => new EntryAuthor
                    {
                        Order = a + 1, FullName = name, SharePercent = a == 0 ? 100 - 10 * (e.Authors.Length - 1) : 10, IsRepresentative = a == 0,
                    })],
                };
                entry.RefreshSearchText();
                return entry;
            }).ToList();
            db.Entries.AddRange(entries);
            var round = new JudgingRound { Name = "Vòng chung khảo", Order = 1, State = RoundState.Open, CreatedAt = now.AddDays(-60), Seed = 1 };
            db.JudgingRounds.Add(round);
            await db.SaveChangesAsync();

            string[] codes = [DefaultRubric.Innovation, DefaultRubric.Effectiveness, DefaultRubric.Applicability];
            for (var i = 0; i < entries.Count; i++)
            {
                foreach (var judge in judges)
                {
                    db.Assignments.Add(new Assignment { RoundId = round.Id, EntryId = entries[i].Id, JudgeId = judge.Id, Source = AssignmentSource.Automatic, CreatedAt = now.AddDays(-50) });
                    // Entry i scores lower than entry i - 1: the ranking follows the list above.
                    decimal[] points = [20 - i, 30 - i, 30 - i];
                    db.ScoreSheets.Add(new ScoreSheet
                    {
                        RoundId = round.Id, EntryId = entries[i].Id, JudgeId = judge.Id, State = SheetState.Submitted,
                        UpdatedAt = now.AddDays(-30), SubmittedAt = now.AddDays(-30),
                        Lines = [.. codes.Select((code, c) => new ScoreLine { CriterionCode = code, Points = points[c] })],
                    });
                }
            }
            await db.SaveChangesAsync();
            roundId = round.Id;

            if (photos)
            {
                var store = BlobStoreFactory.Create(new StorageOptions(), Path.Combine(dataDirectory, "blobs"));
                for (var i = 0; i < entries.Count; i++)
                    db.MediaFiles.Add(await PhotoAsync(store, entries[i].Id, i, now));
                await db.SaveChangesAsync();
            }
        }

        int proposalId;
        await using (var scope = services.CreateAsyncScope())
        {
            var awards = scope.ServiceProvider.GetRequiredService<AwardService>();
            var proposal = await awards.ProposeAsync(roundId, organizer);
            await awards.SendAsync(proposal.Id, organizer);
            proposalId = proposal.Id;
        }
        int awardCount, required;
        await using (var scope = services.CreateAsyncScope())
        {
            var awards = scope.ServiceProvider.GetRequiredService<AwardService>();
            var view = (await awards.ViewAsync(proposalId))!;
            (awardCount, required) = (view.Awards.Count, view.Required);
            foreach (var award in view.Awards)
                for (var m = 1; m <= view.Required; m++)
                    await awards.DecideAsync(award.Award.Id, true, null, new ContestPlatform.Web.Entries.Actor($"uy-vien-{m}", $"Ủy viên {m}"));
        }
        Console.WriteLine($"Seeded {Entries.Length} entries{(photos ? " with photos" : "")}, a scored final round, and a proposal of {awardCount} awards sent and approved ({required} approvals each).");
        return 0;
    }

    /// <summary>A made-up landscape (sky, hills, field) in a different hue per entry, stored as the media pipeline would.</summary>
    private static async Task<MediaFile> PhotoAsync(IBlobStore store, int entryId, int index, DateTime now)
    {
        const int width = 1200, height = 900;
        var hue = index * 29 % 120;
        using var sky = Image.Black(width, height, bands: 3).Linear([0.0, 0.0, 0.0], [120.0 + hue, 180.0, 230.0 - hue / 2.0]);
        using var hills = Image.Black(width, height / 2, bands: 3).Linear([0.0, 0.0, 0.0], [50.0, 120.0 + hue / 2.0, 60.0]);
        using var field = Image.Black(width, height / 4, bands: 3).Linear([0.0, 0.0, 0.0], [90.0 + hue, 160.0, 50.0]);
        using var sun = Image.Black(160, 160, bands: 3).Linear([0.0, 0.0, 0.0], [250.0, 210.0, 90.0]);
        using var a = sky.Insert(sun, 880 - hue * 3, 90);
        using var b = a.Insert(hills, 0, height / 2);
        using var c = b.Insert(field, 0, height * 3 / 4);
        using var pixels = c.Cast(Enums.BandFormat.Uchar);
        var bytes = pixels.JpegsaveBuffer(q: 82);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var media = new MediaFile
        {
            EntryId = entryId, Kind = MediaKind.Photo, Sha256 = sha, OriginalKey = $"media/originals/{sha}", Size = bytes.Length,
            ContentType = "image/jpeg", DisplayName = $"anh-{index + 1}.jpg", UploadedAt = now.AddDays(-85), State = MediaState.Ready,
            Width = width, Height = height, DisplayJpegKey = $"media/derived/{sha}/display.jpg", ThumbJpegKey = $"media/derived/{sha}/thumb.jpg",
        };
        foreach (var key in new[] { media.OriginalKey, media.DisplayJpegKey, media.ThumbJpegKey })
            await store.WriteAsync(key, new MemoryStream(bytes), "image/jpeg");
        return media;
    }
}
