namespace ContestPlatform.Storage;

/// <summary>
/// A storage provider failed. Every provider error reaches callers as this one exception type,
/// with a message fit for logs and the provider's own exception as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the operation and key.</param>
    /// <param name="isTransient">Whether trying again later may succeed.</param>
    /// <param name="innerException">The provider's exception.</param>
    /// <param name="key">The key (or list prefix) the operation was for.</param>
    public StorageException(string message, bool isTransient, Exception? innerException = null, string? key = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        Key = key;
    }

    /// <summary>
    /// Whether the failure is likely temporary (timeout, throttling, a service or network outage), so the
    /// same call may succeed later. Non-transient failures (refused credentials, full disk) need a person.
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>The key (or list prefix) the failed operation was for, when there was one.</summary>
    public string? Key { get; }
}
