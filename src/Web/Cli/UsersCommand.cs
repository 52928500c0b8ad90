using System.CommandLine;
using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ContestPlatform.Web.Cli;

/// <summary><c>users add --email E --password P --role R [--role R2] [--name N]</c>.</summary>
public static class UsersCommand
{
    public static Command Build(IServiceProvider services)
    {
        var email = new Option<string>("--email") { Description = "Email đăng nhập", Required = true };
        var password = new Option<string>("--password") { Description = "Mật khẩu", Required = true };
        var role = new Option<string[]>("--role")
        {
            Description = $"Vai trò: {string.Join(", ", Roles.All)} (có thể lặp lại)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var name = new Option<string?>("--name") { Description = "Họ và tên" };

        var add = new Command("add", "Tạo tài khoản (email đã xác nhận) với vai trò cho trước") { email, password, role, name };
        add.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            return await AddAsync(users, time, parse.GetValue(email)!, parse.GetValue(password)!,
                parse.GetValue(role)!, parse.GetValue(name), Console.Out, Console.Error);
        });

        return new Command("users", "Quản lý tài khoản") { add };
    }

    public static async Task<int> AddAsync(
        UserManager<AppUser> users, TimeProvider time, string email, string password, string[] roleNames,
        string? fullName, TextWriter output, TextWriter error)
    {
        var roles = roleNames.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(r => (r, Roles.Parse(r))).ToList();
        var unknown = roles.Where(r => r.Item2 is null).Select(r => r.r).ToList();
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync($"Vai trò không hợp lệ: {string.Join(", ", unknown)}. Dùng: {string.Join(", ", Roles.All)}.");
            return 2;
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"Email {email} đã có tài khoản. Hãy đổi vai trò trong trang Quản trị › Người dùng.");
            return 1;
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName?.Trim() ?? "",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
            created = await users.AddToRolesAsync(user, roles.Select(r => r.Item2!).Distinct());
        if (!created.Succeeded)
        {
            // Nothing half-made: a user whose roles failed is removed again.
            if (user.Id is not null && await users.FindByIdAsync(user.Id) is { } partial)
                await users.DeleteAsync(partial);
            foreach (var e in created.Errors)
                await error.WriteLineAsync(e.Description);
            return 1;
        }

        await output.WriteLineAsync($"Đã tạo tài khoản {email} với vai trò {string.Join(", ", roles.Select(r => r.Item2).Distinct())}.");
        return 0;
    }
}
