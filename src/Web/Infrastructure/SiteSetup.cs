using System.Globalization;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Data.Seeding;
using ContestPlatform.Web.Markdown;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

namespace ContestPlatform.Web.Infrastructure;

public static class SiteSetup
{
    public static IHostApplicationBuilder AddSiteServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MarkdownRenderer>();
        // Razor would otherwise write every Vietnamese letter as &#x...; — valid, but triple the bytes.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.AddProxySupport();
        CultureInfo.DefaultThreadCurrentCulture = VietnameseFormat.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = VietnameseFormat.Culture;
        return builder;
    }

    public static IHostApplicationBuilder AddContestPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Policies.Organizer);
                options.Conventions.AuthorizeFolder("/Account/Manage");
                options.Conventions.AuthorizeFolder("/Entrant", Policies.Entrant);
                options.Conventions.AuthorizeFolder("/Judge", Policies.Judge);
                options.Conventions.AuthorizeFolder("/Committee", Policies.Committee);
                options.Conventions.AuthorizeFolder("/Votes");
            })
            .AddMvcOptions(options =>
            {
                VietnameseValidation.Apply(options);
                options.Filters.Add<RefusedFormStatus>();
            });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "dmst.af";
            options.HeaderName = "RequestVerificationToken";
        });
        return builder;
    }

    /// <summary>Migrations, roles and the real contest's seed data, before the first request.</summary>
    public static async Task PrepareDataAsync(this WebApplication app)
    {
        await DataSetup.MigrateAsync(app.Services);
        await AccountSetup.EnsureRolesAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var assets = app.Configuration["Assets:Directory"] ?? ContestSeeder.DefaultAssetsDirectory;
        var seeder = new ContestSeeder(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>(),
            assets);
        await seeder.SeedAsync();
    }

    public static WebApplication UseContestPipeline(this WebApplication app)
    {
        app.UseProxySupport();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/loi");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(VietnameseFormat.Culture),
            SupportedCultures = [VietnameseFormat.Culture],
            SupportedUICultures = [VietnameseFormat.Culture],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseRateLimiter();
        app.UseMiddleware<TwoFactorGate>();
        return app;
    }

    public static WebApplication MapContestEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
