using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Content.Categories;
using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Content.Rubrics;
using ContestPlatform.Web.Content.Rules;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Sponsorship;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContestPlatform.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<ContestPhase> ContestPhases => Set<ContestPhase>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<ScoringRubric> Rubrics => Set<ScoringRubric>();
    public DbSet<RubricCriterion> RubricCriteria => Set<RubricCriterion>();
    public DbSet<RulesVersion> RulesVersions => Set<RulesVersion>();
    public DbSet<ContestEvent> Events => Set<ContestEvent>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<NewsPost> News => Set<NewsPost>();
    public DbSet<EntrantProfile> EntrantProfiles => Set<EntrantProfile>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<EntryAuthor> EntryAuthors => Set<EntryAuthor>();
    public DbSet<EntryStatusChange> EntryStatusChanges => Set<EntryStatusChange>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<MediaJob> MediaJobs => Set<MediaJob>();
    public DbSet<UploadSession> UploadSessions => Set<UploadSession>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Judge> Judges => Set<Judge>();
    public DbSet<JudgingRound> JudgingRounds => Set<JudgingRound>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();
    public DbSet<ScoreLine> ScoreLines => Set<ScoreLine>();
    public DbSet<PrizeTier> PrizeTiers => Set<PrizeTier>();
    public DbSet<AwardProposal> AwardProposals => Set<AwardProposal>();
    public DbSet<ProposedAward> ProposedAwards => Set<ProposedAward>();
    public DbSet<CommitteeDecision> CommitteeDecisions => Set<CommitteeDecision>();
    public DbSet<Sponsor> Sponsors => Set<Sponsor>();
    public DbSet<SponsorshipMou> SponsorshipMous => Set<SponsorshipMou>();
    public DbSet<MouInstallment> MouInstallments => Set<MouInstallment>();
    public DbSet<MouDisbursement> MouDisbursements => Set<MouDisbursement>();
    public DbSet<MouStatusChange> MouStatusChanges => Set<MouStatusChange>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored in UTC; SQLite forgets DateTime.Kind, so restore it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
