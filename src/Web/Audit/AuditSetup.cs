namespace ContestPlatform.Web.Audit;

public static class AuditSetup
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        return builder;
    }
}
