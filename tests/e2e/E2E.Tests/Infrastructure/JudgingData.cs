using System.Security.Cryptography;
using System.Text;
using ContestPlatform.Storage;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>An accepted entry to seed: who sent it (the identity judges must never see) and the redacted copy they read.</summary>
public sealed record EntrySample(
    string Code,
    string Title,
    string Category,
    EntrantType Type,
    string EntrantName,
    string OwnerName,
    string Commune,
    IReadOnlyList<(string Name, string Unit, decimal Share)> Authors,
    string BlindTitle,
    string BlindSummary,
    string BlindSolution,
    string BlindImpact)
{
    public string OwnerEmail => $"{Code.ToLowerInvariant()}@example.vn";

    /// <summary>Everything that names the entrant: none of it may reach a judge.</summary>
    public IEnumerable<string> Identity =>
        [EntrantName, OwnerName, OwnerEmail, Title, Code, .. Authors.Select(a => a.Name), .. Authors.Select(a => a.Unit)];
}

/// <summary>
/// Judging data written into a <see cref="SiteServer"/> through the app's own services (UserManager, the judge
/// directory, the scoring service) or, for entries already past validation, straight into its database — what the
/// secretariat's earlier steps (registration, submission, validation, redaction) would have left behind.
/// </summary>
public sealed class JudgingData(SiteServer site)
{
    public const string Password = "SangTao2025";

    /// <summary>An account with a confirmed email, holding <paramref name="roles"/>.</summary>
    public async Task<AppUser> AccountAsync(string fullName, string email, params string[] roles)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
            CreatedAt = site.Clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
            Check(await users.AddToRolesAsync(user, roles));
        return user;
    }

    /// <summary>A member of the council, invited by the secretariat (the directory gives the account the Judge role).</summary>
    public async Task<Judge> JudgeAsync(string fullName, string email, string organisation, AppUser organizer)
    {
        await AccountAsync(fullName, email);
        await using var scope = site.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<JudgeDirectory>();
        var outcome = await directory.InviteAsync(email, new JudgeDetails(fullName, organisation, null, null, []),
            new Actor(organizer.Id, organizer.FullName));
        return outcome.Judge;
    }

    /// <summary>An entry in Hợp lệ with its entrant's profile, authors and the secretariat's redacted copy.</summary>
    public async Task<Entry> AcceptedEntryAsync(EntrySample sample)
    {
        var owner = await AccountAsync(sample.OwnerName, sample.OwnerEmail, Roles.Entrant);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        return await WithDbAsync(async db =>
        {
            var category = await db.Categories.SingleAsync(c => c.Name == sample.Category);
            db.EntrantProfiles.Add(new EntrantProfile
            {
                UserId = owner.Id, Type = sample.Type, Organisation = sample.Type == EntrantType.Individual ? "" : sample.EntrantName,
                Phone = "0208 3855 123", Commune = sample.Commune, Address = $"Tổ 5, {sample.Commune}", UpdatedAt = now,
            });
            var entry = new Entry
            {
                OwnerId = owner.Id,
                Code = sample.Code,
                Status = EntryStatus.Accepted,
                Title = sample.Title,
                CategoryId = category.Id,
                Commune = sample.Commune,
                Summary = $"{sample.BlindSummary} Tác giả: {string.Join(", ", sample.Authors.Select(a => a.Name))}.",
                Situation = "Trước khi áp dụng, công việc làm thủ công, tốn thời gian và chi phí.",
                Solution = $"{sample.BlindSolution} ({sample.EntrantName} thực hiện.)",
                Novelty = "Chưa có giải pháp tương tự được công bố trên địa bàn tỉnh.",
                Impact = sample.BlindImpact,
                Applicability = "Có thể nhân rộng tại các đơn vị cùng lĩnh vực trong tỉnh.",
                EntrantName = sample.EntrantName,
                AuthorshipCommitted = true,
                CreatedAt = now.AddDays(-20),
                SubmittedAt = now.AddDays(-15),
                UpdatedAt = now.AddDays(-5),
                Authors = [.. sample.Authors.Select((a, i) => new EntryAuthor
                {
                    Order = i + 1, FullName = a.Name, Unit = a.Unit, SharePercent = a.Share, BirthYear = 1980 + i,
                    IsRepresentative = i == 0,
                })],
                Blind = new BlindCopy
                {
                    Title = sample.BlindTitle,
                    Summary = sample.BlindSummary,
                    Situation = "Trước khi áp dụng, công việc làm thủ công, tốn thời gian và chi phí.",
                    Solution = sample.BlindSolution,
                    Novelty = "Chưa có giải pháp tương tự được công bố trên địa bàn tỉnh.",
                    Impact = sample.BlindImpact,
                    Applicability = "Có thể nhân rộng tại các đơn vị cùng lĩnh vực trong tỉnh.",
                    RedactedAt = now.AddDays(-4),
                    RedactedBy = "Tổ thư ký",
                },
            };
            entry.RefreshSearchText();
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry;
        });
    }

    /// <summary>
    /// A processed photo and PDF of the entry, uploaded under names that carry the author's name (as uploads
    /// often are): judges get the derivatives, which must not give that name away.
    /// </summary>
    public async Task AttachMediaAsync(Entry entry, string uploadedPhotoName, string uploadedDocumentName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IBlobStore>();
        var photo = await StoreAsync(store, entry.Id, MediaKind.Photo, uploadedPhotoName, "image/jpeg", Photo(1200, 800), 1200, 800);
        var document = await StoreAsync(store, entry.Id, MediaKind.Document, uploadedDocumentName, "application/pdf", Pdf(), null, null);
        await WithDbAsync(async db =>
        {
            db.MediaFiles.AddRange(photo, document);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// What another judge does on their own laptop: opens the entry by its label, saves the scores (DMST, HQ,
    /// KNAD) and, unless <paramref name="submit"/> is false, submits them — through the same services as the page.
    /// </summary>
    public async Task ScoreAsync(Judge judge, int roundId, int entryId, decimal[] points, bool submit = true)
    {
        var actor = await ActorOfAsync(judge);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var task = await TaskAsync(scope, judge, roundId, entryId);
            var input = new SheetInput
            {
                Points = new() { ["DMST"] = Text(points[0]), ["HQ"] = Text(points[1]), ["KNAD"] = Text(points[2]) },
                Comment = "Hồ sơ đầy đủ, số liệu hiệu quả có xác nhận của đơn vị áp dụng.",
                Version = task.Sheet?.Version ?? Guid.Empty,
            };
            var problems = await scope.ServiceProvider.GetRequiredService<ScoringService>().SaveAsync(task, input, forSubmit: submit, actor);
            if (problems.Any)
                throw new InvalidOperationException(string.Join(" ", problems.General.Concat(problems.ByField.Values)));
        }
        if (!submit)
            return;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var task = await TaskAsync(scope, judge, roundId, entryId);
            await scope.ServiceProvider.GetRequiredService<ScoringService>().SubmitAsync(task, task.Sheet!.Version, actor);
        }
    }

    /// <summary>The entries a judge has in a round now (after automatic assignment and any reassignment).</summary>
    public Task<List<int>> AssignedAsync(Judge judge, int roundId) =>
        WithDbAsync(db => db.Assignments.AsNoTracking()
            .Where(a => a.RoundId == roundId && a.JudgeId == judge.Id && a.RemovedAt == null)
            .OrderBy(a => a.EntryId).Select(a => a.EntryId).ToListAsync());

    public Task<JudgingRound> RoundAsync(string name) =>
        WithDbAsync(db => db.JudgingRounds.AsNoTracking().SingleAsync(r => r.Name == name));

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<JudgeTask> TaskAsync(AsyncServiceScope scope, Judge judge, int roundId, int entryId)
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.JudgingRounds.AsNoTracking().SingleAsync(r => r.Id == roundId);
        var workspace = scope.ServiceProvider.GetRequiredService<JudgeWorkspace>();
        return await workspace.FindAsync(judge, roundId, EntryLabels.Of(round, entryId))
               ?? throw new InvalidOperationException($"Judge {judge.DisplayName} cannot open entry {entryId} in round {roundId}.");
    }

    private Task<Actor> ActorOfAsync(Judge judge) =>
        WithDbAsync(async db => new Actor(judge.UserId, (await db.Users.SingleAsync(u => u.Id == judge.UserId)).FullName));

    private async Task<MediaFile> StoreAsync(IBlobStore store, int entryId, MediaKind kind, string uploadedName, string contentType,
        byte[] bytes, int? width, int? height)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var derived = $"media/derived/{sha}";
        var media = new MediaFile
        {
            EntryId = entryId, Kind = kind, Sha256 = sha, OriginalKey = $"media/originals/{sha}", Size = bytes.Length,
            ContentType = contentType, DisplayName = uploadedName, Caption = $"Tệp gốc: {uploadedName}",
            UploadedAt = site.Clock.GetUtcNow().UtcDateTime.AddDays(-16), State = MediaState.Ready, Width = width, Height = height,
        };
        if (kind == MediaKind.Photo)
        {
            media.DisplayJpegKey = $"{derived}/display.jpg";
            media.ThumbJpegKey = $"{derived}/thumb.jpg";
        }
        else
        {
            media.PlaybackKey = $"{derived}/document.pdf";
        }
        foreach (var key in new[] { media.OriginalKey, media.DisplayJpegKey, media.ThumbJpegKey, media.PlaybackKey }.OfType<string>())
            await store.WriteAsync(key, new MemoryStream(bytes), contentType);
        return media;
    }

    /// <summary>A green field under a pale sky: enough to see that the photo loads.</summary>
    private static byte[] Photo(int width, int height)
    {
        using var ramp = Image.Grey(width, height);
        using var sky = Image.Black(width, height / 3, bands: 3).Linear([0.0, 0.0, 0.0], [190.0, 220.0, 240.0]);
        using var field = ramp.Linear([60.0, 80.0, 30.0], [40.0, 110.0, 40.0]);
        using var composed = field.Insert(sky, 0, 0);
        using var pixels = composed.Cast(Enums.BandFormat.Uchar);
        return pixels.JpegsaveBuffer(q: 80);
    }

    /// <summary>A one-page PDF, written by hand.</summary>
    private static byte[] Pdf()
    {
        const string body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
                            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(body);
    }

    private static string Text(decimal points) => points.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
