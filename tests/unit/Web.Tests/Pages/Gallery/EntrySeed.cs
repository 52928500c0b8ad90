using System.Net;
using System.Security.Cryptography;
using ContestPlatform.Storage;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Pages.Gallery;

/// <summary>
/// Entries, media rows and their blobs written straight into a test site, as the entrant pages and the
/// media worker would leave them. Each call makes fresh rows with unique codes and keys.
/// </summary>
internal static class EntrySeed
{
    public const string Password = "MatKhau123";
    private static int _lastCode = 5000;

    /// <summary>A word no other test uses, to find this test's entries by search.</summary>
    public static string Token() => "mau" + Guid.NewGuid().ToString("N")[..8];

    public static string NewCode() => $"DMST-2025-{Interlocked.Increment(ref _lastCode):0000}";

    public static async Task<AppUser> UserAsync(TestSite site, string fullName = "Người Thử", params string[] roles)
    {
        var email = $"ts-{Guid.NewGuid():N}@example.vn";
        var user = await site.CreateUserAsync(email, Password, roles.Length == 0 ? [Roles.Entrant] : roles);
        if (fullName != user.FullName)
        {
            await site.QueryAsync(async db =>
            {
                var stored = await db.Users.FindAsync(user.Id);
                stored!.FullName = fullName;
                return await db.SaveChangesAsync();
            });
            user.FullName = fullName;
        }
        return user;
    }

    public static async Task<Browser> SignInAsync(TestSite site, AppUser user)
    {
        var browser = site.NewBrowser();
        var response = await browser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>An entry owned by <paramref name="ownerId"/> in <paramref name="status"/>; every status but Nháp has a code.</summary>
    public static async Task<Entry> EntryAsync(TestSite site, string ownerId, EntryStatus status, Action<Entry>? configure = null)
    {
        var now = site.Time.GetUtcNow().UtcDateTime;
        var entry = new Entry
        {
            OwnerId = ownerId,
            Status = status,
            Code = status == EntryStatus.Draft ? null : NewCode(),
            Title = "Số hóa quy trình tiếp nhận hồ sơ một cửa",
            CategoryId = 1,
            Commune = "Phường Phan Đình Phùng",
            Summary = "Ứng dụng giúp người dân nộp hồ sơ trực tuyến, rút ngắn thời gian giải quyết.",
            Situation = "Trước đây người dân phải đến trụ sở nhiều lần.",
            Solution = "Xây dựng phần mềm tiếp nhận hồ sơ trực tuyến.",
            Novelty = "Lần đầu áp dụng tại địa phương.",
            Impact = "Tiết kiệm thời gian đi lại.",
            Applicability = "Nhân rộng cho các xã, phường trong tỉnh.",
            EntrantName = "Công ty Cổ phần Phần mềm Thái Nguyên",
            AuthorshipCommitted = true,
            CreatedAt = now.AddDays(-3),
            UpdatedAt = now,
            SubmittedAt = status == EntryStatus.Draft ? null : now.AddDays(-2),
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

    public static Task<EntrantProfile> ProfileAsync(TestSite site, string userId, EntrantType type, string organisation = "", string taxCode = "") =>
        site.QueryAsync(async db =>
        {
            var profile = new EntrantProfile
            {
                UserId = userId,
                Type = type,
                Organisation = organisation,
                TaxCode = taxCode,
                Phone = "0912345678",
                Commune = "Phường Phan Đình Phùng",
                Address = "Số 1 đường Hoàng Văn Thụ",
                UpdatedAt = site.Time.GetUtcNow().UtcDateTime,
            };
            db.EntrantProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile;
        });

    /// <summary>
    /// A processed media file: every derivative its kind has is written to storage under a
    /// content-addressed key, as the worker does. <paramref name="bytes"/> is the content of every blob.
    /// </summary>
    public static async Task<MediaFile> MediaAsync(
        TestSite site, int entryId, MediaKind kind, byte[]? bytes = null, Action<MediaFile>? configure = null, string? storedType = null)
    {
        bytes ??= [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
        var sha = Convert.ToHexStringLower(SHA256.HashData(Guid.NewGuid().ToByteArray()));
        var media = new MediaFile
        {
            EntryId = entryId,
            Kind = kind,
            Sha256 = sha,
            OriginalKey = $"media/originals/{sha}",
            Size = bytes.Length,
            ContentType = kind switch
            {
                MediaKind.Video => "video/mp4",
                MediaKind.Document => "application/pdf",
                _ => "image/jpeg",
            },
            DisplayName = "ảnh hiện trường.jpg",
            UploadedAt = site.Time.GetUtcNow().UtcDateTime,
            State = MediaState.Ready,
            Width = 1600,
            Height = 1200,
        };
        var derived = $"media/derived/{sha}";
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
                media.DurationSeconds = 65;
                break;
            case MediaKind.Document:
                media.PosterKey = $"{derived}/poster.jpg";
                media.PlaybackKey = $"{derived}/document.pdf";
                media.PageCount = 12;
                break;
        }
        configure?.Invoke(media);

        var store = site.Services.GetRequiredService<IBlobStore>();
        foreach (var key in new[] { media.OriginalKey, media.DisplayKey, media.DisplayJpegKey, media.ThumbKey, media.ThumbJpegKey, media.PosterKey, media.PlaybackKey })
        {
            if (!string.IsNullOrEmpty(key))
                await store.WriteAsync(key, new MemoryStream(bytes), storedType ?? media.ContentType);
        }
        await site.QueryAsync(async db =>
        {
            db.MediaFiles.Add(media);
            return await db.SaveChangesAsync();
        });
        return media;
    }
}
