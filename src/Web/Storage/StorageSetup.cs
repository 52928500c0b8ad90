using ContestPlatform.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ContestPlatform.Web.Storage;

public static class StorageSetup
{
    /// <summary>
    /// The blob store chosen by configuration (<c>Storage:Provider</c>): local disk under the data
    /// directory by default, Azure Blob when configured. Invalid settings stop the app at start.
    /// </summary>
    public static IHostApplicationBuilder AddBlobStorage(this IHostApplicationBuilder builder, string dataDirectory)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => BlobStoreFactory.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            Path.Combine(dataDirectory, "blobs"),
            // Retry delays and timeouts are wall-clock durations, not contest time: tests move the
            // contest clock (TimeProvider in DI) and must not freeze storage retries with it.
            TimeProvider.System));
        builder.Services.AddHealthChecks().AddCheck<BlobStoreHealthCheck>("storage");
        return builder;
    }
}

/// <summary>Storage is healthy when a small blob can be written, read back and deleted.</summary>
public sealed class BlobStoreHealthCheck(IBlobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var key = $"health/{Guid.NewGuid():N}";
        try
        {
            await store.WriteAsync(key, new MemoryStream("ok"u8.ToArray()), "text/plain", null, cancellationToken);
            var readable = await store.ExistsAsync(key, cancellationToken);
            await store.DeleteAsync(key, cancellationToken);
            return readable ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Không đọc lại được dữ liệu vừa ghi.");
        }
        catch (StorageException ex)
        {
            return HealthCheckResult.Unhealthy("Kho lưu trữ tệp không phản hồi.", ex);
        }
    }
}
