namespace ContestPlatform.Web.Awards.Ceremony;

public static class CeremonySetup
{
    /// <summary>Output-cache policy of the audience page: many screens and phones open it at the ceremony.</summary>
    public const string AudienceCache = "ceremony-screen";

    /// <summary>Lễ trao giải: the reveal service, the broadcaster the audience screens listen to, and its options.</summary>
    public static IHostApplicationBuilder AddCeremony(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CeremonyOptions>().BindConfiguration(CeremonyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CeremonyService>();
        builder.Services.AddSingleton<CeremonyBroadcaster>();
        builder.Services.AddHostedService<CeremonyRefresher>();
        // Keyed by the version of the shared state, so a reveal or an undo is a new page at once.
        builder.Services.AddOutputCache(options => options.AddPolicy(AudienceCache, policy => policy
            .Expire(TimeSpan.FromSeconds(10))
            .VaryByValue(async (context, cancellationToken) => new KeyValuePair<string, string>("v",
                (await context.RequestServices.GetRequiredService<CeremonyBroadcaster>().CurrentAsync(cancellationToken)).Version
                .ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        return builder;
    }

    /// <summary>The audience screens' event stream (the pages themselves are Razor Pages).</summary>
    public static WebApplication MapCeremony(this WebApplication app)
    {
        app.MapGet(CeremonyEvents.Path, CeremonyEvents.StreamAsync).ExcludeFromDescription();
        return app;
    }
}
