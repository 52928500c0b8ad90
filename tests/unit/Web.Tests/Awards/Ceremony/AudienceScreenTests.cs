using System.Net;
using ContestPlatform.Web.Awards.Ceremony;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Awards.Ceremony;

/// <summary>
/// The public side of the ceremony: the audience page and its event stream, over real HTTP. Both are public, so
/// the embargo matters most here: an award not yet revealed must never be in either.
/// </summary>
public sealed class AudienceScreenTests
{
    private const string Screen = "/le-trao-giai";

    /// <summary>Everything that would give away an award: the entry's code, title, entrant and authors.</summary>
    private static IEnumerable<string> Secrets(CeremonySteps ceremony, string key) =>
        [ceremony.Round.Code(key), CeremonySteps.Title(key), $"Hợp tác xã {key}", $"Nguyễn Văn {key}", $"Trần Thị {key}"];

    [Fact]
    public async Task Before_any_reveal_the_audience_page_shows_the_title_card_and_no_winner()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();

        var (response, page) = await site.NewBrowser().GetAsync(Screen);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var html = page.DocumentElement.OuterHtml;
        foreach (var key in CeremonySteps.RevealOrder)
            Assert.All(Secrets(ceremony, key), secret => Assert.DoesNotContain(secret, html));
        var titleCard = page.QuerySelector("#the-mo-dau")!;
        Assert.False(titleCard.HasAttribute("hidden"));
        Assert.Equal("Lễ trao giải", titleCard.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Cuộc thi “Đổi mới sáng tạo - vì Thái Nguyên thân yêu”", titleCard.TextContent);
        Assert.True(page.QuerySelector("#giai-hien-tai")!.HasAttribute("hidden"));
        // Its own layout: no site header, navigation or footer on the projector; the script is a file (CSP).
        Assert.Null(page.QuerySelector(".site-header, nav, footer"));
        Assert.Equal("/js/ceremony.js", page.QuerySelector("script")!.GetAttribute("src")!.Split('?')[0]);
    }

    [Fact]
    public async Task After_reveals_the_page_shows_the_current_award_large_and_earlier_ones_smaller_and_nothing_else()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();
        await ceremony.RevealAsync("E5");
        await ceremony.RevealAsync("E4");
        await ceremony.RevealAsync("E3");

        var page = await site.NewBrowser().GetPageAsync(Screen);

        Assert.True(page.QuerySelector("#the-mo-dau")!.HasAttribute("hidden"));
        var now = page.QuerySelector("#giai-hien-tai .award-now")!;
        Assert.Equal("Giải Nhì", now.QuerySelector(".award-tier")!.TextContent.Trim());
        Assert.Equal(CeremonySteps.Title("E3"), now.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Nguyễn Văn E3, Trần Thị E3", now.QuerySelector(".award-authors")!.TextContent);
        Assert.Contains("Hợp tác xã E3", now.QuerySelector(".award-entrant")!.TextContent);
        Assert.Contains(ceremony.Round.Code("E3"), now.QuerySelector(".award-code")!.TextContent);
        Assert.Equal([CeremonySteps.Title("E4"), CeremonySteps.Title("E5")],
            page.QuerySelectorAll("#giai-da-cong-bo li .earlier-title").Select(t => t.TextContent.Trim()));
        var html = page.DocumentElement.OuterHtml;
        foreach (var key in new[] { "E2", "E1" })
            Assert.All(Secrets(ceremony, key), secret => Assert.DoesNotContain(secret, html));
    }

    [Fact]
    public async Task The_event_stream_sends_the_state_on_connect_then_each_reveal_and_undo_and_never_an_unrevealed_award()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();
        await ceremony.RevealAsync("E5");

        await using var stream = await EventStreamReader.OpenAsync(site.CreateClient(), CeremonyEvents.Path);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", stream.Response.Headers.CacheControl!.ToString());
        Assert.Equal("no", stream.Response.Headers.GetValues("X-Accel-Buffering").Single());

        var first = await stream.NextAsync();
        Assert.Equal("state", first.Name);
        Assert.Equal("3000", stream.Retry);
        Assert.Equal([ceremony.Round.Code("E5")], first.Codes);
        var current = first.Json.GetProperty("current");
        Assert.Equal("Giải Ba", current.GetProperty("tier").GetString());
        Assert.Equal(CeremonySteps.Title("E5"), current.GetProperty("title").GetString());
        Assert.Equal(["Nguyễn Văn E5", "Trần Thị E5"], current.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Hợp tác xã E5", current.GetProperty("entrant").GetString());
        Assert.Matches(@"^/tep/\d+/anh\.jpg$", current.GetProperty("photo").GetString());

        await ceremony.RevealAsync("E4");
        var second = await stream.NextAsync();
        Assert.Equal([ceremony.Round.Code("E5"), ceremony.Round.Code("E4")], second.Codes);
        Assert.Equal(ceremony.Round.Code("E4"), second.Json.GetProperty("current").GetProperty("code").GetString());
        Assert.True(long.Parse(second.Id!) > long.Parse(first.Id!));

        await ceremony.UndoAsync("E4");
        var undone = await stream.NextAsync();
        Assert.Equal([ceremony.Round.Code("E5")], undone.Codes);

        foreach (var key in new[] { "E3", "E2", "E1" })
            Assert.All(Secrets(ceremony, key), secret => Assert.DoesNotContain(secret, stream.Raw));
    }

    [Fact]
    public async Task The_state_is_computed_once_per_change_and_shared_by_every_connected_screen()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();
        var client = site.CreateClient();
        var screens = new List<EventStreamReader>();
        for (var i = 0; i < 5; i++)
            screens.Add(await EventStreamReader.OpenAsync(client, CeremonyEvents.Path));
        foreach (var screen in screens)
            Assert.Empty((await screen.NextAsync()).Codes);
        var broadcaster = site.Services.GetRequiredService<CeremonyBroadcaster>();
        Assert.Equal(5, broadcaster.ScreenCount);

        await ceremony.RevealAsync("E5");
        var snapshot = await broadcaster.CurrentAsync();
        foreach (var screen in screens)
        {
            var change = await screen.NextAsync();
            Assert.Equal(snapshot.Version.ToString(), change.Id);
            Assert.Equal(snapshot.Json, change.Data);
        }

        foreach (var screen in screens)
            await screen.DisposeAsync();
        // Closed screens are let go of: nothing is kept for them.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (broadcaster.ScreenCount > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Equal(0, broadcaster.ScreenCount);
    }

    [Fact]
    public async Task An_idle_stream_gets_a_heartbeat_comment()
    {
        await using var site = new TestSite();
        await using var stream = await EventStreamReader.OpenAsync(site.CreateClient(), CeremonyEvents.Path);
        await stream.NextAsync();

        var beat = Task.Run(async () =>
        {
            // The heartbeat runs on the site's clock: move it past 15 s until the comment shows up.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!stream.Raw.Contains(": nhip") && DateTime.UtcNow < deadline)
            {
                site.Time.Advance(TimeSpan.FromSeconds(16));
                await Task.Delay(100);
            }
        });
        // Reading records the comment; the next "event" never comes, so the read times out after the beat.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.NextAsync(TimeSpan.FromSeconds(3)));
        await beat;
        Assert.Contains(": nhip\n", stream.Raw);
    }

    [Fact]
    public async Task When_the_site_stops_the_stream_ends_so_the_screen_reconnects_to_the_next_process()
    {
        await using var site = new TestSite();
        await using var stream = await EventStreamReader.OpenAsync(site.CreateClient(), CeremonyEvents.Path);
        await stream.NextAsync();

        site.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        // The end of the stream, not a wait for the next event that never comes (that would be a cancellation).
        await Assert.ThrowsAsync<EndOfStreamException>(() => stream.NextAsync());
        Assert.Equal("3000", stream.Retry); // how long EventSource waits before it reconnects
    }

    [Fact]
    public async Task A_plain_request_that_does_not_ask_for_an_event_stream_gets_a_short_answer()
    {
        await using var site = new TestSite();
        var response = await site.CreateClient().GetAsync(CeremonyEvents.Path);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Contains("/le-trao-giai", await response.Content.ReadAsStringAsync());
    }
}
