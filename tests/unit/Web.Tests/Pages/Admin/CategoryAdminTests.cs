using System.Net;
using ContestPlatform.Web.Content.Categories;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Admin.AdminSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin;

public sealed class CategoryAdminTests(TestSite site) : IClassFixture<TestSite>
{
    private const string List = "/quan-tri/linh-vuc";

    private Task<Category?> FindAsync(string name) =>
        site.QueryAsync(db => db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Name == name));

    private static string NewName(string stem) => $"{stem} {Guid.NewGuid().ToString("N")[..6]}";

    private static async Task<HttpResponseMessage> AddAsync(Browser browser, string name, string description = "", string? sortOrder = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Description"] = description };
        if (sortOrder is not null)
            fields["Input.SortOrder"] = sortOrder;
        return await browser.SubmitFormAsync(List, fields, "#add-category");
    }

    [Fact]
    public async Task The_organizer_adds_a_category_that_appears_in_the_list()
    {
        var (browser, _) = await SignedInAsync(site);
        var name = NewName("Du lịch – dịch vụ");

        var landed = await LandAsync(browser, await AddAsync(browser, name, "Sáng kiến phát triển du lịch cộng đồng", "20"));

        Assert.Contains($"Đã thêm lĩnh vực “{name}”", landed.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains(name, landed.QuerySelector("table")!.TextContent);
        var stored = await FindAsync(name);
        Assert.NotNull(stored);
        Assert.True(stored.IsActive);
        Assert.Equal(20, stored.SortOrder);
        Assert.Equal("Sáng kiến phát triển du lịch cộng đồng", stored.Description);
    }

    [Fact]
    public async Task A_name_that_differs_only_in_case_or_spacing_is_refused()
    {
        var (browser, _) = await SignedInAsync(site);
        var count = await site.QueryAsync(db => db.Categories.CountAsync());

        var response = await AddAsync(browser, "  y   TẾ ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Đã có lĩnh vực “Y tế”. Vui lòng đặt tên khác.", await TextAsync(response));
        Assert.Equal(count, await site.QueryAsync(db => db.Categories.CountAsync()));
    }

    [Fact]
    public async Task The_organizer_renames_a_category()
    {
        var (browser, _) = await SignedInAsync(site);
        var name = NewName("Thương mại");
        await LandAsync(browser, await AddAsync(browser, name));
        var id = (await FindAsync(name))!.Id;
        var renamed = NewName("Thương mại – dịch vụ");

        var landed = await LandAsync(browser, await browser.SubmitFormAsync($"{List}/{id}", new() { ["Input.Name"] = renamed }));

        Assert.Contains($"Đã đổi tên lĩnh vực “{name}” thành “{renamed}”", Text(landed));
        Assert.Null(await FindAsync(name));
        Assert.Equal(id, (await FindAsync(renamed))!.Id);
    }

    [Fact]
    public async Task Renaming_to_another_categorys_name_is_refused()
    {
        var (browser, _) = await SignedInAsync(site);
        var name = NewName("Khoa học xã hội");
        await LandAsync(browser, await AddAsync(browser, name));
        var id = (await FindAsync(name))!.Id;

        var response = await browser.SubmitFormAsync($"{List}/{id}", new() { ["Input.Name"] = "giáo dục – đào tạo" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Đã có lĩnh vực “Giáo dục – đào tạo”", await TextAsync(response));
        Assert.NotNull(await FindAsync(name));
    }

    [Fact]
    public async Task Hiding_a_category_keeps_it_and_showing_it_again_restores_it()
    {
        var (browser, _) = await SignedInAsync(site);
        var name = NewName("Thể thao");
        await LandAsync(browser, await AddAsync(browser, name));
        var id = (await FindAsync(name))!.Id;

        var hidden = await LandAsync(browser, await browser.SubmitFormAsync(List, [], $"form[action*='handler=Visibility'][action*='id={id}&']"));

        Assert.Contains($"Đã ẩn lĩnh vực “{name}”", Text(hidden));
        Assert.False((await FindAsync(name))!.IsActive);
        var row = hidden.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(name));
        Assert.Contains("Đã ẩn", row.TextContent);

        var shown = await LandAsync(browser, await browser.SubmitFormAsync(List, [], $"form[action*='handler=Visibility'][action*='id={id}&']"));

        Assert.Contains("hiển thị trở lại", Text(shown));
        Assert.True((await FindAsync(name))!.IsActive);
    }

    [Fact]
    public async Task An_over_long_name_is_refused_with_a_Vietnamese_message()
    {
        var (browser, _) = await SignedInAsync(site);
        var count = await site.QueryAsync(db => db.Categories.CountAsync());

        var response = await AddAsync(browser, new string('L', 400));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tên lĩnh vực không được dài quá 200 ký tự.", await TextAsync(response));
        Assert.Equal(count, await site.QueryAsync(db => db.Categories.CountAsync()));
    }
}
