namespace ContestPlatform.Web.Tests.Pages.Account;

public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1 rows: key "12345678901234567890" (Base32 below), last six digits.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Test_helper_matches_the_RFC_6238_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
}
