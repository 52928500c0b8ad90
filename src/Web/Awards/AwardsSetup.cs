namespace ContestPlatform.Web.Awards;

public static class AwardsSetup
{
    /// <summary>Prize tiers, the award proposal with committee approval, and publication.</summary>
    public static IHostApplicationBuilder AddAwards(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AwardService>();
        builder.Services.AddScoped<EntryFeedbackService>();
        return builder;
    }
}
