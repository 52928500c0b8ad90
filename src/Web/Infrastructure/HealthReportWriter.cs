using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContestPlatform.Web.Infrastructure;

/// <summary>/healthz answers with each check's state as JSON, so an operator sees which part is down.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
            }),
        });
    }
}
