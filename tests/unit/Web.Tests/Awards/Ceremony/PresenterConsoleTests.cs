using System.Net;
using AngleSharp.Html.Dom;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Awards.Ceremony;

/// <summary>The presenter's console through real forms (antiforgery token scraped from the page), as an organizer uses it.</summary>
public sealed class PresenterConsoleTests
{
    private const string Console = "/quan-tri/le-trao-giai";

    private static string Errors(IHtmlDocument page) =>
        string.Join(" ", page.QuerySelectorAll(".alert-error").Select(e => e.TextContent.Trim()));

    private static string State(IHtmlDocument page, string code) =>
        page.QuerySelector($"#danh-sach-cong-bo tr[data-code='{code}'] .reveal-state")!.TextContent.Trim();

    [Fact]
    public async Task The_presenter_reveals_and_undoes_from_the_console_and_a_double_click_is_refused()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();
        var organizer = await site.SignedInAsync(Roles.Organizer);
        string Code(string key) => ceremony.Round.Code(key);

        var page = await organizer.GetPageAsync(Console);
        Assert.Equal($"Công bố giải tiếp theo: Giải Ba — {Code("E5")}", page.QuerySelector("#cong-bo-tiep button")!.TextContent.Trim());
        Assert.Equal(CeremonySteps.RevealOrder.Select(Code), page.QuerySelectorAll("#danh-sach-cong-bo tbody tr").Select(r => r.GetAttribute("data-code")));
        Assert.Null(page.QuerySelector("#hoan-tac"));
        Assert.Equal("/le-trao-giai", page.QuerySelector("#man-hinh-khan-gia")!.GetAttribute("href"));
        var staleForm = (IHtmlFormElement)page.QuerySelector("#cong-bo-tiep")!;

        var revealed = await organizer.FollowAsync(await organizer.SubmitAsync(staleForm, Console, []));
        Assert.Contains($"Đã công bố Giải Ba — {Code("E5")}", revealed.QuerySelector(".alert-success")!.TextContent);
        Assert.StartsWith("Đã công bố", State(revealed, Code("E5")));
        Assert.Equal("Tiếp theo", State(revealed, Code("E4")));
        Assert.Contains("Đã công bố 1/5 giải", revealed.QuerySelector("#tien-do")!.TextContent);

        // The same form again (a double click, or a second console left open): refused, nothing changes.
        var again = await organizer.SubmitAsync(staleForm, Console, []);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var refusedPage = await Browser.ParseAsync(again);
        Assert.Contains("đã được công bố rồi", Errors(refusedPage));
        Assert.Contains($"Giải tiếp theo là Giải Ba — {Code("E4")}", Errors(refusedPage));
        Assert.Equal($"Công bố giải tiếp theo: Giải Ba — {Code("E4")}", refusedPage.QuerySelector("#cong-bo-tiep button")!.TextContent.Trim());
        Assert.Equal(["E5"], await ceremony.RevealedAsync());

        await organizer.FollowAsync(await organizer.SubmitFormAsync(Console, [], "#cong-bo-tiep"));
        var undoForm = (IHtmlFormElement)(await organizer.GetPageAsync(Console)).QuerySelector("#hoan-tac")!;
        Assert.Contains(Code("E4"), undoForm.TextContent);
        var undone = await organizer.FollowAsync(await organizer.SubmitAsync(undoForm, Console, []));
        Assert.Contains($"Đã hoàn tác: Giải Ba — {Code("E4")}", undone.QuerySelector(".alert-success")!.TextContent);
        Assert.Equal("Tiếp theo", State(undone, Code("E4")));
        var undoTwice = await organizer.SubmitAsync(undoForm, Console, []);
        Assert.Equal(HttpStatusCode.Conflict, undoTwice.StatusCode);
        Assert.Equal(["E5"], await ceremony.RevealedAsync());

        // Without the token nothing is revealed.
        var forged = await organizer.SubmitFormAsync(Console, [], "#cong-bo-tiep", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(["E5"], await ceremony.RevealedAsync());
    }

    [Fact]
    public async Task The_console_says_why_nothing_can_be_revealed_before_every_award_is_approved()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync(pending: "E3");
        var organizer = await site.SignedInAsync(Roles.Organizer);

        var page = await organizer.GetPageAsync(Console);
        Assert.Contains("Còn 1 giải chưa được Ban Tổ chức phê duyệt", page.QuerySelector("#chua-the-cong-bo")!.TextContent);
        Assert.Null(page.QuerySelector("#cong-bo-tiep"));

        // A crafted post is refused the same way.
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var crafted = await organizer.Client.PostAsync(Console + "?handler=Reveal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["giai"] = (await ceremony.AwardIdAsync("E5")).ToString(),
        }));
        Assert.Equal(HttpStatusCode.Conflict, crafted.StatusCode);
        Assert.Contains("chưa được Ban Tổ chức phê duyệt", Errors(await Browser.ParseAsync(crafted)));
        Assert.Empty(await ceremony.RevealedAsync());
    }

    [Fact]
    public async Task The_publish_at_last_reveal_setting_is_saved_from_its_form_and_a_stale_form_is_refused()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();
        var organizer = await site.SignedInAsync(Roles.Organizer);
        var stale = (IHtmlFormElement)(await organizer.GetPageAsync(Console)).QuerySelector("#thiet-lap-form")!;

        var saved = await organizer.FollowAsync(await organizer.SubmitFormAsync(Console, new() { ["congBoKhiKetThuc"] = "true" }, "#thiet-lap-form"));
        Assert.Contains("ngay khi công bố giải cuối cùng", saved.QuerySelector(".alert-success")!.TextContent);
        Assert.True(((IHtmlInputElement)saved.QuerySelector("#congBoKhiKetThuc")!).IsChecked);
        Assert.True(await site.QueryAsync(db => db.AwardProposals.Select(p => p.PublishOnLastReveal).SingleAsync()));

        // The form loaded before that save carries the old version: refused, the setting stays on.
        var refused = await organizer.SubmitAsync(stale, Console, []);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", Errors(await Browser.ParseAsync(refused)));
        Assert.True(await site.QueryAsync(db => db.AwardProposals.Select(p => p.PublishOnLastReveal).SingleAsync()));

        // Through to the last reveal, from the console: the results go public at that moment.
        foreach (var _ in CeremonySteps.RevealOrder)
            await organizer.FollowAsync(await organizer.SubmitFormAsync(Console, [], "#cong-bo-tiep"));
        var done = await organizer.GetPageAsync(Console);
        Assert.Contains("Kết quả đã được đăng công khai", done.QuerySelector("#da-cong-bo-het")!.TextContent);
        Assert.Null(done.QuerySelector("#thiet-lap-form"));
        Assert.NotNull(await site.QueryAsync(db => db.AwardProposals.Select(p => p.PublishAt).SingleAsync()));
    }

    [Fact]
    public async Task Only_organizers_reach_the_console()
    {
        await using var site = new TestSite();
        var committee = await site.SignedInAsync(Roles.Committee);

        Assert.Equal(HttpStatusCode.Forbidden, (await committee.GetAsync(Console)).Response.StatusCode);
        var anonymous = await site.NewBrowser().Client.GetAsync(Console);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(AccountSetup.LoginPath, anonymous.Headers.Location!.AbsolutePath);
        Assert.Contains(Console, (await (await site.SignedInAsync(Roles.Organizer)).GetPageAsync("/quan-tri")).QuerySelector(".admin-nav")!.InnerHtml);
    }
}
