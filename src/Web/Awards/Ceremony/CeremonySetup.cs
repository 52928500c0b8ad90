namespace ContestPlatform.Web.Awards.Ceremony;

public static class CeremonySetup
{
    /// <summary>Lễ trao giải: the reveal service, the broadcaster the audience screens listen to, and its options.</summary>
    public static IHostApplicationBuilder AddCeremony(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CeremonyOptions>().BindConfiguration(CeremonyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CeremonyService>();
        builder.Services.AddSingleton<CeremonyBroadcaster>();
        builder.Services.AddHostedService<CeremonyRefresher>();
        return builder;
    }

    /// <summary>The audience screens' event stream (the pages themselves are Razor Pages).</summary>
    public static WebApplication MapCeremony(this WebApplication app)
    {
        app.MapGet(CeremonyEvents.Path, CeremonyEvents.StreamAsync).ExcludeFromDescription();
        return app;
    }
}
