using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Users;

public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public string? Query { get; private set; }
    public string? Role { get; private set; }
    public int PageNumber { get; private set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record UserRow(
        string Id, string Email, string FullName, DateTime CreatedAt, bool EmailConfirmed, bool TwoFactor, bool Locked,
        IReadOnlyList<string> Roles);

    public async Task OnGetAsync(
        [FromQuery(Name = "q")] string? query, [FromQuery(Name = "vaiTro")] string? role, [FromQuery(Name = "trang")] int page,
        CancellationToken cancellationToken)
    {
        Role = Roles.Parse(role);
        Query = query?.Trim();
        if (Query is { Length: > 200 })
            Query = Query[..200];
        PageNumber = page;

        var users = db.Users.AsNoTracking();
        if (Role is not null)
        {
            var roleId = await db.Roles.Where(r => r.Name == Role).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        users = users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email);

        List<string> pageIds;
        if (string.IsNullOrEmpty(Query))
        {
            Total = await users.CountAsync(cancellationToken);
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            pageIds = await users.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(u => u.Id).ToListAsync(cancellationToken);
        }
        else
        {
            // Searched in memory so "nguyen van a" finds "Nguyễn Văn A": SQLite cannot fold Vietnamese
            // diacritics. Only three short columns are read, which stays cheap for a provincial contest.
            var folded = VietnameseText.Fold(Query);
            var matches = (await users.Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(cancellationToken))
                .Where(u => VietnameseText.Fold(u.Email).Contains(folded, StringComparison.Ordinal)
                            || VietnameseText.Fold(u.FullName).Contains(folded, StringComparison.Ordinal))
                .Select(u => u.Id)
                .ToList();
            Total = matches.Count;
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            pageIds = matches.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        }

        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking().Where(u => pageIds.Contains(u.Id)).ToListAsync(cancellationToken);
        var roles = await (
                from userRole in db.UserRoles
                join stored in db.Roles on userRole.RoleId equals stored.Id
                where pageIds.Contains(userRole.UserId)
                select new { userRole.UserId, stored.Name })
            .ToListAsync(cancellationToken);
        Users = pageIds
            .Select(id => rows.First(u => u.Id == id))
            .Select(u => new UserRow(
                u.Id, u.Email ?? "", u.FullName, u.CreatedAt, u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd > now,
                Roles.All.Where(r => roles.Any(x => x.UserId == u.Id && x.Name == r)).ToList()))
            .ToList();
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = Query, ["vaiTro"] = Role, ["trang"] = page.ToString() };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/quan-tri/nguoi-dung",
            query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
