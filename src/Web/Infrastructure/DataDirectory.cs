using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContestPlatform.Web.Infrastructure;

/// <summary>The absolute data directory (SQLite file, blobs, mail pickup folder).</summary>
public sealed record DataDirectory(string Path);

/// <summary>Storage is healthy when the data directory accepts a write.</summary>
public sealed class DataDirectoryHealthCheck(DataDirectory data) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(data.Path, $".health-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("Không ghi được vào thư mục dữ liệu.", ex);
        }
    }
}
