using System.CommandLine;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;

namespace ContestPlatform.Web.Cli;

/// <summary><c>audit verify</c>: recomputes the hash chain and names the first tampered entry.</summary>
public static class AuditCommand
{
    public static Command Build(IServiceProvider services)
    {
        var verify = new Command("verify", "Kiểm tra tính toàn vẹn của nhật ký kiểm toán");
        verify.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
            if (result.IsIntact)
            {
                Console.WriteLine($"Nhật ký toàn vẹn: {result.Checked} mục, chuỗi mã băm khớp.");
                return 0;
            }
            Console.Error.WriteLine($"Nhật ký bị can thiệp: mục số {result.FirstBadSequence} {result.Problem}.");
            return 1;
        });
        return new Command("audit", "Nhật ký kiểm toán") { verify };
    }
}
