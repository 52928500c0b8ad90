using System.Security.Cryptography;
using System.Text;
using ContestPlatform.Judging.Awards;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Votes;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Awards;

/// <summary>A refusal with a Vietnamese message for the person who asked; nothing was changed.</summary>
public sealed class AwardRuleException(string message) : Exception(message);

/// <summary>One proposed award as pages show it: the award, its entry, and where the committee stands.</summary>
public sealed record AwardView(ProposedAward Award, string EntryCode, string EntryTitle, string EntrantName, int Approvals, int Rejections, ApprovalOutcome Outcome);

/// <summary>A proposal with its awards in tier order, and the committee's size and threshold.</summary>
public sealed record ProposalView(AwardProposal Proposal, IReadOnlyList<AwardView> Awards, int CommitteeSize)
{
    public int Required => AwardApproval.RequiredApprovals(CommitteeSize);
    public bool AllApproved => Awards.Count > 0 && Awards.All(a => a.Outcome == ApprovalOutcome.Approved);
}

/// <summary>
/// The award workflow: the secretariat proposes awards from a round's final ranking (tiers filled in rank
/// order; a change needs a reason), sends the proposal to the committee, whose members approve or reject
/// each award (approved at ⌈2/3 × committee size⌉ approvals, the size being a contest setting), and then
/// publishes the approved results now or at a set moment. Every step is written to the hash-chained audit log.
/// </summary>
public sealed class AwardService(AppDbContext db, VoteService votes, AuditLog audit, TimeProvider time, PublicationSchedule schedule)
{
    public const string StaleMessage =
        "Đề nghị khen thưởng vừa được người khác thay đổi. Vui lòng tải lại trang; thay đổi của bạn chưa được lưu.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<List<PrizeTier>> TiersAsync(CancellationToken cancellationToken = default) =>
        db.PrizeTiers.AsNoTracking().Include(t => t.SponsorshipMou).ThenInclude(m => m!.Sponsor).OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>The proposal being worked on (draft or sent), newest first; null when there is none.</summary>
    public async Task<ProposalView?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var id = await db.AwardProposals.Where(p => p.State != ProposalState.Withdrawn)
            .OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await ViewAsync(id.Value, cancellationToken);
    }

    /// <summary>The results the public may see now: the sent proposal whose publication time has come, or null.</summary>
    public async Task<ProposalView?> PublishedAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var id = await db.AwardProposals
            .Where(p => p.State == ProposalState.Sent && p.PublishAt != null && p.PublishAt <= now)
            .OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await ViewAsync(id.Value, cancellationToken);
    }

    /// <summary>Entry id → tier name of the published winners; empty before the publication moment.</summary>
    public async Task<IReadOnlyDictionary<int, string>> WinnersAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        return await db.ProposedAwards.AsNoTracking()
            .Where(a => db.AwardProposals.Any(p => p.Id == a.ProposalId && p.State == ProposalState.Sent && p.PublishAt != null && p.PublishAt <= now))
            .Select(a => new { a.EntryId, a.Tier.Name })
            .ToDictionaryAsync(a => a.EntryId, a => a.Name, cancellationToken);
    }

    /// <summary>A published award by its certificate code, with the entry's authors; null when unknown or not yet public.</summary>
    public async Task<(ProposalView Results, AwardView Award, IReadOnlyList<string> Authors)?> CertificateAsync(
        string? code, CancellationToken cancellationToken = default)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 20)
            return null;
        var published = await PublishedAsync(cancellationToken);
        var award = published?.Awards.FirstOrDefault(a => a.Award.CertificateCode == code);
        if (award is null)
            return null;
        var authors = await db.EntryAuthors.AsNoTracking().Where(a => a.EntryId == award.Award.EntryId)
            .OrderBy(a => a.Order).Select(a => a.FullName).ToListAsync(cancellationToken);
        return (published!, award, authors);
    }

    /// <summary>Entry id → its authors' names in order, for the awards of a proposal.</summary>
    public async Task<ILookup<int, string>> AuthorsAsync(ProposalView view, CancellationToken cancellationToken = default)
    {
        var ids = view.Awards.Select(a => a.Award.EntryId).ToList();
        var authors = await db.EntryAuthors.AsNoTracking().Where(a => ids.Contains(a.EntryId))
            .OrderBy(a => a.EntryId).ThenBy(a => a.Order).Select(a => new { a.EntryId, a.FullName }).ToListAsync(cancellationToken);
        return authors.ToLookup(a => a.EntryId, a => a.FullName);
    }

    public async Task<ProposalView?> ViewAsync(int proposalId, CancellationToken cancellationToken = default)
    {
        var proposal = await db.AwardProposals.AsNoTracking()
            .Include(p => p.Awards).ThenInclude(a => a.Tier).ThenInclude(t => t.SponsorshipMou)
            .Include(p => p.Awards).ThenInclude(a => a.Decisions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
            return null;
        var size = (await db.CurrentContestAsync(cancellationToken)).CommitteeSize;
        var entryIds = proposal.Awards.Select(a => a.EntryId).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.Title, e.EntrantName })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var awards = proposal.Awards
            .OrderBy(a => a.Tier.Order).ThenBy(a => a.Rank)
            .Select(a =>
            {
                var entry = entries.GetValueOrDefault(a.EntryId);
                var yes = a.Decisions.Count(d => d.Approve);
                var no = a.Decisions.Count - yes;
                return new AwardView(a, entry?.Code ?? $"#{a.EntryId}", entry?.Title ?? "", entry?.EntrantName ?? "", yes, no,
                    AwardApproval.Decide(yes, no, Math.Max(size, a.Decisions.Count)));
            })
            .ToList();
        return new ProposalView(proposal, awards, size);
    }

    /// <summary>
    /// Builds a draft from the round's ranking, filling the tiers in rank order. A draft that already exists is
    /// replaced; a proposal already with the committee must be withdrawn first.
    /// </summary>
    public async Task<AwardProposal> ProposeAsync(int roundId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await db.AwardProposals.AnyAsync(p => p.State == ProposalState.Sent, cancellationToken))
            throw new AwardRuleException("Đề nghị hiện tại đã gửi Ban Tổ chức. Hãy rút lại đề nghị đó (ghi rõ lý do) trước khi lập đề nghị mới.");
        var results = await new ResultsService(db, votes).LoadAsync(roundId, cancellationToken: cancellationToken)
            ?? throw new AwardRuleException("Không tìm thấy vòng chấm đã chọn.");
        var ranking = results.Ranking.Where(r => !r.Incomplete).ToList();
        if (ranking.Count == 0)
            throw new AwardRuleException("Vòng chấm này chưa có công trình nào được chấm đủ, nên chưa thể lập đề nghị khen thưởng.");
        var tiers = await db.PrizeTiers.OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        if (tiers.Count == 0)
            throw new AwardRuleException("Chưa có hạng giải nào. Hãy thêm cơ cấu giải thưởng trước.");

        var allocation = AwardAllocator.Allocate([.. ranking.Select(r => r.Ranked)], [.. tiers.Select(t => t.ToDomain())]);
        var rows = ranking.ToDictionary(r => r.Entry.Id);
        var proposal = new AwardProposal { RoundId = roundId, State = ProposalState.Draft, CreatedAt = Now, CreatedBy = actor.Name };
        foreach (var (tier, share) in tiers.Zip(allocation))
        {
            foreach (var winner in share.Winners)
            {
                var row = rows[winner.EntryId];
                proposal.Awards.Add(new ProposedAward
                {
                    TierId = tier.Id, EntryId = row.Entry.Id, Rank = row.Rank,
                    CouncilScore = row.CouncilScore, VoteScore = row.VoteScore, Total = row.Total,
                    CertificateCode = NewCertificateCode(),
                });
            }
        }

        var drafts = await db.AwardProposals.Where(p => p.State == ProposalState.Draft).ToListAsync(cancellationToken);
        db.AwardProposals.RemoveRange(drafts);
        db.AwardProposals.Add(proposal);
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("award.propose", $"round:{roundId}", new
        {
            replacedDrafts = drafts.Select(d => d.Id),
            awards = proposal.Awards.Select(a => new { tier = tiers.First(t => t.Id == a.TierId).Name, entry = a.EntryId, a.Rank, a.Total }),
        }), cancellationToken);
        return proposal;
    }

    /// <summary>Puts another entry of the round's ranking in a draft's award; the reason is required and recorded.</summary>
    public async Task ChangeAsync(int awardId, int entryId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var award = await db.ProposedAwards.FirstOrDefaultAsync(a => a.Id == awardId, cancellationToken)
            ?? throw new AwardRuleException("Không tìm thấy giải trong đề nghị.");
        var proposal = await db.AwardProposals.FirstAsync(p => p.Id == award.ProposalId, cancellationToken);
        if (proposal.State != ProposalState.Draft)
            throw new AwardRuleException("Chỉ sửa được đề nghị đang soạn. Đề nghị đã gửi Ban Tổ chức thì phải rút lại rồi lập đề nghị mới.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new AwardRuleException("Vui lòng ghi lý do thay đổi so với thứ tự xếp hạng.");
        if (award.EntryId == entryId)
            return;
        if (await db.ProposedAwards.AnyAsync(a => a.ProposalId == proposal.Id && a.EntryId == entryId, cancellationToken))
            throw new AwardRuleException("Công trình này đã có tên trong đề nghị.");
        var results = await new ResultsService(db, votes).LoadAsync(proposal.RoundId, cancellationToken: cancellationToken);
        var row = results?.Ranking.FirstOrDefault(r => r.Entry.Id == entryId && !r.Incomplete)
            ?? throw new AwardRuleException("Chỉ chọn được công trình đã được chấm đủ trong vòng này.");

        var from = award.EntryId;
        award.EntryId = entryId;
        award.Rank = row.Rank;
        award.CouncilScore = row.CouncilScore;
        award.VoteScore = row.VoteScore;
        award.Total = row.Total;
        award.ChangeReason = reason.Trim();
        proposal.Version = Guid.NewGuid();
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("award.change", $"award:{award.Id}", new { from, to = entryId, reason = award.ChangeReason }), cancellationToken);
    }

    public async Task SendAsync(int proposalId, Actor actor, CancellationToken cancellationToken = default)
    {
        var proposal = await FindAsync(proposalId, cancellationToken);
        if (proposal.State != ProposalState.Draft)
            throw new AwardRuleException("Đề nghị này không còn ở trạng thái đang soạn.");
        if (!await db.ProposedAwards.AnyAsync(a => a.ProposalId == proposalId, cancellationToken))
            throw new AwardRuleException("Đề nghị chưa có giải nào.");
        proposal.State = ProposalState.Sent;
        proposal.SentAt = Now;
        proposal.Version = Guid.NewGuid();
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("award.send", $"proposal:{proposalId}"), cancellationToken);
    }

    /// <summary>Takes a proposal back (reason required); committee decisions on it are refused from then on.</summary>
    public async Task WithdrawAsync(int proposalId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var proposal = await FindAsync(proposalId, cancellationToken);
        if (proposal.State == ProposalState.Withdrawn)
            throw new AwardRuleException("Đề nghị này đã được rút lại trước đó.");
        if (proposal.PublishAt is { } at && at <= Now)
            throw new AwardRuleException("Kết quả đã được công bố; không thể rút lại đề nghị.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new AwardRuleException("Vui lòng ghi lý do rút lại đề nghị.");
        proposal.State = ProposalState.Withdrawn;
        proposal.WithdrawnAt = Now;
        proposal.WithdrawReason = reason.Trim();
        proposal.PublishAt = null;
        proposal.Version = Guid.NewGuid();
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("award.withdraw", $"proposal:{proposalId}", new { reason = proposal.WithdrawReason }), cancellationToken);
        schedule.Invalidate();
    }

    /// <summary>A committee member's approval or rejection of one award: once per member and award.</summary>
    public async Task DecideAsync(int awardId, bool approve, string? comment, Actor member, CancellationToken cancellationToken = default)
    {
        var award = await db.ProposedAwards.AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, cancellationToken)
            ?? throw new AwardRuleException("Không tìm thấy giải trong đề nghị.");
        var proposal = await db.AwardProposals.AsNoTracking().FirstAsync(p => p.Id == award.ProposalId, cancellationToken);
        if (proposal.State == ProposalState.Withdrawn)
            throw new AwardRuleException("Đề nghị này đã được Tổ thư ký rút lại; ý kiến không được ghi nhận.");
        if (proposal.State != ProposalState.Sent)
            throw new AwardRuleException("Đề nghị này chưa được gửi Ban Tổ chức.");
        if (proposal.PublishAt is { } at && at <= Now)
            throw new AwardRuleException("Kết quả đã được công bố; không thể thay đổi ý kiến.");
        if (await db.CommitteeDecisions.AnyAsync(d => d.ProposedAwardId == awardId && d.UserId == member.UserId, cancellationToken))
            throw new AwardRuleException("Bạn đã cho ý kiến về giải này. Mỗi thành viên chỉ cho ý kiến một lần.");

        db.CommitteeDecisions.Add(new CommitteeDecision
        {
            ProposedAwardId = awardId, UserId = member.UserId, MemberName = member.Name, Approve = approve,
            Comment = (comment ?? "").Trim(), At = Now,
        });
        try
        {
            await audit.SaveWithAuditAsync(db, member, new AuditRecord(approve ? "award.approve" : "award.reject", $"award:{awardId}", new
            {
                entry = award.EntryId, comment = (comment ?? "").Trim(),
            }), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (award, member) index: the same member's second click raced the first.
            db.ChangeTracker.Clear();
            throw new AwardRuleException("Bạn đã cho ý kiến về giải này. Mỗi thành viên chỉ cho ý kiến một lần.");
        }
    }

    /// <summary>
    /// Publishes the approved results at <paramref name="at"/> (now when null). Every award must be approved;
    /// the results hash the certificates show is fixed here.
    /// </summary>
    public async Task ScheduleAsync(int proposalId, DateTime? at, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await ViewAsync(proposalId, cancellationToken) ?? throw new AwardRuleException("Không tìm thấy đề nghị.");
        if (view.Proposal.State != ProposalState.Sent)
            throw new AwardRuleException("Chỉ công bố được đề nghị đã gửi và được Ban Tổ chức phê duyệt.");
        if (!view.AllApproved)
        {
            var waiting = view.Awards.Count(a => a.Outcome != ApprovalOutcome.Approved);
            throw new AwardRuleException($"Còn {waiting} giải chưa được phê duyệt (cần {view.Required}/{view.CommitteeSize} thành viên đồng ý). Chưa thể công bố.");
        }
        if (view.Proposal.PublishAt is { } current && current <= Now)
            throw new AwardRuleException("Kết quả đã được công bố.");
        var when = at ?? Now;
        if (when < Now.AddMinutes(-1))
            throw new AwardRuleException("Thời điểm công bố đã qua. Hãy chọn một thời điểm trong tương lai hoặc bấm “Công bố ngay”.");

        var proposal = await FindAsync(proposalId, cancellationToken);
        var contest = await db.CurrentContestAsync(cancellationToken);
        proposal.PublishAt = when < Now ? Now : when;
        proposal.ResultsHash = ResultsHash(contest.Name, view.Awards);
        proposal.Version = Guid.NewGuid();
        await audit.SaveWithAuditAsync(db, actor, new AuditRecord("award.publish", $"proposal:{proposalId}", new
        {
            publishAt = proposal.PublishAt, hash = proposal.ResultsHash,
        }), cancellationToken);
        schedule.Invalidate();
    }

    /// <summary>
    /// SHA-256 (hex) over the contest name and, per award in tier order, the tier, entry code, title and total:
    /// anyone holding the published list can recompute it and compare it with a certificate.
    /// </summary>
    public static string ResultsHash(string contestName, IEnumerable<AwardView> awards)
    {
        var text = new StringBuilder(contestName).Append('\n');
        foreach (var a in awards)
            text.Append(a.Award.Tier.Name).Append('|').Append(a.EntryCode).Append('|').Append(a.EntryTitle).Append('|')
                .Append(a.Award.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>12 characters of Crockford base32 (no I, L, O, U): 60 bits, not guessable, easy to read aloud.</summary>
    public static string NewCertificateCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = alphabet[bytes[i] & 31];
        return new string(chars);
    }

    private async Task<AwardProposal> FindAsync(int proposalId, CancellationToken cancellationToken) =>
        await db.AwardProposals.FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken)
        ?? throw new AwardRuleException("Không tìm thấy đề nghị.");
}
