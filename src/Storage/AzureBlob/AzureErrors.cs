using System.Net.Sockets;
using Azure;

namespace ContestPlatform.Storage.AzureBlob;

/// <summary>Maps Azure SDK failures onto <see cref="StorageException"/>.</summary>
internal static class AzureErrors
{
    public static bool IsNotFound(Exception ex) => ex is RequestFailedException { Status: 404 };

    public static bool IsContainerNotFound(Exception ex) =>
        ex is RequestFailedException { Status: 404, ErrorCode: "ContainerNotFound" };

    /// <summary>
    /// Wraps a provider failure, or returns <see langword="null"/> for exceptions that must pass unchanged
    /// (the caller's cancellation, programming errors).
    /// </summary>
    public static StorageException? Translate(Exception ex, string operation, string key, CancellationToken cancellationToken)
    {
        var (transient, reason) = ex switch
        {
            // Status 0: no response at all (connection refused or reset, DNS failure).
            RequestFailedException { Status: 0 } r => (true, $"no response ({r.InnerException?.Message ?? r.Message})"),
            RequestFailedException r => (IsTransientStatus(r.Status), $"{r.Status} {r.ErrorCode} ({FirstLine(r.Message)})"),

            // The SDK's per-request network timeout surfaces as a cancellation nobody asked for.
            OperationCanceledException when !cancellationToken.IsCancellationRequested => (true, "the network timeout expired"),
            HttpRequestException or IOException or SocketException => (true, ex.Message),
            _ => (false, null as string),
        };

        return reason is null
            ? null
            : new StorageException($"Azure blob {operation} of \"{key}\" failed: {reason}.", transient, ex, key);
    }

    // The SDK's message goes on to list request and response headers; the first line says what happened.
    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd();

    private static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;
}
