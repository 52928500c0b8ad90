using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Awards.Ceremony;

/// <summary>
/// The reveal rules of the ceremony, through the service the console calls: lowest tier first, the lower-ranked
/// winner of a tier first, Giải Nhất last; refusals change nothing; every reveal and undo is audited.
/// Each test has a site of its own: the proposal is contest-wide state.
/// </summary>
public sealed class RevealOrderTests
{
    private static async Task<string> RefusalAsync(Func<Task> action) => (await Assert.ThrowsAsync<AwardRuleException>(action)).Message;

    [Fact]
    public async Task Awards_are_revealed_from_the_lowest_tier_up_and_within_a_tier_the_lower_ranked_first_so_Giai_Nhat_comes_last()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();

        var view = await ceremony.CeremonyAsync(c => c.ViewAsync());
        Assert.Null(view.Refusal);
        Assert.Equal(["Giải Ba", "Giải Ba", "Giải Nhì", "Giải Nhì", "Giải Nhất"], view.Order.Select(a => a.Award.Tier.Name));
        Assert.Equal(CeremonySteps.RevealOrder.Select(ceremony.Round.Code), view.Order.Select(a => a.EntryCode));

        foreach (var key in CeremonySteps.RevealOrder)
        {
            var outcome = await ceremony.RevealAsync(key);
            Assert.Equal(ceremony.Round.Code(key), outcome.Award.EntryCode);
        }
        Assert.Equal(CeremonySteps.RevealOrder, await ceremony.RevealedAsync());
        Assert.Contains("Tất cả các giải đã được công bố", await RefusalAsync(() => ceremony.RevealAsync("E1")));
    }

    [Fact]
    public async Task A_reveal_out_of_order_is_refused_with_the_next_award_named_and_changes_nothing()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();
        var auditBefore = await site.QueryAsync(db => db.AuditLog.CountAsync());

        // Skipping ahead: Giải Nhất before anything else.
        var skip = await RefusalAsync(() => ceremony.RevealAsync("E1"));
        Assert.Contains("chưa đến lượt", skip);
        Assert.Contains($"Giải tiếp theo là Giải Ba — {ceremony.Round.Code("E5")}", skip);
        Assert.Contains("Không có gì thay đổi", skip);
        Assert.Empty(await ceremony.RevealedAsync());

        // A double click: the second post names the award the first one already revealed.
        await ceremony.RevealAsync("E5");
        var twice = await RefusalAsync(() => ceremony.RevealAsync("E5"));
        Assert.Contains("đã được công bố rồi", twice);
        Assert.Contains(ceremony.Round.Code("E4"), twice);

        // An id that is not in the proposal at all.
        var unknown = await RefusalAsync(() => ceremony.CeremonyAsync(c => c.RevealNextAsync(-1, CeremonySteps.Organizer)));
        Assert.Contains("không có trong đề nghị", unknown);

        Assert.Equal(["E5"], await ceremony.RevealedAsync());
        Assert.Equal(auditBefore + 1, await site.QueryAsync(db => db.AuditLog.CountAsync()));
    }

    [Fact]
    public async Task Undo_hides_the_last_revealed_award_and_is_refused_when_nothing_is_revealed_or_the_console_is_stale()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();

        Assert.Contains("Chưa có giải nào được công bố", await RefusalAsync(() => ceremony.UndoAsync("E5")));

        await ceremony.RevealAsync("E5");
        await ceremony.RevealAsync("E4");
        // A stale console offers to undo E5, which is no longer the last one.
        Assert.Contains("không phải giải vừa công bố", await RefusalAsync(() => ceremony.UndoAsync("E5")));
        Assert.Equal(["E5", "E4"], await ceremony.RevealedAsync());

        var hidden = await ceremony.UndoAsync("E4");
        Assert.Equal(ceremony.Round.Code("E4"), hidden.EntryCode);
        Assert.Equal(["E5"], await ceremony.RevealedAsync());
        // The undone award is next again.
        await ceremony.RevealAsync("E4");
        Assert.Equal(["E5", "E4"], await ceremony.RevealedAsync());
    }

    [Fact]
    public async Task Revealing_is_refused_until_the_proposal_is_sent_and_every_award_approved()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();

        Assert.Contains("Chưa có đề nghị khen thưởng", (await ceremony.CeremonyAsync(c => c.ViewAsync())).Refusal);

        await ceremony.ProposeAsync();
        Assert.Contains("chưa được gửi Ban Tổ chức", await RefusalAsync(() => ceremony.RevealAsync("E5")));

        // Sending replaces the draft; one member short of the two approvals E2 needs.
        await ceremony.ApprovedAsync(pending: "E2");
        var pending = await RefusalAsync(() => ceremony.RevealAsync("E5"));
        Assert.Contains("Còn 1 giải chưa được Ban Tổ chức phê duyệt (cần 2/3 thành viên đồng ý)", pending);
        Assert.Empty(await ceremony.RevealedAsync());
        Assert.Equal(0, await site.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action.StartsWith("ceremony."))));
    }

    [Fact]
    public async Task With_the_setting_on_the_last_reveal_publishes_the_results_and_fixes_their_hash()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        var proposalId = await ceremony.ApprovedAsync();
        var version = await site.QueryAsync(db => db.AwardProposals.Where(p => p.Id == proposalId).Select(p => p.Version).SingleAsync());
        await ceremony.CeremonyAsync(async c => { await c.SetPublishOnLastRevealAsync(proposalId, true, version, CeremonySteps.Organizer); return 0; });

        foreach (var key in CeremonySteps.RevealOrder[..^1])
            Assert.False((await ceremony.RevealAsync(key)).PublishedResults);
        Assert.Null(await site.QueryAsync(db => db.AwardProposals.Select(p => p.PublishAt).SingleAsync()));
        Assert.NotNull((await site.NewBrowser().GetPageAsync("/giai-thuong")).QuerySelector("#chua-cong-bo"));

        site.Time.Advance(TimeSpan.FromMinutes(3));
        var last = await ceremony.RevealAsync("E1");

        Assert.True(last.PublishedResults);
        var proposal = await site.QueryAsync(db => db.AwardProposals.SingleAsync());
        Assert.Equal(site.Time.GetUtcNow().UtcDateTime, proposal.PublishAt);
        var results = await ceremony.WithAsync(s => s.GetRequiredService<AwardService>().PublishedAsync());
        Assert.NotNull(results);
        var contestName = await site.QueryAsync(db => db.Contests.Select(c => c.Name).FirstAsync());
        Assert.Equal(AwardService.ResultsHash(contestName, results.Awards), proposal.ResultsHash);
        var page = await site.NewBrowser().GetPageAsync("/giai-thuong");
        Assert.Contains(ceremony.Round.Code("E1"), page.QuerySelectorAll("section.award-tier").First().TextContent);
        Assert.Equal(1, await site.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "award.publish")));

        // Publication is final: the reveal that made it cannot be undone.
        Assert.Contains("không thể hoàn tác", await RefusalAsync(() => ceremony.UndoAsync("E1")));
    }

    [Fact]
    public async Task Without_the_setting_the_last_reveal_publishes_nothing()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        await ceremony.ApprovedAsync();

        foreach (var key in CeremonySteps.RevealOrder)
            Assert.False((await ceremony.RevealAsync(key)).PublishedResults);

        Assert.Null(await site.QueryAsync(db => db.AwardProposals.Select(p => p.PublishAt).SingleAsync()));
        Assert.NotNull((await site.NewBrowser().GetPageAsync("/giai-thuong")).QuerySelector("#chua-cong-bo"));
        // Not published, so the presenter may still take the last one back.
        await ceremony.UndoAsync("E1");
    }

    [Fact]
    public async Task Results_published_before_the_ceremony_are_not_published_again_and_reveals_can_still_be_undone()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        var proposalId = await ceremony.ApprovedAsync();
        await ceremony.WithAsync(async s =>
        {
            await s.GetRequiredService<AwardService>().ScheduleAsync(proposalId, null, CeremonySteps.Organizer);
            return 0;
        });
        var version = await site.QueryAsync(db => db.AwardProposals.Select(p => p.Version).SingleAsync());
        await ceremony.CeremonyAsync(async c => { await c.SetPublishOnLastRevealAsync(proposalId, true, version, CeremonySteps.Organizer); return 0; });
        site.Time.Advance(TimeSpan.FromMinutes(30));

        foreach (var key in CeremonySteps.RevealOrder)
            Assert.False((await ceremony.RevealAsync(key)).PublishedResults);
        await ceremony.UndoAsync("E1");

        Assert.Equal(1, await site.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "award.publish")));
    }

    [Fact]
    public async Task Every_reveal_undo_and_setting_goes_to_the_audit_log_and_the_chain_stays_intact()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        var proposalId = await ceremony.ApprovedAsync();
        var version = await site.QueryAsync(db => db.AwardProposals.Select(p => p.Version).SingleAsync());
        await ceremony.CeremonyAsync(async c => { await c.SetPublishOnLastRevealAsync(proposalId, true, version, CeremonySteps.Organizer); return 0; });

        await ceremony.RevealAsync("E5");
        await ceremony.RevealAsync("E4");
        await ceremony.UndoAsync("E4");
        foreach (var key in CeremonySteps.RevealOrder[1..])
            await ceremony.RevealAsync(key);

        var actions = await site.QueryAsync(db => db.AuditLog.Where(a => a.Action.StartsWith("ceremony.") || a.Action == "award.publish")
            .OrderBy(a => a.Sequence).Select(a => new { a.Action, a.Subject, a.Data, a.ActorName }).ToListAsync());
        Assert.Equal(["ceremony.setting", "ceremony.reveal", "ceremony.reveal", "ceremony.undo",
            "ceremony.reveal", "ceremony.reveal", "ceremony.reveal", "ceremony.reveal", "award.publish"], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(CeremonySteps.Organizer.Name, a.ActorName));
        Assert.Equal($"award:{await ceremony.AwardIdAsync("E4")}", actions[3].Subject);
        Assert.Contains(ceremony.Round.Code("E1"), actions[^2].Data);

        var verification = await site.QueryAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task The_setting_saved_from_a_stale_form_is_refused()
    {
        await using var site = new TestSite();
        var ceremony = await new CeremonySteps(site).RankedAsync();
        var proposalId = await ceremony.ApprovedAsync();
        var seen = await site.QueryAsync(db => db.AwardProposals.Select(p => p.Version).SingleAsync());

        // Another organizer's reveal moves the proposal on after this form was loaded.
        await ceremony.RevealAsync("E5");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            ceremony.CeremonyAsync(async c => { await c.SetPublishOnLastRevealAsync(proposalId, true, seen, CeremonySteps.Organizer); return 0; }));
        Assert.False(await site.QueryAsync(db => db.AwardProposals.Select(p => p.PublishOnLastReveal).SingleAsync()));
    }
}
