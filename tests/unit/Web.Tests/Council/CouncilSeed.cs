using System.Net;
using System.Security.Cryptography;
using ContestPlatform.Storage;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Council;

/// <summary>
/// Judging test data written straight into a test site: entrants with distinctive names, accepted entries with a
/// redacted copy, judges linked to signed-in accounts, rounds and assignments. Every call makes fresh rows.
/// </summary>
internal static class CouncilSeed
{
    public const string Password = "MatKhau123";

    // Names no page a judge sees may contain.
    public const string AuthorName = "Nguyễn Văn Tácgiả";
    public const string EntrantName = "Công ty TNHH Cơ khí Tácgiả";
    public const string Organisation = "Công ty TNHH Cơ khí Tácgiả";
    public const string OwnerName = "Trần Thị Chủtàikhoản";
    public const string AuthorUnit = "Trường Cao đẳng Tácgiả";
    public const string FileName = "may-gat-cua-nguyen-van-tacgia.jpg";

    private static int _lastCode = 8000;
    private static int _lastOrder = 100;

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.vn";

    public static async Task<AppUser> UserAsync(TestSite site, string fullName, params string[] roles)
    {
        var user = await site.CreateUserAsync(NewEmail("tk"), Password, roles);
        await site.QueryAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.FullName = fullName;
            return await db.SaveChangesAsync();
        });
        user.FullName = fullName;
        return user;
    }

    public static async Task<Browser> SignInAsync(TestSite site, AppUser user)
    {
        var browser = site.NewBrowser();
        var response = await browser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>A member of the council: an account in the Judge role and its judge row.</summary>
    public static async Task<Judge> JudgeAsync(TestSite site, string name, string organisation = "", string taxCode = "", string commune = "",
        string categories = "")
    {
        var user = await UserAsync(site, name, Roles.Judge);
        return await site.QueryAsync(async db =>
        {
            var judge = new Judge
            {
                UserId = user.Id,
                DisplayName = name,
                Organisation = organisation,
                TaxCode = taxCode,
                Commune = commune,
                ExpertCategoryIds = categories,
                InvitedAt = site.Time.GetUtcNow().UtcDateTime,
            };
            db.Judges.Add(judge);
            await db.SaveChangesAsync();
            return judge;
        });
    }

    /// <summary>A judge signed in in a browser of their own.</summary>
    public static async Task<(Judge Judge, Browser Browser)> SignedInJudgeAsync(TestSite site, string name = "Giám khảo Một", string organisation = "")
    {
        var judge = await JudgeAsync(site, name, organisation);
        var user = await site.QueryAsync(db => db.Users.SingleAsync(u => u.Id == judge.UserId));
        return (judge, await SignInAsync(site, user));
    }

    /// <summary>
    /// An accepted entry whose entrant, authors, title and files all carry identifying names; its blind copy (unless
    /// <paramref name="blind"/> is false) is the redacted text a judge may read.
    /// </summary>
    public static async Task<Entry> EntryAsync(TestSite site, string organisation = Organisation, string taxCode = "", string commune = "Phường Phan Đình Phùng",
        bool blind = true, Action<Entry>? configure = null)
    {
        var owner = await UserAsync(site, OwnerName, Roles.Entrant);
        var now = site.Time.GetUtcNow().UtcDateTime;
        await site.QueryAsync(async db =>
        {
            db.EntrantProfiles.Add(new EntrantProfile
            {
                UserId = owner.Id, Type = EntrantType.Enterprise, Organisation = organisation, TaxCode = taxCode,
                Phone = "0912345678", Commune = commune, Address = "Số 9 đường Tácgiả", UpdatedAt = now,
            });
            return await db.SaveChangesAsync();
        });
        var code = $"DMST-2025-{Interlocked.Increment(ref _lastCode):0000}";
        var entry = new Entry
        {
            OwnerId = owner.Id,
            Status = EntryStatus.Accepted,
            Code = code,
            Title = $"Máy gặt lúa mini của {EntrantName}",
            CategoryId = 1,
            Commune = "Xã Đại Phúc",
            Summary = $"Anh {AuthorName} cải tiến máy gặt.",
            Situation = "Nông dân phải gặt tay.",
            Solution = $"Nhóm của {AuthorName} chế tạo khung.",
            Novelty = "Lần đầu áp dụng.",
            Impact = "Tiết kiệm 2 giờ mỗi sào.",
            Applicability = "Nhân rộng toàn tỉnh.",
            EntrantName = EntrantName,
            AuthorshipCommitted = true,
            CreatedAt = now.AddDays(-10),
            UpdatedAt = now,
            SubmittedAt = now.AddDays(-9),
            Authors =
            [
                new EntryAuthor { Order = 1, FullName = AuthorName, Unit = AuthorUnit, SharePercent = 100, IsRepresentative = true },
            ],
            Blind = blind
                ? new BlindCopy
                {
                    Title = "Máy gặt lúa mini",
                    Summary = "Tác giả cải tiến máy gặt lúa cho ruộng nhỏ.",
                    Situation = "Nông dân phải gặt tay.",
                    Solution = "Khung thép nhẹ, động cơ xăng nhỏ.",
                    Novelty = "Lần đầu áp dụng tại địa phương.",
                    Impact = "Tiết kiệm 2 giờ mỗi sào.",
                    Applicability = "Nhân rộng toàn tỉnh.",
                    RedactedAt = now,
                    RedactedBy = "Tổ thư ký",
                }
                : null,
        };
        configure?.Invoke(entry);
        entry.RefreshSearchText();
        await site.QueryAsync(async db =>
        {
            db.Entries.Add(entry);
            return await db.SaveChangesAsync();
        });
        return entry;
    }

    /// <summary>A processed media file of the entry, with its blobs, named after the author as uploaded files often are.</summary>
    public static async Task<MediaFile> MediaAsync(TestSite site, int entryId, MediaKind kind)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Guid.NewGuid().ToByteArray()));
        var derived = $"media/derived/{sha}";
        var media = new MediaFile
        {
            EntryId = entryId,
            Kind = kind,
            Sha256 = sha,
            OriginalKey = $"media/originals/{sha}",
            Size = 10,
            ContentType = kind switch { MediaKind.Video => "video/mp4", MediaKind.Document => "application/pdf", _ => "image/jpeg" },
            DisplayName = kind == MediaKind.Document ? "thuyet-minh-nguyen-van-tacgia.pdf" : FileName,
            Caption = $"Ảnh do {AuthorName} chụp",
            UploadedAt = site.Time.GetUtcNow().UtcDateTime,
            State = MediaState.Ready,
            Width = 1600,
            Height = 1200,
        };
        switch (kind)
        {
            case MediaKind.Photo or MediaKind.Evidence:
                media.DisplayKey = $"{derived}/display.webp";
                media.DisplayJpegKey = $"{derived}/display.jpg";
                media.ThumbKey = $"{derived}/thumb.webp";
                media.ThumbJpegKey = $"{derived}/thumb.jpg";
                break;
            case MediaKind.Video:
                media.PosterKey = $"{derived}/poster.jpg";
                media.PlaybackKey = $"{derived}/playback.mp4";
                break;
            case MediaKind.Document:
                media.PosterKey = $"{derived}/poster.jpg";
                media.PlaybackKey = $"{derived}/document.pdf";
                break;
        }
        var store = site.Services.GetRequiredService<IBlobStore>();
        foreach (var key in new[] { media.OriginalKey, media.DisplayKey, media.DisplayJpegKey, media.ThumbKey, media.ThumbJpegKey, media.PosterKey, media.PlaybackKey })
        {
            if (!string.IsNullOrEmpty(key))
                await store.WriteAsync(key, new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46]), media.ContentType);
        }
        await site.QueryAsync(async db =>
        {
            db.MediaFiles.Add(media);
            return await db.SaveChangesAsync();
        });
        return media;
    }

    /// <summary>A round written directly (its order unique across the site), open by default.</summary>
    public static Task<JudgingRound> RoundAsync(TestSite site, RoundState state = RoundState.Open, int judgesPerEntry = 3, string name = "Vòng sơ khảo",
        int? order = null) =>
        site.QueryAsync(async db =>
        {
            var round = new JudgingRound
            {
                Name = name,
                Order = order ?? Interlocked.Increment(ref _lastOrder),
                State = state,
                JudgesPerEntry = judgesPerEntry,
                Seed = 7,
                CreatedAt = site.Time.GetUtcNow().UtcDateTime,
                LabelKey = EntryLabels.NewKey(),
            };
            db.JudgingRounds.Add(round);
            await db.SaveChangesAsync();
            return round;
        });

    public static Task<Assignment> AssignAsync(TestSite site, JudgingRound round, int entryId, int judgeId) =>
        site.QueryAsync(async db =>
        {
            var assignment = new Assignment
            {
                RoundId = round.Id, EntryId = entryId, JudgeId = judgeId, Source = AssignmentSource.Manual,
                CreatedAt = site.Time.GetUtcNow().UtcDateTime,
            };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment;
        });

    /// <summary>A browser signed in as a new organizer.</summary>
    public static async Task<Browser> OrganizerAsync(TestSite site) =>
        await SignInAsync(site, await UserAsync(site, "Thư ký Hội đồng", Roles.Organizer));

    /// <summary>The judge's address of an entry in a round.</summary>
    public static string UrlOf(JudgingRound round, int entryId) => $"/giam-khao/vong/{round.Id}/cong-trinh/{EntryLabels.Of(round, entryId)}";

    public static Task<List<AuditEntry>> AuditAsync(TestSite site, string action) =>
        site.QueryAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Sequence).ToListAsync());

    public static Task<ScoreSheet?> SheetAsync(TestSite site, JudgingRound round, int entryId, int judgeId) =>
        site.QueryAsync(db => db.ScoreSheets.AsNoTracking().Include(s => s.Lines)
            .FirstOrDefaultAsync(s => s.RoundId == round.Id && s.EntryId == entryId && s.JudgeId == judgeId));

    public static Task<List<Assignment>> ActiveAsync(TestSite site, int roundId) =>
        site.QueryAsync(db => db.Assignments.AsNoTracking().Where(a => a.RoundId == roundId && a.RemovedAt == null).ToListAsync());
}
