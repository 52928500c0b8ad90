using System.Net;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestPlatform.Web.Tests.Votes.VoteSteps;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>
/// A site whose requests come from the address in the test's <c>X-Test-Peer</c> header, as if from that
/// TCP peer (the in-memory server has none), so per-address limits and proxies can be tried.
/// </summary>
public sealed class PeerSite : TestSite
{
    public const string PeerHeader = "X-Test-Peer";

    public PeerSite(params (string Key, string Value)[] settings)
    {
        foreach (var (key, value) in settings)
            Settings[key] = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerFilter>());
    }

    /// <summary>A browser whose requests come from <paramref name="peer"/>, optionally through a proxy that adds X-Forwarded-For.</summary>
    public static Browser From(Browser browser, string peer, string? forwardedFor = null)
    {
        browser.Client.DefaultRequestHeaders.Add(PeerHeader, peer);
        if (forwardedFor is not null)
            browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return browser;
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                    context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The client address a vote is counted under: the rate limit per address, proxies, and what a vote stores.</summary>
public sealed class ClientAddressTests
{
    private static async Task<Browser> VoterFromAsync(TestSite site, string peer, string? forwardedFor = null) =>
        PeerSite.From((await VoterAsync(site)).Browser, peer, forwardedFor);

    private static async Task<HttpResponseMessage> CastAsync(TestSite site, Browser browser, Web.Entries.Entry entry)
    {
        var form = await VoteFormAsync(browser, entry);
        Think(site);
        return await browser.SubmitAsync(form, EntryPage(entry), []);
    }

    private static Task<Vote> OnlyVoteAsync(TestSite site, int entryId) =>
        site.QueryAsync(db => db.Votes.AsNoTracking().SingleAsync(v => v.EntryId == entryId));

    [Fact]
    public async Task The_third_vote_from_one_address_within_a_minute_gets_429_while_another_address_still_votes()
    {
        using var site = new PeerSite(("Votes:PerAddressPerMinute", "2"));
        EnterWindow(site);
        var entry = await EntryAsync(site);
        var neighbours = new[] { await VoterFromAsync(site, "203.0.113.5"), await VoterFromAsync(site, "203.0.113.5"), await VoterFromAsync(site, "203.0.113.5") };
        var elsewhere = await VoterFromAsync(site, "203.0.113.6");

        Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(site, neighbours[0], entry)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(site, neighbours[1], entry)).StatusCode);
        var third = await CastAsync(site, neighbours[2], entry);
        var other = await CastAsync(site, elsewhere, entry);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Bạn thao tác quá nhanh", (await Browser.ParseAsync(third)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal(3, await AllVotesAsync(site, entry.Id));
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_client_address_comes_from_x_forwarded_for()
    {
        using var site = new PeerSite(("Network:KnownProxies:0", "10.0.0.1"), ("Votes:PerAddressPerMinute", "1"));
        EnterWindow(site);
        var entry = await EntryAsync(site);
        var second = await EntryAsync(site);

        Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(site, await VoterFromAsync(site, "10.0.0.1", "113.160.10.20"), entry)).StatusCode);
        // Another citizen behind the same proxy has an address of their own, so a limit of 1 does not stop them.
        Assert.Equal(HttpStatusCode.Redirect, (await CastAsync(site, await VoterFromAsync(site, "10.0.0.1", "14.232.5.6"), second)).StatusCode);

        var vote = await OnlyVoteAsync(site, entry.Id);
        Assert.Equal(("113.160.10.20", "113.160.10.0/24"), (vote.ClientAddress, vote.Network));
        Assert.Equal("14.232.5.6", (await OnlyVoteAsync(site, second.Id)).ClientAddress);
    }

    [Fact]
    public async Task X_forwarded_for_from_anyone_but_a_known_proxy_is_ignored()
    {
        using var site = new PeerSite(("Network:KnownProxies:0", "10.0.0.1"));
        EnterWindow(site);
        var entry = await EntryAsync(site);

        await CastAsync(site, await VoterFromAsync(site, "198.51.100.7", "1.2.3.4"), entry);

        Assert.Equal("198.51.100.7", (await OnlyVoteAsync(site, entry.Id)).ClientAddress);
    }

    [Fact]
    public async Task Without_configured_proxies_x_forwarded_for_is_ignored_even_from_loopback()
    {
        using var site = new PeerSite();
        EnterWindow(site);
        var entry = await EntryAsync(site);

        await CastAsync(site, await VoterFromAsync(site, "127.0.0.1", "1.2.3.4"), entry);

        Assert.Equal("127.0.0.1", (await OnlyVoteAsync(site, entry.Id)).ClientAddress);
    }

    [Fact]
    public async Task A_vote_cast_through_the_web_stores_the_browser_cookie_the_address_and_the_network()
    {
        using var site = new PeerSite();
        EnterWindow(site);
        var entry = await EntryAsync(site);
        var browser = await VoterFromAsync(site, "2001:db8:abcd:12::7");

        // The vote box hands the browser its first-party id when it shows the button.
        var (shown, page) = await browser.GetAsync(EntryPage(entry));
        var cookie = shown.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(BrowserId.CookieName + "=", StringComparison.Ordinal));
        var browserId = cookie.Split(';')[0][(BrowserId.CookieName.Length + 1)..];
        Assert.Matches("^[0-9a-f]{32}$", browserId);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Think(site);
        await browser.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#binh-chon form.vote-form")!, EntryPage(entry), []);

        var vote = await OnlyVoteAsync(site, entry.Id);
        Assert.Equal((browserId, "2001:db8:abcd:12::7", "2001:db8:abcd::/48"), (vote.BrowserId, vote.ClientAddress, vote.Network));
    }
}

public sealed class ClientNetworkTests
{
    [Theory]
    [InlineData("113.160.10.20", "113.160.10.0/24")]
    [InlineData("113.160.10.255", "113.160.10.0/24")]
    [InlineData("::ffff:113.160.10.20", "113.160.10.0/24")]
    [InlineData("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::/48")]
    [InlineData("2001:db8:abcd:ffff::1", "2001:db8:abcd::/48")]
    [InlineData("2402:800:6371:1::1", "2402:800:6371::/48")]
    public void Addresses_are_grouped_by_24_bits_for_ipv4_and_48_for_ipv6(string address, string network) =>
        Assert.Equal(network, ClientNetwork.Of(IPAddress.Parse(address)));

    [Fact]
    public void Neighbours_share_a_network_and_strangers_do_not()
    {
        Assert.Equal(ClientNetwork.Of(IPAddress.Parse("14.232.5.1")), ClientNetwork.Of(IPAddress.Parse("14.232.5.200")));
        Assert.NotEqual(ClientNetwork.Of(IPAddress.Parse("14.232.5.1")), ClientNetwork.Of(IPAddress.Parse("14.232.6.1")));
        Assert.NotEqual(ClientNetwork.Of(IPAddress.Parse("2001:db8:1::1")), ClientNetwork.Of(IPAddress.Parse("2001:db8:2::1")));
    }

    [Fact]
    public void No_address_gives_no_network() => Assert.Equal("", ClientNetwork.Of(null));
}
