using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Votes;

public static class VotesSetup
{
    public const string CastPath = "/binh-chon";

    public static IHostApplicationBuilder AddVotes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VoteOptions>().BindConfiguration(VoteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<VoteService>();
        builder.Services.AddSingleton<VoteWriter>();
        builder.Services.AddScoped<VoteExport>();
        builder.Services.AddSingleton<VoteFormToken>();
        builder.Services.AddScoped<VoteReport>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<VoteOptions>>((options, votes) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Two limits on vote posts: per account (strict) and per client address (generous, for CGNAT).
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsVote(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("a:" + (context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anon"),
                        _ => Window(votes.Value.PerAccountPerMinute))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsVote(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + context.Connection.RemoteIpAddress,
                        _ => Window(votes.Value.PerAddressPerMinute))
                    : RateLimitPartition.GetNoLimiter("")));
        });
        return builder;
    }

    private static bool IsVote(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(CastPath);

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
