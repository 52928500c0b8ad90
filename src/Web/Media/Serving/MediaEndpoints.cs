namespace ContestPlatform.Web.Media.Serving;

public static class MediaEndpoints
{
    public static WebApplication MapMediaFiles(this WebApplication app) => app;
}
