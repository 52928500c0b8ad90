namespace ContestPlatform.Web.Media.Processing;

public static class MediaProcessingSetup
{
    public static IHostApplicationBuilder AddMediaProcessing(this IHostApplicationBuilder builder) => builder;
}
