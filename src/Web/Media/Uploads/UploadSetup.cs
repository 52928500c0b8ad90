namespace ContestPlatform.Web.Media.Uploads;

public static class UploadSetup
{
    public static IHostApplicationBuilder AddUploads(this IHostApplicationBuilder builder) => builder;

    public static WebApplication MapUploads(this WebApplication app) => app;
}
