using ContestPlatform.Judging.Awards;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Awards.Ceremony;

/// <summary>
/// The ceremony as the presenter console sees it: the current proposal's awards in reveal order, which of them
/// are on the screen, and why revealing is not possible yet (null when it is).
/// </summary>
public sealed record CeremonyView(ProposalView? Results, IReadOnlyList<AwardView> Order, string? Refusal, DateTime Now)
{
    public AwardView? Next => Order.FirstOrDefault(a => a.Award.RevealedAt is null);
    public AwardView? LastRevealed => Order.LastOrDefault(a => a.Award.RevealedAt is not null);
    public int RevealedCount => Order.Count(a => a.Award.RevealedAt is not null);
    public bool AllRevealed => Order.Count > 0 && Next is null;
    public bool Published => Results?.Proposal.PublishAt is { } at && at <= Now;
}

/// <summary>What a reveal did: the award now on the screen, and whether it made the results public.</summary>
public sealed record RevealOutcome(AwardView Award, bool PublishedResults);

/// <summary>
/// Lễ trao giải: the presenter reveals the approved awards one by one, lowest tier first and, within a tier, the
/// lower-ranked winner first, so Giải Nhất comes last. Every reveal and undo is written to the hash-chained audit
/// log, and each change is handed to <see cref="CeremonyBroadcaster"/> for the audience screens.
/// </summary>
public sealed class CeremonyService(AppDbContext db, AwardService awards, AuditLog audit, CeremonyBroadcaster broadcaster, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Reveal order: tiers from the lowest (highest <c>Order</c>) up; within a tier the larger rank number first.</summary>
    public static IReadOnlyList<AwardView> RevealOrder(IEnumerable<AwardView> awards) => [.. InRevealOrder(awards, a => a.Award)];

    /// <inheritdoc cref="RevealOrder"/>
    public static IEnumerable<T> InRevealOrder<T>(IEnumerable<T> items, Func<T, ProposedAward> award) =>
        items.OrderByDescending(i => award(i).Tier.Order).ThenByDescending(i => award(i).Tier.Id)
            .ThenByDescending(i => award(i).Rank).ThenByDescending(i => award(i).Id);

    public async Task<CeremonyView> ViewAsync(CancellationToken cancellationToken = default)
    {
        var results = await awards.CurrentAsync(cancellationToken);
        return new CeremonyView(results, results is null ? [] : RevealOrder(results.Awards), Refusal(results), Now);
    }

    /// <summary>
    /// Puts the next award on the screen. <paramref name="expectedAwardId"/> is the award the presenter's console
    /// showed as next: when it is not the next one (a stale console, a double click) nothing changes.
    /// </summary>
    public async Task<RevealOutcome> RevealNextAsync(int expectedAwardId, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await RevealableAsync(cancellationToken);
        var next = view.Next ?? throw new AwardRuleException("Tất cả các giải đã được công bố. Không còn giải nào để công bố tiếp.");
        if (next.Award.Id != expectedAwardId)
            throw new AwardRuleException(OutOfOrder(view, expectedAwardId, next));

        var remaining = view.Order.Count(a => a.Award.RevealedAt is null) - 1;
        var publish = remaining == 0 && view.Results!.Proposal.PublishOnLastReveal && !view.Published;
        // The last reveal and the publication it triggers commit together or not at all.
        await using var transaction = publish ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var (proposal, award) = await TrackAsync(view, next.Award.Id, cancellationToken);
        award.RevealedAt = Now;
        proposal.Version = Guid.NewGuid();
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("ceremony.reveal", $"award:{award.Id}", new
        {
            proposal = proposal.Id, tier = next.Award.Tier.Name, entry = next.EntryCode, position = view.RevealedCount + 1, of = view.Order.Count,
        }), cancellationToken);
        if (publish)
        {
            await awards.ScheduleAsync(proposal.Id, null, actor, cancellationToken);
            await transaction!.CommitAsync(cancellationToken);
        }
        // The screens follow whatever happens to this request from here on.
        await broadcaster.RefreshAsync(CancellationToken.None);
        return new RevealOutcome(next, publish);
    }

    /// <summary>
    /// Takes the last revealed award off the screen again. <paramref name="expectedAwardId"/> is the award the
    /// console showed as last revealed, so a double click does not undo two.
    /// </summary>
    public async Task<AwardView> UndoAsync(int expectedAwardId, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await RevealableAsync(cancellationToken);
        var last = view.LastRevealed ?? throw new AwardRuleException("Chưa có giải nào được công bố, nên không có gì để hoàn tác.");
        if (last.Award.Id != expectedAwardId)
            throw new AwardRuleException(
                $"Giải bạn muốn hoàn tác không phải giải vừa công bố (màn hình điều khiển có thể đã cũ, hoặc nút bị bấm hai lần). " +
                $"Giải vừa công bố là {Label(last)}. Không có gì thay đổi; hãy xem lại danh sách rồi bấm lại.");
        // Publication cannot be taken back: once the results are public, the reveals made before are final.
        if (view.Results!.Proposal.PublishAt is { } publishedAt && publishedAt <= Now && publishedAt >= last.Award.RevealedAt)
            throw new AwardRuleException("Kết quả đã được công bố công khai trên trang Giải thưởng, nên không thể hoàn tác giải đã công bố.");

        var (proposal, award) = await TrackAsync(view, last.Award.Id, cancellationToken);
        var revealedAt = award.RevealedAt;
        award.RevealedAt = null;
        proposal.Version = Guid.NewGuid();
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("ceremony.undo", $"award:{award.Id}", new
        {
            proposal = proposal.Id, tier = last.Award.Tier.Name, entry = last.EntryCode, revealedAt,
        }), cancellationToken);
        await broadcaster.RefreshAsync(CancellationToken.None);
        return last;
    }

    /// <summary>Turns “publish the results at the last reveal” on or off; <paramref name="version"/> is the proposal's as the form showed it.</summary>
    public async Task SetPublishOnLastRevealAsync(int proposalId, bool publishOnLastReveal, Guid version, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var proposal = await db.AwardProposals.FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken)
            ?? throw new AwardRuleException("Không tìm thấy đề nghị khen thưởng.");
        if (proposal.State == ProposalState.Withdrawn)
            throw new AwardRuleException("Đề nghị này đã được rút lại.");
        // Optimistic concurrency: the update matches only the version the organizer was looking at.
        db.Entry(proposal).Property(p => p.Version).OriginalValue = version;
        proposal.PublishOnLastReveal = publishOnLastReveal;
        proposal.Version = Guid.NewGuid();
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("ceremony.setting", $"proposal:{proposalId}", new
        {
            publishOnLastReveal,
        }), cancellationToken);
    }

    private async Task<CeremonyView> RevealableAsync(CancellationToken cancellationToken)
    {
        var view = await ViewAsync(cancellationToken);
        return view.Refusal is { } refusal ? throw new AwardRuleException(refusal) : view;
    }

    /// <summary>
    /// The rows to change, tracked, holding the proposal to the version <paramref name="view"/> was read at: a
    /// reveal or undo from another console in between makes the save fail instead of acting on a stale order.
    /// </summary>
    private async Task<(AwardProposal Proposal, ProposedAward Award)> TrackAsync(CeremonyView view, int awardId, CancellationToken cancellationToken)
    {
        var proposal = await db.AwardProposals.FirstAsync(p => p.Id == view.Results!.Proposal.Id, cancellationToken);
        db.Entry(proposal).Property(p => p.Version).OriginalValue = view.Results!.Proposal.Version;
        var award = await db.ProposedAwards.FirstAsync(a => a.Id == awardId, cancellationToken);
        return (proposal, award);
    }

    private static string? Refusal(ProposalView? results)
    {
        if (results is null)
            return "Chưa có đề nghị khen thưởng. Hãy lập đề nghị và gửi Ban Tổ chức phê duyệt tại trang Giải thưởng trước Lễ trao giải.";
        if (results.Proposal.State != ProposalState.Sent)
            return "Đề nghị khen thưởng chưa được gửi Ban Tổ chức phê duyệt, nên chưa thể công bố giải tại Lễ trao giải.";
        if (!results.AllApproved)
        {
            var waiting = results.Awards.Count(a => a.Outcome != ApprovalOutcome.Approved);
            return $"Còn {waiting} giải chưa được Ban Tổ chức phê duyệt (cần {results.Required}/{results.CommitteeSize} thành viên đồng ý). " +
                   "Chỉ công bố giải tại Lễ trao giải khi tất cả các giải đã được phê duyệt.";
        }
        return null;
    }

    private static string OutOfOrder(CeremonyView view, int expectedAwardId, AwardView next)
    {
        var posted = view.Order.FirstOrDefault(a => a.Award.Id == expectedAwardId);
        var what = posted is null ? "Giải được gửi lên không có trong đề nghị khen thưởng hiện tại"
            : posted.Award.RevealedAt is not null ? $"{Label(posted)} đã được công bố rồi (nút có thể bị bấm hai lần, hoặc màn hình điều khiển đã cũ)"
            : $"{Label(posted)} chưa đến lượt: các giải được công bố từ giải thấp đến giải cao nhất";
        return $"{what}. Giải tiếp theo là {Label(next)}. Không có gì thay đổi; hãy xem lại danh sách rồi bấm lại.";
    }

    public static string Label(AwardView award) => $"{award.Award.Tier.Name} — {award.EntryCode}";
}
