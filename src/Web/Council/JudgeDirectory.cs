using System.Security.Cryptography;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Council;

/// <summary>What the secretariat records about a judge: name, affiliation (for conflict rules) and expertise.</summary>
public sealed record JudgeDetails(string? DisplayName, string? Organisation, string? TaxCode, string? Commune, IReadOnlyList<int> ExpertCategoryIds, bool Active = true);

/// <summary>The result of an invitation: the judge row, its account, and whether the account is new (it then needs a password).</summary>
public sealed record InviteOutcome(Judge Judge, AppUser User, bool NewAccount);

/// <summary>
/// The members of the Hội đồng chuyên môn. Inviting an email that has an account gives it the Judge role; a new
/// email gets an account with an unusable random password, the Judge role and an unconfirmed email — the page then
/// mails the links to confirm the address and set a password. Either way the judge row keeps the affiliation
/// conflict rules compare with entrants. Deactivating a judge does not touch assignments by itself: the judge no
/// longer opens anything, the board shows their entries as missing a judge, and the next automatic assignment
/// replaces them.
/// </summary>
public sealed class JudgeDirectory(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider time, Communes communes)
{
    public const string StaleMessage =
        "Hồ sơ giám khảo vừa được người khác cập nhật. Vui lòng tải lại trang để xem thông tin mới nhất; thay đổi của bạn chưa được lưu.";

    /// <summary>
    /// Invites <paramref name="email"/> into the council; throws <see cref="EntryRuleException"/> when refused. The
    /// account, its role, the judge row and the audit line are saved in one transaction: a failure leaves none.
    /// </summary>
    public async Task<InviteOutcome> InviteAsync(string email, JudgeDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        email = (email ?? "").Trim();
        await CheckAsync(details, cancellationToken);
        try
        {
            return await audit.InTransactionWithAuditAsync(db, actor, () => InviteStepsAsync(email, details, cancellationToken), cancellationToken);
        }
        catch
        {
            // Rolled back: what the context still tracks (the new account, the judge row) was never stored.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<(InviteOutcome, IReadOnlyList<AuditRecord>)> InviteStepsAsync(string email, JudgeDetails details, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = await users.FindByEmailAsync(email);
        var newAccount = user is null;
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = false,
                FullName = Clean(details.DisplayName),
                CreatedAt = now,
            };
            // Nobody knows this password: the invitation's link sets the real one.
            Check(await users.CreateAsync(user, RandomPassword()));
        }
        else if (await db.Judges.AsNoTracking().AnyAsync(j => j.UserId == user.Id && j.Active, cancellationToken))
        {
            throw new EntryRuleException($"Tài khoản {email} đã là giám khảo trong Hội đồng.");
        }
        if (!await users.IsInRoleAsync(user, Roles.Judge))
            Check(await users.AddToRoleAsync(user, Roles.Judge));

        var judge = await db.Judges.FirstOrDefaultAsync(j => j.UserId == user.Id, cancellationToken);
        if (judge is null)
        {
            judge = new Judge { UserId = user.Id, InvitedAt = now };
            db.Judges.Add(judge);
        }
        Apply(judge, details with { Active = true }, user);
        judge.Version = Guid.NewGuid();
        AuditRecord record = new("judge.invite", $"user:{user.Id}", new { email, newAccount, details = Describe(judge) });
        return (new InviteOutcome(judge, user, newAccount), [record]);
    }

    /// <summary>Changes a judge's details; <paramref name="version"/> is the judge's version when the form was opened.</summary>
    public async Task UpdateAsync(int judgeId, JudgeDetails details, Guid version, Actor actor, CancellationToken cancellationToken = default)
    {
        var judge = await db.Judges.FirstOrDefaultAsync(j => j.Id == judgeId, cancellationToken)
                    ?? throw new EntryRuleException("Không tìm thấy giám khảo.");
        if (judge.Version != version)
            throw new EntryRuleException(StaleMessage);
        await CheckAsync(details, cancellationToken);
        var user = await users.FindByIdAsync(judge.UserId);
        var before = Describe(judge);
        Apply(judge, details, user);
        db.Entry(judge).Property(j => j.Version).OriginalValue = version;
        judge.Version = Guid.NewGuid();
        try
        {
            await audit.SaveWithAuditAsync(db, actor, new AuditRecord("judge.update", $"judge:{judge.Id}", new { before, after = Describe(judge) }), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EntryRuleException(StaleMessage);
        }
    }

    private async Task CheckAsync(JudgeDetails details, CancellationToken cancellationToken)
    {
        var commune = Clean(details.Commune);
        if (commune.Length > 0 && !communes.Contains(commune))
            throw new EntryRuleException($"“{commune}” không có trong danh sách xã, phường của tỉnh Thái Nguyên.");
        var taxCode = Clean(details.TaxCode);
        if (taxCode.Length > 0 && !taxCode.All(c => char.IsAsciiDigit(c) || c == '-'))
            throw new EntryRuleException("Mã số thuế chỉ gồm chữ số (có thể có dấu gạch ngang).");
        var wanted = details.ExpertCategoryIds.Distinct().ToArray();
        var known = await db.Categories.AsNoTracking().Where(c => wanted.Contains(c.Id)).CountAsync(cancellationToken);
        if (known != wanted.Length)
            throw new EntryRuleException("Có lĩnh vực chuyên môn không tồn tại. Vui lòng tải lại trang rồi chọn lại.");
    }

    private static void Apply(Judge judge, JudgeDetails details, AppUser? user)
    {
        var name = Clean(details.DisplayName);
        judge.DisplayName = name.Length > 0 ? name : user?.FullName is { Length: > 0 } full ? full : user?.Email ?? "";
        judge.Organisation = Clean(details.Organisation);
        judge.TaxCode = Clean(details.TaxCode);
        judge.Commune = Clean(details.Commune);
        judge.ExpertCategoryIds = string.Join(',', details.ExpertCategoryIds.Distinct().Order());
        judge.Active = details.Active;
    }

    private static object Describe(Judge judge) => new
    {
        name = judge.DisplayName,
        organisation = judge.Organisation,
        taxCode = judge.TaxCode,
        commune = judge.Commune,
        categories = judge.ExpertCategoryIds,
        active = judge.Active,
    };

    private static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Long, random and meeting the password rules; never shown or sent.</summary>
    private static string RandomPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'x').Replace('/', 'y') + "a1";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new EntryRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
