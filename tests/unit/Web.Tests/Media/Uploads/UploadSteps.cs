using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ContestPlatform.Storage;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Uploads;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Media.Uploads;

/// <summary>
/// A site for upload tests: 64 KiB chunks so small files still take several requests, and the media
/// worker off so rows stay as the upload left them.
/// </summary>
public class UploadSite : TestSite
{
    public const int ChunkBytes = 64 * 1024;

    public UploadSite()
    {
        Settings["Uploads:ChunkBytes"] = ChunkBytes.ToString();
        Settings["Media:Worker:Enabled"] = "false";
    }

    public IBlobStore Blobs => Services.GetRequiredService<IBlobStore>();
    public string StagingDirectory => Services.GetRequiredService<StagingArea>().Directory;
}

/// <summary>An entrant signed in through the login form, with the antiforgery token of their pages.</summary>
internal sealed class Entrant(Browser browser, AppUser user, string token)
{
    public Browser Browser { get; } = browser;
    public AppUser User { get; } = user;
    public HttpClient Client => Browser.Client;
    public string Token { get; } = token;
}

/// <summary>The result of a whole upload: the last response, and what it said.</summary>
internal sealed record UploadOutcome(HttpStatusCode Status, string? SessionId, int? MediaId, string? Error);

internal static class UploadSteps
{
    public const string Api = UploadEndpoints.BasePath;

    public static async Task<Entrant> EntrantAsync(TestSite site)
    {
        var email = $"thi-sinh-{Guid.NewGuid():N}@example.vn";
        return await SignInAsync(site, await site.CreateUserAsync(email, "MatKhau123", Roles.Entrant));
    }

    /// <summary>Signs in again, e.g. after the test moved the clock past the sign-in cookie's lifetime.</summary>
    public static Task<Entrant> SignInAgainAsync(TestSite site, Entrant who) => SignInAsync(site, who.User);

    private static async Task<Entrant> SignInAsync(TestSite site, AppUser user)
    {
        var email = user.Email!;
        var browser = site.NewBrowser();
        var login = await browser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = "MatKhau123" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        // Any page with a form carries the token for this signed-in user; the account page is always there.
        var page = await browser.GetPageAsync("/tai-khoan");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new Entrant(browser, user, token);
    }

    public static Task<int> EntryAsync(TestSite site, Entrant owner, EntryStatus status = EntryStatus.Draft) =>
        site.QueryAsync(async db =>
        {
            var now = site.Time.GetUtcNow().UtcDateTime;
            var entry = new Entry { OwnerId = owner.User.Id, Status = status, Title = "Máy sấy nông sản dùng năng lượng mặt trời", CreatedAt = now, UpdatedAt = now };
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

    public static HttpRequestMessage Request(Entrant who, HttpMethod method, string url, HttpContent? content = null, bool withToken = true)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (withToken)
            request.Headers.Add("RequestVerificationToken", who.Token);
        return request;
    }

    public static Task<HttpResponseMessage> StartAsync(Entrant who, int entryId, string kind, string fileName, long size, bool withToken = true) =>
        who.Client.SendAsync(Request(who, HttpMethod.Post, Api, JsonContent.Create(new { entryId, kind, fileName, size }), withToken));

    public static Task<HttpResponseMessage> PutAsync(Entrant who, string id, long offset, ReadOnlyMemory<byte> bytes, bool withToken = true) =>
        who.Client.SendAsync(Request(who, HttpMethod.Put, $"{Api}/{id}?offset={offset}", Octets(bytes), withToken));

    public static Task<HttpResponseMessage> StatusAsync(Entrant who, string id) =>
        who.Client.SendAsync(Request(who, HttpMethod.Get, $"{Api}/{id}"));

    public static Task<HttpResponseMessage> CompleteAsync(Entrant who, string id, bool withToken = true) =>
        who.Client.SendAsync(Request(who, HttpMethod.Post, $"{Api}/{id}/hoan-tat", null, withToken));

    public static Task<HttpResponseMessage> CancelAsync(Entrant who, string id) =>
        who.Client.SendAsync(Request(who, HttpMethod.Delete, $"{Api}/{id}"));

    public static Task<HttpResponseMessage> RemoveAsync(Entrant who, int mediaId, bool withToken = true) =>
        who.Client.SendAsync(Request(who, HttpMethod.Post, $"{Api}/xoa/{mediaId}", null, withToken));

    public static Task<HttpResponseMessage> ListAsync(Entrant who, int entryId) =>
        who.Client.SendAsync(Request(who, HttpMethod.Get, $"{Api}/tep/{entryId}"));

    public static ByteArrayContent Octets(ReadOnlyMemory<byte> bytes)
    {
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>Starts, sends every chunk and completes, as the browser script does; stops at the first refusal.</summary>
    public static async Task<UploadOutcome> UploadAsync(Entrant who, int entryId, string kind, string fileName, byte[] content, int chunkBytes = UploadSite.ChunkBytes)
    {
        var start = await StartAsync(who, entryId, kind, fileName, content.Length);
        if (start.StatusCode != HttpStatusCode.Created)
            return await OutcomeAsync(start, null);
        var id = (await JsonAsync(start)).GetProperty("id").GetString()!;
        for (var offset = 0; offset < content.Length; offset += chunkBytes)
        {
            var put = await PutAsync(who, id, offset, content.AsMemory(offset, Math.Min(chunkBytes, content.Length - offset)));
            if (put.StatusCode != HttpStatusCode.OK)
                return await OutcomeAsync(put, id);
            Assert.Equal(Math.Min(offset + chunkBytes, content.Length), (await JsonAsync(put)).GetProperty("received").GetInt64());
        }
        return await OutcomeAsync(await CompleteAsync(who, id), id);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json",
            $"Expected JSON, got {(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await JsonAsync(response)).GetProperty("error").GetString()!;

    private static async Task<UploadOutcome> OutcomeAsync(HttpResponseMessage response, string? sessionId)
    {
        var json = await JsonAsync(response);
        return new UploadOutcome(
            response.StatusCode,
            sessionId,
            json.TryGetProperty("mediaId", out var media) ? media.GetInt32() : null,
            json.TryGetProperty("error", out var error) ? error.GetString() : null);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Nothing of a refused upload is left: no media or job row for the entry, no session, no staging
    /// file, and no blob holding its content.
    /// </summary>
    public static async Task AssertNothingStoredAsync(UploadSite site, int entryId, byte[] content, string? sessionId)
    {
        var (media, jobs, sessions) = await site.QueryAsync(async db => (
            await db.MediaFiles.CountAsync(m => m.EntryId == entryId),
            await db.MediaJobs.CountAsync(j => db.MediaFiles.Any(m => m.Id == j.MediaFileId && m.EntryId == entryId)),
            await db.UploadSessions.CountAsync(s => s.EntryId == entryId)));
        Assert.Equal(0, media);
        Assert.Equal(0, jobs);
        Assert.Equal(0, sessions);
        Assert.False(await site.Blobs.ExistsAsync(UploadService.OriginalKey(Sha256(content))), "the refused content was stored as a blob");
        if (sessionId is not null)
            Assert.False(File.Exists(Path.Combine(site.StagingDirectory, sessionId + ".part")), "the staging file was left behind");
    }

    /// <summary>A message a Vietnamese reader understands: it has Vietnamese letters, not an exception text.</summary>
    public static void AssertVietnamese(string? message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Matches("[ạảãàáâậầấẩẫăắằặẳẵệềếểễẹẻẽèéịỉĩìíọỏõòóôộồốổỗơớờợởỡụủũùúưựừứửữỵỷỹỳýđ]", message!.ToLowerInvariant());
    }

    public static Task<MediaFile> MediaAsync(TestSite site, int mediaId) =>
        site.QueryAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.Id == mediaId));
}
