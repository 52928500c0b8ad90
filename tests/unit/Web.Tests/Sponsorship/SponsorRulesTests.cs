using ContestPlatform.Web.Sponsorship;

namespace ContestPlatform.Web.Tests.Sponsorship;

public sealed class SponsorRulesTests
{
    [Theory]
    [InlineData("0100109106")] // Tập đoàn Viettel
    [InlineData("0101248141")] // FPT
    [InlineData("0300588569")] // Vinamilk
    [InlineData("0100109106-001")] // a dependent unit keeps its parent's check digit
    public void Real_tax_codes_have_a_valid_check_digit(string code) => Assert.True(SponsorRules.HasValidCheckDigit(code));

    [Theory]
    [InlineData("0100109107")] // last digit mistyped
    [InlineData("0100190106")] // two digits swapped
    [InlineData("0101234567")]
    [InlineData("010010910")]
    [InlineData("01001091O6")]
    public void Mistyped_tax_codes_fail_the_check_digit(string code) => Assert.False(SponsorRules.HasValidCheckDigit(code));

    [Theory]
    [InlineData("https://hiephoidoanhnghiep.thainguyen.vn", "https://hiephoidoanhnghiep.thainguyen.vn/")]
    [InlineData("http://example.vn/gioi-thieu", "http://example.vn/gioi-thieu")]
    [InlineData("www.example.vn", "https://www.example.vn/")]
    [InlineData("  ", "")]
    public void A_website_is_an_http_or_https_address(string typed, string stored) => Assert.Equal(stored, SponsorRules.Website(typed));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT://example.vn/%0Aalert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.vn")]
    [InlineData("https://user:pass@example.vn")]
    [InlineData("localhost")]
    [InlineData("/duong-dan")]
    public void Anything_else_is_not_a_website(string typed) => Assert.Null(SponsorRules.Website(typed));

    [Fact]
    public void A_stored_link_is_checked_again_before_it_is_shown()
    {
        Assert.Null(SponsorRules.SafeLink("javascript:alert(1)"));
        Assert.Null(SponsorRules.SafeLink(""));
        Assert.Equal("https://example.vn/", SponsorRules.SafeLink("https://example.vn"));
    }
}
