using System.Net.Sockets;
using Azure;
using ContestPlatform.Storage.AzureBlob;

namespace ContestPlatform.Storage.Tests.AzureBlob;

public sealed class AzureErrorsTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(409, false)]
    public void Service_status_decides_whether_a_failure_is_transient(int status, bool transient)
    {
        var failure = AzureErrors.Translate(new RequestFailedException(status, "Service said no."), "write", "a.txt", default);

        Assert.NotNull(failure);
        Assert.Equal(transient, failure.IsTransient);
        Assert.Equal("a.txt", failure.Key);
        Assert.StartsWith("Azure blob write of \"a.txt\" failed:", failure.Message);
    }

    [Fact]
    public void Network_failures_and_sdk_timeouts_are_transient()
    {
        Assert.True(AzureErrors.Translate(new HttpRequestException("reset"), "read", "a", default)?.IsTransient);
        Assert.True(AzureErrors.Translate(new IOException("reset"), "read", "a", default)?.IsTransient);
        Assert.True(AzureErrors.Translate(new SocketException(), "read", "a", default)?.IsTransient);
        Assert.True(AzureErrors.Translate(new TaskCanceledException("network timeout"), "read", "a", default)?.IsTransient);
    }

    [Fact]
    public void Caller_cancellation_and_programming_errors_pass_unchanged()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Null(AzureErrors.Translate(new OperationCanceledException(cancellation.Token), "read", "a", cancellation.Token));
        Assert.Null(AzureErrors.Translate(new InvalidOperationException(), "read", "a", default));
    }
}
