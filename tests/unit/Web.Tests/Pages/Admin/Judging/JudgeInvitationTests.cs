using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Council;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Pages.Admin.Judging;

public sealed class JudgeInvitationTests(TestSite site) : IClassFixture<TestSite>
{
    private const string InviteUrl = "/quan-tri/cham-diem/giam-khao/moi";

    private async Task<bool> IsJudgeAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, Roles.Judge);
    }

    [Fact]
    public async Task An_invitation_that_fails_at_its_last_write_leaves_no_account_role_judge_or_audit_line()
    {
        // A separate site: the trigger makes every audit line fail, the last write of an invitation.
        using var failing = new TestSite();
        var email = CouncilSeed.NewEmail("giam-khao-that-bai");
        var auditBefore = await failing.QueryAsync(db => db.AuditLog.CountAsync());
        await failing.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER fail_audit BEFORE INSERT ON AuditLog BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END"));

        await using (var scope = failing.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<Web.Council.JudgeDirectory>();
            await Assert.ThrowsAsync<DbUpdateException>(() => directory.InviteAsync(email,
                new Web.Council.JudgeDetails("TS. Thất Bại", "Đại học Thái Nguyên", "", "", []), new Web.Entries.Actor("thu-ky", "Thư ký")));
        }

        Assert.False(await failing.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await failing.QueryAsync(db => db.Judges.AnyAsync(j => j.DisplayName == "TS. Thất Bại")));
        Assert.False(await failing.QueryAsync(db => db.UserRoles.AnyAsync(r => !db.Users.Any(u => u.Id == r.UserId))));
        Assert.Equal(auditBefore, await failing.QueryAsync(db => db.AuditLog.CountAsync()));

        // Once the audit works again, the same invitation goes through from scratch.
        await failing.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_audit"));
        await using (var scope = failing.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<Web.Council.JudgeDirectory>().InviteAsync(email,
                new Web.Council.JudgeDetails("TS. Thất Bại", "Đại học Thái Nguyên", "", "", []), new Web.Entries.Actor("thu-ky", "Thư ký"));
            Assert.True(outcome.NewAccount);
        }
        Assert.True(await failing.QueryAsync(db => db.Judges.AnyAsync(j => j.DisplayName == "TS. Thất Bại")));
    }

    [Fact]
    public async Task A_new_email_gets_an_account_and_an_invitation_whose_links_confirm_it_and_set_a_password()
    {
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var email = CouncilSeed.NewEmail("giam-khao-moi");

        var response = await organizer.SubmitFormAsync(InviteUrl, new()
        {
            ["Invite.Email"] = email,
            ["Input.DisplayName"] = "PGS.TS. Lê Văn Mời",
            ["Input.Organisation"] = "Đại học Thái Nguyên",
            ["Input.TaxCode"] = "4600123456",
            ["Input.Commune"] = "Phường Phan Đình Phùng",
            ["Input.Categories"] = "1",
        }, "#invite-form");

        var list = await organizer.FollowAsync(response);
        Assert.Contains($"Đã tạo tài khoản giám khảo cho {email} và gửi thư mời.", list.QuerySelector(".alert-success")!.TextContent);
        Assert.Contains("PGS.TS. Lê Văn Mời", list.QuerySelector("#judges")!.TextContent);
        var user = await site.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.False(user.EmailConfirmed);
        Assert.True(await IsJudgeAsync(email));
        var judge = await site.QueryAsync(db => db.Judges.AsNoTracking().SingleAsync(j => j.UserId == user.Id));
        Assert.Equal(("Đại học Thái Nguyên", "4600123456", "Phường Phan Đình Phùng", "1", true),
            (judge.Organisation, judge.TaxCode, judge.Commune, judge.ExpertCategoryIds, judge.Active));
        Assert.Single(await CouncilSeed.AuditAsync(site, "judge.invite"));

        // The invited judge follows the mail: confirm the address first, then set a password, then sign in.
        var mail = Assert.Single(site.Mail.To(email));
        Assert.Equal("Thư mời tham gia Hội đồng chuyên môn chấm điểm", mail.Subject);
        var judgeBrowser = site.NewBrowser();
        var confirmed = await judgeBrowser.GetPageAsync(site.Mail.LinkIn(email, "/tai-khoan/xac-nhan-email"));
        Assert.DoesNotContain("không hợp lệ", confirmed.Body!.TextContent);
        var reset = site.Mail.LinkIn(email, "/tai-khoan/dat-lai-mat-khau");
        var set = await judgeBrowser.SubmitFormAsync(reset, new() { ["Input.Password"] = "MatKhauMoi9", ["Input.ConfirmPassword"] = "MatKhauMoi9" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var login = await judgeBrowser.SubmitFormAsync(AccountSetup.LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = "MatKhauMoi9" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var workspace = await judgeBrowser.GetPageAsync("/giam-khao");
        Assert.Contains("Chấm điểm công trình", workspace.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("chưa có trong danh sách Hội đồng", workspace.Body!.TextContent);
    }

    [Fact]
    public async Task An_existing_account_is_given_the_judge_role_and_told_by_mail()
    {
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var existing = await CouncilSeed.UserAsync(site, "Bà Đã Có Tài Khoản", Roles.Entrant);

        var response = await organizer.SubmitFormAsync(InviteUrl, new() { ["Invite.Email"] = existing.Email!, ["Input.DisplayName"] = "TS. Đã Có Tài Khoản" }, "#invite-form");

        var list = await organizer.FollowAsync(response);
        Assert.Contains($"Đã cấp vai trò Giám khảo cho tài khoản {existing.Email}", list.QuerySelector(".alert-success")!.TextContent);
        Assert.True(await IsJudgeAsync(existing.Email!));
        Assert.Equal(1, await site.QueryAsync(db => db.Users.CountAsync(u => u.Email == existing.Email)));
        Assert.Equal(1, await site.QueryAsync(db => db.Judges.CountAsync(j => j.UserId == existing.Id)));
        Assert.DoesNotContain("dat-lai-mat-khau", Assert.Single(site.Mail.To(existing.Email!)).HtmlBody);

        var twice = await organizer.SubmitFormAsync(InviteUrl, new() { ["Invite.Email"] = existing.Email!, ["Input.DisplayName"] = "Lần hai" }, "#invite-form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("đã là giám khảo trong Hội đồng", (await Browser.ParseAsync(twice)).Body!.TextContent);
    }

    [Fact]
    public async Task Bad_invitations_are_refused_next_to_the_field()
    {
        var organizer = await CouncilSeed.OrganizerAsync(site);
        var before = await site.QueryAsync(db => db.Users.CountAsync());

        var badEmail = await organizer.SubmitFormAsync(InviteUrl, new() { ["Invite.Email"] = "khong-phai-email", ["Input.DisplayName"] = "A" }, "#invite-form");
        var badEmailText = (await Browser.ParseAsync(badEmail)).Body!.TextContent;
        Assert.True(badEmailText.Contains("không phải là địa chỉ email hợp lệ"), badEmailText);
        var badCommune = await organizer.SubmitFormAsync(InviteUrl, new()
        {
            ["Invite.Email"] = CouncilSeed.NewEmail("gk"), ["Input.DisplayName"] = "A", ["Input.Commune"] = "Huyện Không Tồn Tại",
        }, "#invite-form");
        Assert.Contains("không có trong danh sách xã, phường", (await Browser.ParseAsync(badCommune)).Body!.TextContent);

        Assert.Equal(before, await site.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Two_organizers_editing_one_judge_do_not_overwrite_each_other()
    {
        var first = await CouncilSeed.OrganizerAsync(site);
        var second = await CouncilSeed.OrganizerAsync(site);
        var judge = await CouncilSeed.JudgeAsync(site, "Giám khảo Sửa");
        var url = $"/quan-tri/cham-diem/giam-khao/{judge.Id}";
        var secondForm = (IHtmlFormElement)(await second.GetPageAsync(url)).QuerySelector("#judge-form")!;

        await first.FollowAsync(await first.SubmitFormAsync(url, new() { ["Input.Organisation"] = "Sở Khoa học và Công nghệ" }, "#judge-form"));
        var later = await second.SubmitAsync(secondForm, url, new() { ["Input.Organisation"] = "Sở Tài chính" });

        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        Assert.Equal("Sở Khoa học và Công nghệ", await site.QueryAsync(db => db.Judges.Where(j => j.Id == judge.Id).Select(j => j.Organisation).SingleAsync()));
    }
}
