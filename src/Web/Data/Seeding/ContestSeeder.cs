using System.Globalization;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Content.Categories;
using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Content.Rubrics;
using ContestPlatform.Web.Content.Rules;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Sponsorship;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Data.Seeding.SeedFiles;

namespace ContestPlatform.Web.Data.Seeding;

/// <summary>
/// Seeds the real contest from the files in <c>assets/</c> on first start. Each part is seeded only while
/// its table is empty, so organizers' edits are never overwritten. Never creates accounts.
/// </summary>
public sealed class ContestSeeder(AppDbContext db, TimeProvider time, string assetsDirectory)
{
    public const string SystemAuthor = "Hệ thống (dữ liệu khởi tạo)";

    public static string DefaultAssetsDirectory => Path.Combine(AppContext.BaseDirectory, "assets");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var contestFile = Read<ContestFile>(Asset("contest.json"));

        if (!await db.Contests.AnyAsync(cancellationToken))
            db.Contests.Add(ToContest(contestFile));

        if (!await db.Categories.AnyAsync(cancellationToken))
            db.Categories.AddRange(ReadCategories());

        if (!await db.Rubrics.AnyAsync(cancellationToken))
            db.Rubrics.Add(ToRubric(Read<RubricFile>(Asset("rubric.json")), now));

        if (!await db.RulesVersions.AnyAsync(cancellationToken))
            db.RulesVersions.Add(new RulesVersion
            {
                Number = 1,
                Title = contestFile.Rules.Title,
                DecisionRef = contestFile.Rules.DecisionRef,
                EffectiveDate = contestFile.Rules.EffectiveDate,
                Markdown = File.ReadAllText(Asset(contestFile.Rules.File)),
                CreatedAt = now,
                CreatedBy = SystemAuthor,
                Note = "Bản ban hành kèm theo Quyết định",
            });

        if (!await db.Events.AnyAsync(cancellationToken))
            foreach (var file in Directory.EnumerateFiles(Asset("events"), "*.json").Order())
                db.Events.Add(ToEvent(Read<EventFile>(file)));

        if (!await db.News.AnyAsync(cancellationToken))
            foreach (var file in Directory.EnumerateFiles(Asset("news"), "*.md").Order())
                db.News.Add(ToNews(file, now));

        if (!await db.PrizeTiers.AnyAsync(cancellationToken))
            db.PrizeTiers.AddRange(Read<PrizesFile>(Asset("prizes.json")).Tiers.Select((t, i) => new PrizeTier
            {
                Order = i + 1, Name = t.Name, Places = t.Places, AmountDong = t.AmountDong, Honour = t.Honour, Funding = t.Funding,
            }));

        await db.SaveChangesAsync(cancellationToken);

        if (!await db.Sponsors.AnyAsync(cancellationToken))
            await SeedSponsorshipAsync(Read<SponsorshipFile>(Asset("sponsorship.json")), cancellationToken);
    }

    /// <summary>
    /// The sponsor and the draft MoU the launch plan calls for; sponsor-funded tiers and the agenda's signing
    /// item are linked to it (only where nothing is linked yet, so an organizer's choice stands).
    /// </summary>
    private async Task SeedSponsorshipAsync(SponsorshipFile file, CancellationToken cancellationToken)
    {
        var mou = new SponsorshipMou
        {
            Sponsor = new Sponsor { Name = file.Sponsor.Name, Description = file.Sponsor.Description, SortOrder = 1 },
            Place = file.Mou.Place,
            PartyAName = file.Mou.PartyAName,
            PartyAAddress = file.Mou.PartyAAddress,
            PartyARepresentative = file.Mou.PartyARepresentative,
            PartyAPosition = file.Mou.PartyAPosition,
            Purpose = file.Mou.Purpose,
            Form = file.Mou.Form,
            BenefitLogoOnSite = file.Mou.BenefitLogoOnSite,
            BenefitSpeechAtCeremony = file.Mou.BenefitSpeechAtCeremony,
            BenefitRecognition = file.Mou.BenefitRecognition,
            ResponsibilitiesA = file.Mou.ResponsibilitiesA,
            ResponsibilitiesB = file.Mou.ResponsibilitiesB,
            Status = MouStatus.Draft,
        };
        db.SponsorshipMous.Add(mou);
        await db.SaveChangesAsync(cancellationToken);

        await db.PrizeTiers.Where(t => t.Funding == Funding.Sponsor && t.SponsorshipMouId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.SponsorshipMouId, mou.Id), cancellationToken);
        // The launch ceremony's item 6: "Thực hiện Ký kết biên bản ghi nhớ tài trợ cuộc thi …".
        var signing = await db.AgendaItems.Where(a => a.SponsorshipMouId == null).ToListAsync(cancellationToken);
        foreach (var item in signing.Where(a => a.Content.Contains("biên bản ghi nhớ tài trợ", StringComparison.OrdinalIgnoreCase)))
            item.SponsorshipMouId = mou.Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    private string Asset(string name) => Path.Combine(assetsDirectory, name);

    private static Contest ToContest(ContestFile file) => new()
    {
        Name = file.Name,
        Edition = file.Edition,
        Year = file.Year,
        Organiser = file.Organiser,
        StandingBody = file.StandingBody,
        Address = file.Address,
        LegalBases = string.Join('\n', file.LegalBases),
        Introduction = file.Introduction,
        CommitteeSize = file.CommitteeSize,
        EntryCodePrefix = file.EntryCodePrefix,
        Phases = file.PhasesVietnamTime.Select(p => new ContestPhase
        {
            Kind = p.Kind,
            StartsAt = VietnameseFormat.FromVietnam(p.Starts),
            EndsAt = VietnameseFormat.FromVietnam(p.Ends),
        }).ToList(),
    };

    private IEnumerable<Category> ReadCategories() =>
        File.ReadAllLines(Asset("categories.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select((name, i) => new Category { Name = name, SortOrder = i + 1 });

    private static ScoringRubric ToRubric(RubricFile file, DateTime now)
    {
        var rubric = new ScoringRubric
        {
            Name = file.Name,
            InForce = true,
            TieBreakOrder = string.Join(',', file.TieBreakOrder),
            CreatedAt = now,
            Criteria = file.Criteria.Select((c, i) => new RubricCriterion
            {
                SortOrder = i + 1,
                Code = c.Code,
                Name = c.Name,
                Description = c.Description,
                MaxPoints = c.MaxPoints,
                Step = c.Step,
                Weight = c.Weight,
                Kind = c.Kind,
                LevelsJson = System.Text.Json.JsonSerializer.Serialize(c.Levels),
            }).ToList(),
        };
        rubric.ToDomain(); // throws with a readable message if the seed file breaks a rubric rule
        return rubric;
    }

    private static ContestEvent ToEvent(EventFile file) => new()
    {
        Slug = file.Slug,
        Title = file.Title,
        Purpose = file.Purpose,
        StartsAt = VietnameseFormat.FromVietnam(file.StartsVietnamTime),
        TimeNote = file.TimeNote,
        Place = file.Place,
        Format = file.Format,
        ExpectedAttendance = file.ExpectedAttendance,
        AttendeeGroups = string.Join('\n', file.AttendeeGroups),
        Agenda = file.Agenda.Select((a, i) => new AgendaItem
        {
            Order = i + 1, Content = a.Content, Presenter = a.Presenter, Note = a.Note,
        }).ToList(),
    };

    private static NewsPost ToNews(string path, DateTime now)
    {
        var (header, body) = ReadFrontMatter(path);
        var publish = DateTime.ParseExact(header["publishVietnamTime"], "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return new NewsPost
        {
            Slug = header["slug"],
            Title = header["title"],
            Summary = header.GetValueOrDefault("summary", ""),
            Markdown = body,
            PublishAt = VietnameseFormat.FromVietnam(publish),
            CreatedAt = now,
            UpdatedAt = now,
            AuthorName = SystemAuthor,
        };
    }
}
