using ContestPlatform.Web.Data;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Data;

/// <summary>
/// The data-protection keys (sign-in cookies, antiforgery, vote form tokens, judges' media links) are kept in the
/// data directory, so what one process signed, the next process over the same data still accepts.
/// </summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task What_one_process_protected_the_next_one_over_the_same_data_reads()
    {
        await using var before = new TestSite();
        var protectedPayload = before.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("thu-nghiem").Protect("phiếu bình chọn DMST-2025-0001");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(before.DataDirectory, DataSetup.KeysFolder), "key-*.xml"));

        // A second host over the same data directory knows nothing of the first one's memory, only its files.
        await using var after = TestSite.Over(before.DataDirectory);
        var read = after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("thu-nghiem").Unprotect(protectedPayload);

        Assert.Equal("phiếu bình chọn DMST-2025-0001", read);
    }

    [Fact]
    public async Task Another_data_directory_has_keys_of_its_own()
    {
        await using var first = new TestSite();
        await using var second = new TestSite();
        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("thu-nghiem").Protect("bí mật");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("thu-nghiem").Unprotect(payload));
    }
}
