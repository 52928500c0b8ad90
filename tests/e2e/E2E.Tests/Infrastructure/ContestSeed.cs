using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.E2E.Infrastructure;

/// <summary>
/// What a journey needs to exist before the browser arrives — accounts, accepted entries, earlier votes —
/// written through the app's own services, as the entrant and organizer pages would have left it.
/// </summary>
public static class ContestSeed
{
    private static int _lastCode = 7000;

    /// <summary>An account with a confirmed email holding <paramref name="roles"/>, able to log in with <paramref name="password"/>.</summary>
    public static async Task<AppUser> AccountAsync(SiteServer site, string email, string password, string fullName, params string[] roles)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
            CreatedAt = site.Clock.GetUtcNow().UtcDateTime.AddDays(-90),
        };
        Check(await users.CreateAsync(user, password));
        if (roles.Length > 0)
            Check(await users.AddToRolesAsync(user, roles));
        return user;
    }

    /// <summary>An entry the secretariat has accepted (Hợp lệ), so it is in the gallery and can be voted for.</summary>
    public static async Task<Entry> AcceptedEntryAsync(SiteServer site, string title, string summary, string entrantName, string commune)
    {
        var owner = await AccountAsync(site, $"don-vi-{Guid.NewGuid():N}@example.vn", "SangTao2025", entrantName, Roles.Entrant);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var entry = new Entry
        {
            OwnerId = owner.Id,
            Status = EntryStatus.Accepted,
            Code = $"DMST-2025-{Interlocked.Increment(ref _lastCode):0000}",
            Title = title,
            CategoryId = 1,
            Commune = commune,
            Summary = summary,
            Situation = "Người dân và doanh nghiệp mất nhiều thời gian tìm thông tin, đi lại nhiều lần.",
            Solution = summary,
            Novelty = "Lần đầu áp dụng tại địa phương.",
            Impact = "Tiết kiệm thời gian và chi phí đi lại cho người dân.",
            Applicability = "Có thể nhân rộng cho các xã, phường trong tỉnh.",
            EntrantName = entrantName,
            AuthorshipCommitted = true,
            CreatedAt = now.AddDays(-60),
            UpdatedAt = now.AddDays(-20),
            SubmittedAt = now.AddDays(-45),
        };
        entry.RefreshSearchText();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Entries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    /// <summary>
    /// <paramref name="count"/> votes cast earlier by as many long-standing citizens (rows only: they never log in),
    /// one every ten minutes from <paramref name="castAt"/>.
    /// </summary>
    public static async Task VotesAsync(SiteServer site, int entryId, int count, DateTime castAt)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < count; i++)
        {
            var at = castAt.AddMinutes(10 * i);
            var email = $"cu-dan-{Guid.NewGuid():N}@example.vn";
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), FullName = "Người dân Thái Nguyên",
                CreatedAt = at.AddDays(-120),
            };
            db.Users.Add(user);
            db.Votes.Add(new Vote
            {
                EntryId = entryId, UserId = user.Id, CastAt = at, AccountCreatedAt = user.CreatedAt,
                ClientAddress = $"14.160.{33 + i}.20", Network = $"14.160.{33 + i}.0/24", BrowserId = Guid.NewGuid().ToString("N"),
            });
        }
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
