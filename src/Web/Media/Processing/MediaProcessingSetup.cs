using ContestPlatform.Web.Cli;
using ContestPlatform.Web.Data;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Media.Processing;

public static class MediaProcessingSetup
{
    /// <summary>
    /// The media pipeline: <see cref="MediaProcessor"/>, <see cref="MediaJobs"/> (retry) and
    /// <see cref="MediaJobSignal"/> (wake-up) always; the <see cref="MediaWorker"/> only when the program
    /// serves the web (not for <c>users add</c>, <c>db backup</c> …) and <c>Media:Worker:Enabled</c> is not false.
    /// </summary>
    public static IHostApplicationBuilder AddMediaProcessing(this IHostApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration.DataDirectory(builder.Environment);
        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .PostConfigure(o => o.WorkDirectory = string.IsNullOrWhiteSpace(o.WorkDirectory)
                ? Path.Combine(dataDirectory, "work", "media")
                : Path.GetFullPath(o.WorkDirectory, dataDirectory))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(sp => MediaLimits.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => new PhotoProcessor(new PhotoSettings { MaxPixels = sp.GetRequiredService<MediaLimits>().PhotoMaxPixels }));
        builder.Services.AddSingleton<VideoProcessor>();
        builder.Services.AddSingleton<DocumentProcessor>();
        builder.Services.AddSingleton<MediaProcessor>();
        builder.Services.AddSingleton<MediaJobSignal>();
        builder.Services.AddScoped<MediaJobs>();

        if (!ContestCli.IsCommand(Environment.GetCommandLineArgs().Skip(1).ToArray()))
            builder.Services.AddHostedService<MediaWorker>();
        return builder;
    }
}
