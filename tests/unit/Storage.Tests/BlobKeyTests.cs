namespace ContestPlatform.Storage.Tests;

public sealed class BlobKeyTests
{
    [Theory]
    [InlineData("logo.png")]
    [InlineData("contests/12/entries/34/original.jpg")]
    [InlineData("exports/scores 2026.csv")]
    [InlineData("médias/été/photo.jpg")]
    [InlineData("a/b..c/d.")]
    public void Platform_keys_are_valid(string key)
    {
        Assert.Equal(key, BlobKey.Validate(key));
        Assert.True(BlobKey.IsValid(key));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/etc/passwd", "relative")]
    [InlineData("../x", "'..'")]
    [InlineData("a/../../b", "'..'")]
    [InlineData("a/./b", "'.'")]
    [InlineData("a\\b", "backslash")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/", "empty segment")]
    [InlineData("a\u0001b", "control character")]
    [InlineData("c:/windows", "colon")]
    [InlineData(".tmp/x", "reserved")]
    [InlineData("a/.b.meta.json", "reserved")]
    public void Invalid_keys_are_refused_with_the_reason(string key, string reason)
    {
        var refusal = Assert.ThrowsAny<ArgumentException>(() => BlobKey.Validate(key));

        Assert.Contains(reason, refusal.Message);
        Assert.False(BlobKey.IsValid(key));
    }

    [Fact]
    public void Keys_over_512_characters_are_refused()
    {
        Assert.True(BlobKey.IsValid(new string('k', 512)));
        Assert.Contains("longer than 512", Assert.Throws<ArgumentException>(() => BlobKey.Validate(new string('k', 513))).Message);
    }

    [Fact]
    public void Refusal_shows_control_characters_escaped_so_logs_stay_readable()
    {
        var refusal = Assert.Throws<ArgumentException>(() => BlobKey.Validate("a\nb"));

        Assert.Contains("a\\u000ab", refusal.Message);
        Assert.DoesNotContain("\n", refusal.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("contests/12/")]
    [InlineData("contests/1")]
    [InlineData("a/b.")]
    public void Prefixes_of_valid_keys_are_valid(string prefix)
    {
        Assert.Equal(prefix, BlobKey.ValidatePrefix(prefix));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("../")]
    [InlineData("a/..")]
    [InlineData("a//")]
    [InlineData("a/.hidden")]
    public void Prefixes_no_valid_key_starts_with_are_refused(string prefix)
    {
        Assert.ThrowsAny<ArgumentException>(() => BlobKey.ValidatePrefix(prefix));
    }
}
