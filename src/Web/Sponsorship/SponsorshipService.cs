using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Sponsorship;

/// <summary>An MoU as lists show it: its status, and committed against disbursed.</summary>
public sealed record MouSummary(int Id, string Number, int SponsorId, string SponsorName, MouStatus Status, DateOnly? SignedOn,
    SponsorshipForm Form, long? ValueDong, long Disbursed, int TierCount, bool BenefitLogoOnSite)
{
    public long? Remaining => ValueDong - Disbursed;

    /// <summary>Whether this MoU puts its sponsor on /nha-tai-tro.</summary>
    public bool ShowsSponsor => MouRules.ShowsSponsor(Status, BenefitLogoOnSite);

    public string Title => Number.Length > 0 ? $"Số {Number}" : $"Dự thảo #{Id} (chưa có số)";
}

/// <summary>A sponsor with its MoUs, and whether /nha-tai-tro shows it.</summary>
public sealed record SponsorSummary(Sponsor Sponsor, IReadOnlyList<MouSummary> Mous)
{
    public bool IsPublic => Mous.Any(m => m.ShowsSponsor);
}

/// <summary>An MoU as a link elsewhere names it.</summary>
public sealed record MouLink(int Id, string Number, MouStatus Status, int SponsorId, string SponsorName, bool BenefitLogoOnSite)
{
    public string Title => Number.Length > 0 ? $"số {Number}" : $"dự thảo #{Id}";

    /// <summary>Whether /nha-tai-tro shows its sponsor (a draft is not public).</summary>
    public bool ShowsSponsor => MouRules.ShowsSponsor(Status, BenefitLogoOnSite);
}

/// <summary>A prize tier an MoU funds, for the public page.</summary>
public sealed record FundedTier(string Name, int Places, long AmountDong);

/// <summary>A sponsor as the public sees it: only from a signed MoU that grants the logo on the site.</summary>
public sealed record PublicSponsor(int Id, string Name, string Description, string? Website, string? LogoUrl,
    IReadOnlyList<SponsorshipForm> Forms, IReadOnlyList<FundedTier> Tiers);

/// <summary>What a sponsor form says, already tidied and checked by the page.</summary>
public sealed record SponsorDetails(string Name, string Address, string TaxCode, string Website, string Description, int SortOrder);

/// <summary>A disbursement as typed.</summary>
public sealed record DisbursementDetails(DateOnly PaidOn, long AmountDong, string Reference, string Note);

/// <summary>
/// Sponsors and their MoUs: loads and saves them, applies <see cref="MouRules"/>, keeps the status history and
/// writes every change to the hash-chained audit log in the same transaction. Every change names the
/// <c>Version</c> the organizer saw; if someone else saved in between, nothing is written and
/// <see cref="StaleMessage"/> says so.
/// </summary>
public sealed class SponsorshipService(AppDbContext db, AuditLog audit, SponsorshipFiles files, TimeProvider time)
{
    public const string StaleMessage =
        "Biên bản vừa được người khác thay đổi. Vui lòng tải lại trang để xem bản mới nhất; thay đổi của bạn chưa được lưu.";

    public const string StaleSponsorMessage =
        "Thông tin nhà tài trợ vừa được người khác thay đổi. Vui lòng tải lại trang để xem bản mới nhất; thay đổi của bạn chưa được lưu.";

    public const string NotFoundMessage = "Không tìm thấy biên bản ghi nhớ tài trợ.";
    public const string DisbursementNotFoundMessage = "Không tìm thấy khoản giải ngân này trong biên bản.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Today in Vietnam: signing and payment dates are calendar dates there.</summary>
    public DateOnly Today => DateOnly.FromDateTime(VietnameseFormat.ToVietnam(Now));

    /// <summary>The URL of a sponsor's logo; it changes with every new logo, so it can be cached for good.</summary>
    public static string? LogoUrl(Sponsor sponsor) =>
        sponsor.LogoKey.Length == 0 ? null : $"{SponsorshipEndpoints.LogoPath}/{sponsor.Id}/{Path.GetFileName(sponsor.LogoKey)}";

    // ── Reading ─────────────────────────────────────────────────────────────────────────────────────────

    public async Task<IReadOnlyList<MouSummary>> MouSummariesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.SponsorshipMous.AsNoTracking()
            .Select(m => new
            {
                m.Id, m.Number, m.SponsorId, Sponsor = m.Sponsor.Name, m.Status, m.SignedOn, m.Form, m.ValueDong, m.BenefitLogoOnSite,
                Disbursed = m.Disbursements.Where(d => d.CancelledAt == null).Sum(d => (long?)d.AmountDong) ?? 0,
                Tiers = db.PrizeTiers.Count(t => t.SponsorshipMouId == m.Id),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Status == MouStatus.Completed).ThenBy(r => r.Sponsor).ThenBy(r => r.Id)
            .Select(r => new MouSummary(r.Id, r.Number, r.SponsorId, r.Sponsor, r.Status, r.SignedOn, r.Form, r.ValueDong, r.Disbursed, r.Tiers, r.BenefitLogoOnSite))
            .ToList();
    }

    public async Task<IReadOnlyList<SponsorSummary>> SponsorSummariesAsync(CancellationToken cancellationToken = default)
    {
        var sponsors = await db.Sponsors.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var mous = await MouSummariesAsync(cancellationToken);
        return sponsors.Select(s => new SponsorSummary(s, mous.Where(m => m.SponsorId == s.Id).ToList())).ToList();
    }

    public Task<Sponsor?> SponsorAsync(int id, CancellationToken cancellationToken = default) =>
        db.Sponsors.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<List<Sponsor>> SponsorsAsync(CancellationToken cancellationToken = default) =>
        db.Sponsors.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);

    /// <summary>An MoU with its sponsor, schedule (in order), disbursements (by date) and history (oldest first).</summary>
    public async Task<SponsorshipMou?> MouAsync(int id, CancellationToken cancellationToken = default)
    {
        var mou = await db.SponsorshipMous.AsNoTracking()
            .Include(m => m.Sponsor).Include(m => m.Schedule).Include(m => m.Disbursements).Include(m => m.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mou is null)
            return null;
        mou.Schedule = [.. mou.Schedule.OrderBy(i => i.Order)];
        mou.Disbursements = [.. mou.Disbursements.OrderBy(d => d.PaidOn).ThenBy(d => d.Id)];
        mou.History = [.. mou.History.OrderBy(h => h.At).ThenBy(h => h.Id)];
        return mou;
    }

    /// <summary>The prize tiers an MoU funds.</summary>
    public Task<List<PrizeTier>> TiersFundedByAsync(int mouId, CancellationToken cancellationToken = default) =>
        db.PrizeTiers.AsNoTracking().Where(t => t.SponsorshipMouId == mouId).OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>The sponsors /nha-tai-tro and the home page show: an MoU of theirs is signed (or later) and grants the logo.</summary>
    public async Task<IReadOnlyList<PublicSponsor>> PublicSponsorsAsync(CancellationToken cancellationToken = default)
    {
        var mous = await db.SponsorshipMous.AsNoTracking()
            .Where(m => m.Status >= MouStatus.Signed && m.BenefitLogoOnSite)
            .Select(m => new { m.Id, m.SponsorId, m.Form })
            .ToListAsync(cancellationToken);
        if (mous.Count == 0)
            return [];
        var sponsorIds = mous.Select(m => m.SponsorId).Distinct().ToList();
        var mouIds = mous.Select(m => m.Id).ToList();
        var sponsors = await db.Sponsors.AsNoTracking().Where(s => sponsorIds.Contains(s.Id))
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var tiers = await db.PrizeTiers.AsNoTracking().Where(t => t.SponsorshipMouId != null && mouIds.Contains(t.SponsorshipMouId.Value))
            .OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return sponsors.Select(s =>
        {
            var own = mous.Where(m => m.SponsorId == s.Id).ToList();
            return new PublicSponsor(s.Id, s.Name, s.Description, SponsorRules.SafeLink(s.Website), LogoUrl(s),
                own.Select(m => m.Form).Distinct().Order().ToList(),
                tiers.Where(t => own.Any(m => m.Id == t.SponsorshipMouId)).Select(t => new FundedTier(t.Name, t.Places, t.AmountDong)).ToList());
        }).ToList();
    }

    /// <summary>MoU id → what a link to it says, for the agenda: organizers reach the MoU, the public the sponsor once it is shown.</summary>
    public async Task<IReadOnlyDictionary<int, MouLink>> MouLinksAsync(CancellationToken cancellationToken = default) =>
        await db.SponsorshipMous.AsNoTracking()
            .Select(m => new MouLink(m.Id, m.Number, m.Status, m.SponsorId, m.Sponsor.Name, m.BenefitLogoOnSite))
            .ToDictionaryAsync(m => m.Id, cancellationToken);

    // ── Sponsors ───────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Adds a sponsor (<paramref name="id"/> null) or saves one, with its new logo when one was uploaded (a
    /// staged file, checked and redrawn here). The logo blob is written first under a new key; if the row
    /// cannot be saved the blob is removed again, and the previous logo is removed only once the row names
    /// the new one.
    /// </summary>
    public async Task<Sponsor> SaveSponsorAsync(int? id, Guid version, SponsorDetails details, StagedFile? logo, Actor actor, CancellationToken cancellationToken = default)
    {
        Sponsor sponsor;
        if (id is { } existingId)
        {
            sponsor = await db.Sponsors.FirstOrDefaultAsync(s => s.Id == existingId, cancellationToken)
                      ?? throw new MouRuleException("Không tìm thấy nhà tài trợ.");
            if (sponsor.Version != version)
                throw new MouRuleException(StaleSponsorMessage);
        }
        else
        {
            sponsor = new Sponsor();
        }
        if (await db.Sponsors.AnyAsync(s => s.Name == details.Name && s.Id != sponsor.Id, cancellationToken))
            throw new MouRuleException($"Đã có nhà tài trợ “{details.Name}”.", MouField.None);

        var stored = logo is null ? null : await files.StoreLogoAsync(logo, cancellationToken);
        var previousLogo = sponsor.LogoKey;
        var before = new { sponsor.Name, sponsor.Address, sponsor.TaxCode, sponsor.Website, sponsor.Description, sponsor.SortOrder };
        sponsor.Name = details.Name;
        sponsor.Address = details.Address;
        sponsor.TaxCode = details.TaxCode;
        sponsor.Website = details.Website;
        sponsor.Description = details.Description;
        sponsor.SortOrder = details.SortOrder;
        if (stored is not null)
        {
            sponsor.LogoKey = stored.Key;
            sponsor.LogoContentType = stored.ContentType;
        }
        sponsor.Version = Guid.NewGuid();

        try
        {
            if (id is null)
            {
                db.Sponsors.Add(sponsor);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await audit.SaveWithAuditAsync(db, actor, new AuditRecord("sponsor.create", $"sponsor:{sponsor.Id}",
                    new { details, logo = stored?.Sha256 }), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                db.Entry(sponsor).Property(s => s.Version).OriginalValue = version;
                await audit.SaveWithAuditAsync(db, actor, new AuditRecord("sponsor.update", $"sponsor:{sponsor.Id}",
                    new { before, after = details, logo = stored?.Sha256 }), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException)
        {
            await files.DeleteQuietlyAsync(stored?.Key);
            db.ChangeTracker.Clear();
            throw new MouRuleException(ex is DbUpdateConcurrencyException ? StaleSponsorMessage : $"Đã có nhà tài trợ “{details.Name}”.");
        }
        if (stored is not null && previousLogo != stored.Key)
            await files.DeleteQuietlyAsync(previousLogo);
        return sponsor;
    }

    // ── MoUs ───────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Creates a draft MoU (<paramref name="id"/> null) or saves the terms and schedule of one, after <see cref="MouRules.CheckTerms"/>.</summary>
    public async Task<SponsorshipMou> SaveMouAsync(int? id, Guid version, MouTerms terms, IReadOnlyList<MouInstallment> schedule, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (!await db.Sponsors.AnyAsync(s => s.Id == terms.SponsorId, cancellationToken))
            throw new MouRuleException("Vui lòng chọn nhà tài trợ (Bên B) trong danh sách.");
        if (id is null)
        {
            var draft = new SponsorshipMou { Status = MouStatus.Draft };
            MouRules.CheckTerms(draft, terms, schedule, Today);
            terms.ApplyTo(draft);
            draft.Schedule = [.. schedule.Select((i, n) => new MouInstallment { Order = n + 1, DueOn = i.DueOn, AmountDong = i.AmountDong, Description = i.Description })];
            db.SponsorshipMous.Add(draft);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await audit.SaveWithAuditAsync(db, actor, new AuditRecord("mou.create", $"mou:{draft.Id}", new
            {
                terms, schedule = draft.Schedule.Select(i => new { i.DueOn, i.AmountDong, i.Description }),
            }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return draft;
        }

        var mou = await TrackedAsync(id.Value, version, cancellationToken);
        MouRules.CheckTerms(mou, terms, schedule, Today);
        var before = MouTerms.Of(mou);
        var beforeSchedule = mou.Schedule.OrderBy(i => i.Order).Select(i => new { i.DueOn, i.AmountDong, i.Description }).ToList();
        terms.ApplyTo(mou);
        db.MouInstallments.RemoveRange(mou.Schedule);
        mou.Schedule = [.. schedule.Select((i, n) => new MouInstallment { MouId = mou.Id, Order = n + 1, DueOn = i.DueOn, AmountDong = i.AmountDong, Description = i.Description })];
        var afterSchedule = mou.Schedule.Select(i => new { i.DueOn, i.AmountDong, i.Description }).ToList();
        await SaveAsync(mou, version, actor, new AuditRecord("mou.update", $"mou:{mou.Id}", new
        {
            status = mou.Status.ToString(),
            changed = Changes(before, terms),
            schedule = beforeSchedule.SequenceEqual(afterSchedule) ? null : new { before = beforeSchedule, after = afterSchedule },
        }), cancellationToken);
        return mou;
    }

    /// <summary>Moves an MoU to another status (a move back needs a reason), recorded in its history and the audit log.</summary>
    public async Task ChangeStatusAsync(int id, Guid version, MouStatus to, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var mou = await TrackedAsync(id, version, cancellationToken);
        MouRules.CheckStatusChange(mou, to, reason, Today);
        var record = Transition(mou, to, (reason ?? "").Trim(), actor);
        await SaveAsync(mou, version, actor, record, cancellationToken);
    }

    /// <summary>
    /// Attaches the signed scan (replacing an earlier one). The new blob is written under a new key before the
    /// row names it; it is removed again if the row cannot be saved, and the old one only after it was.
    /// </summary>
    public async Task AttachScanAsync(int id, Guid version, StagedFile scan, Actor actor, CancellationToken cancellationToken = default)
    {
        var mou = await TrackedAsync(id, version, cancellationToken);
        var stored = await files.StoreScanAsync(scan, cancellationToken);
        var previous = mou.ScanKey;
        mou.ScanKey = stored.Key;
        mou.ScanFileName = stored.FileName.Length > 200 ? stored.FileName[^200..] : stored.FileName;
        mou.ScanBytes = stored.Size;
        mou.ScanUploadedAt = Now;
        try
        {
            await SaveAsync(mou, version, actor, new AuditRecord("mou.scan", $"mou:{mou.Id}", new
            {
                file = mou.ScanFileName, stored.ContentType, stored.Size, sha256 = stored.Sha256, replaced = previous.Length > 0,
            }), cancellationToken);
        }
        catch
        {
            await files.DeleteQuietlyAsync(stored.Key);
            throw;
        }
        if (previous.Length > 0 && previous != stored.Key)
            await files.DeleteQuietlyAsync(previous);
    }

    /// <summary>Records money (or goods, at their value) handed over; the first one moves an Đã ký MoU to Đang thực hiện.</summary>
    public async Task<MouStatus> RecordDisbursementAsync(int id, Guid version, DisbursementDetails details, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var mou = await TrackedAsync(id, version, cancellationToken);
        var after = MouRules.CheckDisbursement(mou, details.AmountDong, details.PaidOn, Today);
        var disbursement = new MouDisbursement
        {
            MouId = mou.Id, PaidOn = details.PaidOn, AmountDong = details.AmountDong, Reference = details.Reference, Note = details.Note,
            RecordedBy = actor.Name, RecordedAt = Now,
        };
        mou.Disbursements.Add(disbursement);
        var records = new List<AuditRecord>
        {
            new("mou.disburse", $"mou:{mou.Id}", new
            {
                paidOn = details.PaidOn.ToString("yyyy-MM-dd"), amount = details.AmountDong, details.Reference, details.Note,
                total = MouRules.Disbursed(mou), committed = mou.ValueDong,
            }),
        };
        if (after != mou.Status)
            records.Add(Transition(mou, after, MouRules.AutoProgressReason, actor));
        await SaveAsync(mou, version, actor, records, cancellationToken);
        return after;
    }

    /// <summary>
    /// Cancels a disbursement recorded by mistake: it stays on record with who, when and why, and counts in
    /// no total from then on. The status stays as it is (an organizer moves it if the cancellation calls for it).
    /// </summary>
    public async Task CancelDisbursementAsync(int id, Guid version, int disbursementId, string reason, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var mou = await TrackedAsync(id, version, cancellationToken);
        var disbursement = mou.Disbursements.FirstOrDefault(d => d.Id == disbursementId)
                           ?? throw new MouRuleException(DisbursementNotFoundMessage);
        MouRules.CheckCancellation(mou, disbursement, reason);
        disbursement.CancelledAt = Now;
        disbursement.CancelledBy = actor.Name;
        disbursement.CancelReason = reason;
        await SaveAsync(mou, version, actor, new AuditRecord("mou.disburse.cancel", $"mou:{mou.Id}", new
        {
            disbursement = disbursement.Id, paidOn = disbursement.PaidOn.ToString("yyyy-MM-dd"), amount = disbursement.AmountDong,
            disbursement.Reference, reason, total = MouRules.Disbursed(mou), committed = mou.ValueDong,
        }), cancellationToken);
    }

    /// <summary>
    /// Deletes a draft made by mistake (with its schedule and history), audited; its scan, if one was attached,
    /// is removed from storage once the row is gone.
    /// </summary>
    public async Task DeleteDraftAsync(int id, Guid version, Actor actor, CancellationToken cancellationToken = default)
    {
        var mou = await TrackedAsync(id, version, cancellationToken);
        var tiers = await db.PrizeTiers.CountAsync(t => t.SponsorshipMouId == id, cancellationToken);
        var agenda = await db.AgendaItems.CountAsync(a => a.SponsorshipMouId == id, cancellationToken);
        MouRules.CheckDeletion(mou, tiers, agenda);
        var sponsor = await db.Sponsors.Where(s => s.Id == mou.SponsorId).Select(s => s.Name).SingleAsync(cancellationToken);
        db.SponsorshipMous.Remove(mou);
        // The same version check as every save: the DELETE matches no row if someone changed the draft meanwhile.
        await SaveAsync(mou, version, actor, new AuditRecord("mou.delete", $"mou:{mou.Id}", new
        {
            mou.Number, sponsor, mou.ValueDong, scan = mou.ScanFileName,
        }), cancellationToken);
        await files.DeleteQuietlyAsync(mou.ScanKey);
    }

    private AuditRecord Transition(SponsorshipMou mou, MouStatus to, string reason, Actor actor)
    {
        var from = mou.Status;
        mou.History.Add(new MouStatusChange { MouId = mou.Id, From = from, To = to, Reason = reason, By = actor.Name, At = Now });
        mou.Status = to;
        return new AuditRecord("mou.status", $"mou:{mou.Id}", new { from = from.ToString(), to = to.ToString(), reason, backward = to < from });
    }

    /// <summary>The MoU with everything the rules look at, tracked; refused at once when the organizer's copy is stale.</summary>
    private async Task<SponsorshipMou> TrackedAsync(int id, Guid version, CancellationToken cancellationToken)
    {
        var mou = await db.SponsorshipMous.Include(m => m.Schedule).Include(m => m.Disbursements).Include(m => m.History)
                      .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                  ?? throw new MouRuleException(NotFoundMessage);
        if (mou.Version != version)
            throw new MouRuleException(StaleMessage);
        return mou;
    }

    private Task SaveAsync(SponsorshipMou mou, Guid version, Actor actor, AuditRecord record, CancellationToken cancellationToken) =>
        SaveAsync(mou, version, actor, [record], cancellationToken);

    // The version the organizer saw is the original value, so a save that raced another one updates no row
    // and fails as a whole (the audit lines with it).
    private async Task SaveAsync(SponsorshipMou mou, Guid version, Actor actor, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        mou.Version = Guid.NewGuid();
        db.Entry(mou).Property(m => m.Version).OriginalValue = version;
        try
        {
            await audit.SaveWithAuditAsync(db, actor, records, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new MouRuleException(StaleMessage);
        }
    }

    /// <summary>The terms that differ, as name → { before, after }, for the audit line.</summary>
    private static Dictionary<string, object?> Changes(MouTerms before, MouTerms after) =>
        typeof(MouTerms).GetProperties()
            .Select(p => (p.Name, Before: p.GetValue(before), After: p.GetValue(after)))
            .Where(c => !Equals(c.Before, c.After))
            .ToDictionary(c => c.Name, c => (object?)new { before = c.Before?.ToString(), after = c.After?.ToString() });
}
