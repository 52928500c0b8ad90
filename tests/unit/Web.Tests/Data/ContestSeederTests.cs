using ContestPlatform.Judging.Rubrics;
using ContestPlatform.Web.Content.Events;
using ContestPlatform.Web.Data.Seeding;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Data;

public class ContestSeederTests : IClassFixture<TestSite>
{
    private readonly TestSite _site;

    public ContestSeederTests(TestSite site)
    {
        _site = site;
        _ = site.Server; // start the app: migrations and seeding run at start
    }

    [Fact]
    public async Task The_real_contest_is_seeded_with_its_five_phases()
    {
        var contest = await _site.QueryAsync(db => db.Contests.Include(c => c.Phases).SingleAsync());
        Assert.Equal("Đổi mới sáng tạo - vì Thái Nguyên thân yêu", contest.Name);
        Assert.Equal(2025, contest.Year);
        Assert.Equal("DMST-2025", contest.EntryCodePrefix);
        Assert.Equal(5, contest.Phases.Count);
        Assert.Contains("255/KH-UBND", contest.LegalBases);
    }

    [Fact]
    public async Task The_default_rubric_is_the_real_one_and_valid()
    {
        var stored = await _site.QueryAsync(db => db.Rubrics.Include(r => r.Criteria).SingleAsync(r => r.InForce));
        var rubric = stored.ToDomain();
        Assert.Equal(["DMST", "HQ", "KNAD", "BC"], rubric.Criteria.Select(c => c.Code));
        Assert.Equal([20m, 30m, 30m, 20m], rubric.Criteria.Select(c => c.MaxPoints));
        Assert.Equal(80m, rubric.CouncilMax);
        Assert.Equal(CriterionKind.CommunityVote, rubric["BC"].Kind);
        Assert.Equal(["HQ", "KNAD", "DMST"], stored.TieBreakCodes);
    }

    [Fact]
    public async Task The_eight_default_categories_are_seeded_in_order()
    {
        var names = await _site.QueryAsync(db => db.Categories.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        Assert.Equal(8, names.Count);
        Assert.Equal("Công nghệ thông tin & chuyển đổi số", names[0]);
        Assert.Equal("Văn hóa – xã hội – cộng đồng", names[^1]);
    }

    [Fact]
    public async Task The_launch_ceremony_has_its_real_eight_item_agenda()
    {
        var launch = await _site.QueryAsync(db => db.Events.Include(e => e.Agenda).SingleAsync(e => e.Slug == "le-cong-bo-phat-dong"));
        var agenda = launch.Agenda.OrderBy(a => a.Order).ToList();
        Assert.Equal(8, agenda.Count);
        Assert.Equal(Enumerable.Range(1, 8), agenda.Select(a => a.Order));
        Assert.Equal("Tuyên bố lý do, giới thiệu đại biểu", agenda[0].Content);
        Assert.Contains("Video giới thiệu về thể lệ", agenda[2].Content);
        Assert.Equal("Phát biểu của nhà tài trợ", agenda[4].Content);
        Assert.Contains("Ký kết biên bản ghi nhớ tài trợ", agenda[5].Content);
        Assert.Equal("Phó trưởng Ban Tổ chức", agenda[7].Presenter);
    }

    [Fact]
    public async Task The_rules_are_seeded_as_version_one_with_their_decision()
    {
        var rules = await _site.QueryAsync(db => db.RulesVersions.SingleAsync());
        Assert.Equal(1, rules.Number);
        Assert.Contains("16/QĐ-BTCCT", rules.DecisionRef);
        Assert.Equal(new DateOnly(2025, 1, 24), rules.EffectiveDate);
        Assert.Contains("Điều 1", rules.Markdown);
    }

    [Fact]
    public async Task Seeding_creates_no_accounts()
    {
        Assert.Equal(0, await _site.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(4, await _site.QueryAsync(db => db.Roles.CountAsync()));
    }

    [Fact]
    public async Task Seeding_again_keeps_organizer_edits_and_adds_no_duplicates()
    {
        using var site = new TestSite();
        await site.QueryAsync(async db =>
        {
            var category = await db.Categories.OrderBy(c => c.SortOrder).FirstAsync();
            category.Name = "Chuyển đổi số (đã sửa)";
            return await db.SaveChangesAsync();
        });

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContestPlatform.Web.Data.AppDbContext>();
            await new ContestSeeder(db, site.Time, ContestSeeder.DefaultAssetsDirectory).SeedAsync();
        }

        Assert.Equal(8, await site.QueryAsync(db => db.Categories.CountAsync()));
        Assert.Equal(1, await site.QueryAsync(db => db.Contests.CountAsync()));
        Assert.Equal(1, await site.QueryAsync(db => db.Events.CountAsync()));
        Assert.Equal(1, await site.QueryAsync(db => db.RulesVersions.CountAsync()));
        Assert.True(await site.QueryAsync(db => db.Categories.AnyAsync(c => c.Name == "Chuyển đổi số (đã sửa)")));
    }
}
