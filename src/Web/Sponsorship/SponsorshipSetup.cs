namespace ContestPlatform.Web.Sponsorship;

public static class SponsorshipSetup
{
    /// <summary>Sponsors and MoUs (rules, service), their files (streamed uploads, the logo redraw) and the file endpoints.</summary>
    public static IHostApplicationBuilder AddSponsorship(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StreamedFormReader>();
        builder.Services.AddSingleton<SponsorshipFiles>();
        builder.Services.AddScoped<SponsorshipService>();
        return builder;
    }

    public static WebApplication MapSponsorship(this WebApplication app)
    {
        // Files a stopped process left half-received; nothing refers to them.
        app.Services.GetRequiredService<StreamedFormReader>().ClearStaging();
        app.MapSponsorshipFiles();
        return app;
    }
}
