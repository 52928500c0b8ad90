using System.CommandLine;

namespace ContestPlatform.Web.Cli;

/// <summary>
/// Operator commands run by the same program as the site, against the configured data directory:
/// <c>users add</c>, <c>db backup</c>, <c>audit verify</c>. Anything else on the command line starts the web server.
/// </summary>
public static class ContestCli
{
    private static readonly string[] Commands = ["users", "db", "audit"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var root = new RootCommand("ContestPlatform — lệnh quản trị")
        {
            UsersCommand.Build(services),
            DbCommand.Build(services),
            AuditCommand.Build(services),
        };
        return await root.Parse(args).InvokeAsync();
    }
}
