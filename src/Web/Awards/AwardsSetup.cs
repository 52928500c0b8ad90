namespace ContestPlatform.Web.Awards;

public static class AwardsSetup
{
    /// <summary>Output-cache policy of the public results pages (read by many at the ceremony).</summary>
    public const string PublishedResultsCache = "published-results";

    /// <summary>Prize tiers, the award proposal with committee approval, and publication.</summary>
    public static IHostApplicationBuilder AddAwards(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AwardService>();
        builder.Services.AddScoped<EntryFeedbackService>();
        builder.Services.AddSingleton<PublicationSchedule>();
        // Anonymous readers only (the default policy skips signed-in requests and responses that set cookies);
        // keyed by before/after the publication moment, so the embargo holds to the second; other edits show
        // within the expiry.
        builder.Services.AddOutputCache(options => options.AddPolicy(PublishedResultsCache, policy => policy
            .Expire(TimeSpan.FromSeconds(10))
            .VaryByValue(async (context, cancellationToken) => new KeyValuePair<string, string>("cong-bo",
                await context.RequestServices.GetRequiredService<PublicationSchedule>().IsPublishedAsync(cancellationToken) ? "da" : "chua"))));
        return builder;
    }
}
