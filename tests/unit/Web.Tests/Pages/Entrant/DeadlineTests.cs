using System.Net;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Entrant.EntrantSteps;

namespace ContestPlatform.Web.Tests.Pages.Entrant;

/// <summary>
/// After 00:00 on 01/08/2025 (Vietnam) nothing can be created, changed or submitted. Every test here moves
/// the site's clock to the deadline (the clock only goes forward), so the class has a site of its own.
/// </summary>
public sealed class DeadlineTests(TestSite site) : IClassFixture<TestSite>
{
    private const string Closed = "Đã hết hạn nộp hồ sơ ngày 31/07/2025. Công trình không thể tạo mới, sửa hoặc nộp nữa.";

    /// <summary>
    /// The clock at the deadline, then signed in with a profile (moving the clock months ahead would expire an
    /// earlier sign-in). Entries are then made in the database, not through the closed forms.
    /// </summary>
    private async Task<EntrantUser> AfterTheDeadlineAsync()
    {
        if (site.Time.GetUtcNow() < Deadline)
            site.Time.SetUtcNow(Deadline);
        return await WithProfileAsync(site);
    }

    /// <summary>What the entry form would post: every field, the entry's version and the session's token.</summary>
    private static async Task<FormUrlEncodedContent> FormAsync(EntrantUser entrant, Guid? version, string title)
    {
        var fields = CompleteEntry(title);
        fields["__RequestVerificationToken"] = await TokenAsync(entrant.Browser);
        if (version is { } v)
            fields["Input.Version"] = v.ToString();
        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task A_draft_is_read_only_after_the_deadline_and_posts_change_nothing()
    {
        var entrant = await AfterTheDeadlineAsync();
        var id = await InsertEntryAsync(site, entrant.UserId);
        var before = await EntryAsync(site, id);

        var page = await entrant.Browser.GetPageAsync(EditUrl(id));
        Assert.Contains(Closed, Text(page));
        Assert.Null(page.QuerySelector("#entry-form"));
        Assert.Contains(before.Title, page.QuerySelector("h1")!.TextContent);

        foreach (var handler in new[] { "", "?handler=Submit", "?handler=AddAuthor", "?handler=RemoveAuthor&index=0" })
        {
            var response = await entrant.Browser.Client.PostAsync(EditUrl(id) + handler, await FormAsync(entrant, before.Version, "Sửa sau hạn"));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var text = await TextAsync(response);
            Assert.Contains("Không lưu được thay đổi.", text);
            Assert.Contains(Closed, text);
        }

        var after = await EntryAsync(site, id);
        Assert.Equal((before.Title, before.Version, EntryStatus.Draft), (after.Title, after.Version, after.Status));
        Assert.Null(after.Code);
        Assert.Empty(after.History);
    }

    [Fact]
    public async Task No_new_entry_after_the_deadline()
    {
        var entrant = await AfterTheDeadlineAsync();

        var dashboard = await entrant.Browser.GetPageAsync("/thi-sinh");
        Assert.Contains(Closed, Text(dashboard));
        Assert.DoesNotContain("Tạo công trình mới", Text(dashboard));
        var create = await entrant.Browser.GetPageAsync("/thi-sinh/cong-trinh/moi");
        Assert.Contains(Closed, Text(create));
        Assert.Null(create.QuerySelector("#entry-form"));

        var response = await entrant.Browser.Client.PostAsync("/thi-sinh/cong-trinh/moi", await FormAsync(entrant, null, "Công trình nộp muộn"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Không tạo được công trình.", await TextAsync(response));
        Assert.False(await site.QueryAsync(db => db.Entries.AnyAsync(e => e.OwnerId == entrant.UserId)));
    }

    [Fact]
    public async Task A_returned_entry_cannot_be_resubmitted_after_the_deadline()
    {
        var entrant = await AfterTheDeadlineAsync();
        var id = await InsertEntryAsync(site, entrant.UserId, e =>
        {
            e.Status = EntryStatus.Submitted;
            e.Code = "DMST-2025-0042";
            e.History.Add(new EntryStatusChange { From = EntryStatus.Draft, To = EntryStatus.Submitted, At = e.CreatedAt, ByUserId = entrant.UserId });
        });
        await ValidateAsync(site, id, EntryStatus.NeedsChanges, "Bổ sung xác nhận của đơn vị áp dụng.");
        var version = (await EntryAsync(site, id)).Version;

        var page = await entrant.Browser.GetPageAsync(EditUrl(id));
        Assert.Contains(Closed, Text(page));
        Assert.Null(page.QuerySelector("#entry-form"));
        var response = await entrant.Browser.Client.PostAsync($"{EditUrl(id)}?handler=Submit", await FormAsync(entrant, version, "Nộp lại muộn"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var entry = await EntryAsync(site, id);
        Assert.Equal(EntryStatus.NeedsChanges, entry.Status);
        Assert.Equal(2, entry.History.Count);
        var dashboard = await entrant.Browser.GetPageAsync("/thi-sinh");
        var card = dashboard.QuerySelectorAll("article.entry-card").Single(c => c.TextContent.Contains(entry.Code!));
        Assert.Contains("Bổ sung xác nhận của đơn vị áp dụng.", card.TextContent);
        Assert.DoesNotContain("Sửa và nộp lại", card.TextContent);
    }
}

/// <summary>The last second of the window still counts (a site of its own: the clock moves).</summary>
public sealed class LastSecondTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_submission_at_23_59_59_on_31_07_counts()
    {
        site.Time.SetUtcNow(Deadline.AddSeconds(-1));
        var entrant = await WithProfileAsync(site);
        var id = await InsertEntryAsync(site, entrant.UserId);

        var dashboard = await LandAsync(entrant.Browser, await SubmitAsync(entrant.Browser, id));

        Assert.Contains("Mã công trình của bạn là DMST-2025-0001.", Text(dashboard));
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(site, id)).Status);
    }
}
