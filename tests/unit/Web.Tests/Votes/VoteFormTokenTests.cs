using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>The signed timing token of the vote form: bound to the account, the entry and the time it was shown.</summary>
public sealed class VoteFormTokenTests
{
    private const string Account = "tai-khoan-1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 8, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly VoteOptions _options = new() { MinFormAgeSeconds = 1.5, MaxFormAgeHours = 12 };
    private readonly VoteFormToken _tokens;

    public VoteFormTokenTests() => _tokens = new VoteFormToken(new EphemeralDataProtectionProvider(), _time);

    [Fact]
    public void A_token_posted_a_few_seconds_later_for_its_entry_by_its_account_is_valid()
    {
        var token = _tokens.Issue(Account, 7);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.True(_tokens.IsValid(token, "", Account, 7, _options));
    }

    [Fact]
    public void A_token_issued_for_one_entry_is_refused_for_another()
    {
        var token = _tokens.Issue(Account, 7);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.False(_tokens.IsValid(token, "", Account, 8, _options));
        Assert.False(_tokens.IsValid(token, "", Account, 70, _options));
    }

    [Fact]
    public void A_token_issued_to_another_account_is_refused()
    {
        var token = _tokens.Issue("tai-khoan-2", 7);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.False(_tokens.IsValid(token, "", Account, 7, _options));
    }

    [Fact]
    public void An_expired_token_is_refused()
    {
        var token = _tokens.Issue(Account, 7);
        _time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Assert.True(_tokens.IsValid(token, "", Account, 7, _options));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_tokens.IsValid(token, "", Account, 7, _options));
    }

    [Fact]
    public void A_token_posted_faster_than_a_person_can_is_refused()
    {
        var token = _tokens.Issue(Account, 7);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(_tokens.IsValid(token, "", Account, 7, _options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    public void An_altered_token_is_refused(int position)
    {
        var token = _tokens.Issue(Account, 7);
        _time.Advance(TimeSpan.FromSeconds(3));
        var index = position < 0 ? token.Length + position : position;
        var altered = token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];

        Assert.False(_tokens.IsValid(altered, "", Account, 7, _options));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("không-phải-mã")]
    public void A_missing_or_made_up_token_is_refused(string? token) =>
        Assert.False(_tokens.IsValid(token, "", Account, 7, _options));

    [Fact]
    public void A_filled_honeypot_is_refused_even_with_a_good_token()
    {
        var token = _tokens.Issue(Account, 7);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.False(_tokens.IsValid(token, "http://ban-phieu.example", Account, 7, _options));
    }
}
