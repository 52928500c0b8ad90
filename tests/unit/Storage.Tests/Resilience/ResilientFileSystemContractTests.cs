using ContestPlatform.Storage.FileSystem;
using ContestPlatform.Storage.Resilience;
using ContestPlatform.Storage.Tests.Support;

namespace ContestPlatform.Storage.Tests.Resilience;

/// <summary>The decorator must keep the contract of the store it wraps (nulls, listing, pass-through errors).</summary>
public sealed class ResilientFileSystemContractTests : BlobStoreContract, IDisposable
{
    private readonly TempDirectory _root = new();

    public ResilientFileSystemContractTests() =>
        Store = new ResilientBlobStore(new FileSystemBlobStore(_root.Path), StorageResilience.CreatePipeline(new StorageResilienceOptions()));

    protected override IBlobStore Store { get; }

    public void Dispose() => _root.Dispose();
}
