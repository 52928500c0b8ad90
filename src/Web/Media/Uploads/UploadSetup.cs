using ContestPlatform.Web.Data;

namespace ContestPlatform.Web.Media.Uploads;

public static class UploadSetup
{
    /// <summary>
    /// Upload limits (section <c>Uploads</c>, validated at start), the staging area under the data
    /// directory, the upload API's services and the sweeper of abandoned uploads.
    /// </summary>
    public static IHostApplicationBuilder AddUploads(this IHostApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration.DataDirectory(builder.Environment);
        builder.Services.AddOptions<UploadOptions>()
            .BindConfiguration(UploadOptions.SectionName)
            .PostConfigure(options =>
            {
                options.StagingDirectory = string.IsNullOrWhiteSpace(options.StagingDirectory)
                    ? Path.Combine(dataDirectory, "uploads")
                    : Path.GetFullPath(options.StagingDirectory, dataDirectory);
            })
            .ValidateDataAnnotations()
            .Validate(o => o.ChunkBytes <= o.VideoMaxBytes, "Uploads:ChunkBytes must not exceed Uploads:VideoMaxBytes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<StagingArea>();
        builder.Services.AddSingleton<UploadLocks>();
        builder.Services.AddSingleton<VideoProbe>();
        builder.Services.AddSingleton<UploadInspector>();
        builder.Services.AddScoped<UploadService>();
        builder.Services.AddSingleton<UploadSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UploadSweeper>());
        return builder;
    }

    public static WebApplication MapUploads(this WebApplication app)
    {
        app.MapUploadEndpoints();
        return app;
    }
}
