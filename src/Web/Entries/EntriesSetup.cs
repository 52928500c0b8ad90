using ContestPlatform.Web.Data.Seeding;

namespace ContestPlatform.Web.Entries;

public static class EntriesSetup
{
    public static IHostApplicationBuilder AddEntries(this IHostApplicationBuilder builder)
    {
        var assets = builder.Configuration["Assets:Directory"] ?? ContestSeeder.DefaultAssetsDirectory;
        builder.Services.AddSingleton(new Communes(assets));
        builder.Services.AddScoped<EntryWorkflow>();
        return builder;
    }
}
