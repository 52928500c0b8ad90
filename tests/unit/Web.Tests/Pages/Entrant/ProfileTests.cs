using System.Net;
using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestPlatform.Web.Tests.Pages.Entrant.EntrantSteps;

namespace ContestPlatform.Web.Tests.Pages.Entrant;

public sealed class ProfileTests(TestSite site) : IClassFixture<TestSite>
{
    private Task<EntrantProfile?> ProfileOfAsync(EntrantUser entrant) =>
        site.QueryAsync(db => db.EntrantProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == entrant.UserId));

    [Fact]
    public async Task A_first_visit_asks_for_the_profile_before_any_entry()
    {
        var entrant = await SignInAsync(site);

        var dashboard = await entrant.Browser.GetPageAsync("/thi-sinh");
        Assert.Contains("Hoàn thành hồ sơ thí sinh", Text(dashboard));
        Assert.DoesNotContain("Tạo công trình mới", Text(dashboard));

        var create = await entrant.Browser.Client.GetAsync("/thi-sinh/cong-trinh/moi");
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.Equal("/thi-sinh/ho-so", create.Headers.Location!.OriginalString);
        var profilePage = await entrant.Browser.GetPageAsync("/thi-sinh/ho-so");
        Assert.Contains("Trước khi tạo công trình dự thi", Text(profilePage));
    }

    [Fact]
    public async Task An_enterprise_profile_is_saved_with_its_tax_code_and_phone_tidied()
    {
        var entrant = await SignInAsync(site);

        var landed = await LandAsync(entrant.Browser, await SaveProfileAsync(entrant.Browser, new()
        {
            ["Input.Type"] = ((int)EntrantType.Enterprise).ToString(),
            ["Input.Organisation"] = "  Công ty TNHH Chè   Tân Cương ",
            ["Input.TaxCode"] = "4600123456001",
            ["Input.Phone"] = "+84 912.345.678",
            ["Input.Commune"] = OtherCommune,
        }));

        Assert.Contains("Đã lưu hồ sơ thí sinh. Bây giờ bạn có thể tạo công trình dự thi.", Text(landed));
        Assert.Contains("Tạo công trình mới", Text(landed));
        Assert.Contains("Doanh nghiệp · Công ty TNHH Chè Tân Cương", Text(landed));
        var profile = (await ProfileOfAsync(entrant))!;
        Assert.Equal(EntrantType.Enterprise, profile.Type);
        Assert.Equal("Công ty TNHH Chè Tân Cương", profile.Organisation);
        Assert.Equal("4600123456-001", profile.TaxCode);
        Assert.Equal("+84912345678", profile.Phone);
        Assert.Equal(OtherCommune, profile.Commune);

        // Editing keeps one profile per account.
        await LandAsync(entrant.Browser, await SaveProfileAsync(entrant.Browser, new()
        {
            ["Input.Type"] = ((int)EntrantType.Enterprise).ToString(),
            ["Input.Organisation"] = "Công ty TNHH Chè Tân Cương",
            ["Input.TaxCode"] = "4600123456",
        }));
        Assert.Equal(1, await site.QueryAsync(db => db.EntrantProfiles.CountAsync(p => p.UserId == entrant.UserId)));
        Assert.Equal("4600123456", (await ProfileOfAsync(entrant))!.TaxCode);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("01012345678")]
    [InlineData("0101234567-01")]
    [InlineData("0101234567-0011")]
    [InlineData("010123456A")]
    public async Task A_tax_code_that_is_not_10_or_13_digits_is_refused(string taxCode)
    {
        var entrant = await SignInAsync(site);

        var response = await SaveProfileAsync(entrant.Browser, new() { ["Input.TaxCode"] = taxCode });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Mã số thuế gồm 10 chữ số (ví dụ 0101234567) hoặc 13 chữ số với mã đơn vị phụ thuộc (ví dụ 0101234567-001).", FieldErrors(page));
        Assert.Null(await ProfileOfAsync(entrant));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0912 345")]
    [InlineData("84912345678")]
    [InlineData("+84 0912 345 678")]
    [InlineData("091234567890")]
    [InlineData("091234567a")]
    [InlineData("1900 1234")]
    public async Task A_phone_number_that_is_not_vietnamese_is_refused(string phone)
    {
        var entrant = await SignInAsync(site);

        var response = await SaveProfileAsync(entrant.Browser, new() { ["Input.Phone"] = phone });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0 (ví dụ 0912345678) hoặc +84 (ví dụ +84912345678).",
            FieldErrors(await Browser.ParseAsync(response)));
        Assert.Null(await ProfileOfAsync(entrant));
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0208 3851 234", "02083851234")]
    [InlineData("+84 912 345 678", "+84912345678")]
    [InlineData("(0208) 385-1234", "02083851234")]
    public async Task Mobile_and_landline_numbers_are_accepted(string phone, string stored)
    {
        var entrant = await SignInAsync(site);

        await LandAsync(entrant.Browser, await SaveProfileAsync(entrant.Browser, new() { ["Input.Phone"] = phone }));

        Assert.Equal(stored, (await ProfileOfAsync(entrant))!.Phone);
    }

    [Theory]
    [InlineData("Huyện Đồng Hỷ")]
    [InlineData("Phường Đức Xuân ; DROP TABLE")]
    [InlineData("phường đức xuân")]
    public async Task A_commune_not_in_the_2025_list_is_refused(string commune)
    {
        var entrant = await SignInAsync(site);

        var response = await SaveProfileAsync(entrant.Browser, new() { ["Input.Commune"] = commune });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng chọn xã/phường trong danh sách đơn vị hành chính cấp xã của tỉnh Thái Nguyên.",
            FieldErrors(await Browser.ParseAsync(response)));
        Assert.Null(await ProfileOfAsync(entrant));
    }

    [Fact]
    public async Task The_commune_list_offers_the_92_units()
    {
        var entrant = await SignInAsync(site);

        var page = await entrant.Browser.GetPageAsync("/thi-sinh/ho-so");

        var options = page.QuerySelectorAll("select[name='Input.Commune'] option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.Equal(92, options.Count);
        Assert.Contains(Commune, options);
    }

    [Fact]
    public async Task An_organisation_must_give_its_name_and_the_type_must_be_one_of_the_list()
    {
        var entrant = await SignInAsync(site);

        var noName = await SaveProfileAsync(entrant.Browser, new() { ["Input.Type"] = ((int)EntrantType.Cooperative).ToString() });
        var unknownType = await SaveProfileAsync(entrant.Browser, new() { ["Input.Type"] = "99" });
        var noType = await SaveProfileAsync(entrant.Browser, new() { ["Input.Type"] = "", ["Input.Commune"] = "", ["Input.Phone"] = "" });

        Assert.Contains("Vui lòng nhập tên cơ quan/đơn vị (bắt buộc với loại đối tượng “Hợp tác xã”).", FieldErrors(await Browser.ParseAsync(noName)));
        Assert.Contains("Vui lòng chọn loại đối tượng trong danh sách.", FieldErrors(await Browser.ParseAsync(unknownType)));
        var missing = FieldErrors(await Browser.ParseAsync(noType));
        Assert.Contains("Vui lòng chọn loại đối tượng dự thi.", missing);
        Assert.Contains("Vui lòng chọn xã/phường.", missing);
        Assert.Contains("Vui lòng nhập Số điện thoại.", missing);
        Assert.Null(await ProfileOfAsync(entrant));
    }

    [Fact]
    public async Task The_public_entrant_name_is_the_organisation_or_else_the_representative_author()
    {
        var entrant = await WithProfileAsync(site);
        var id = await CreateDraftAsync(entrant.Browser, CompleteEntry("Hệ thống giám sát chất lượng nước"));
        Assert.Equal("Nguyễn Văn An", (await EntryAsync(site, id)).EntrantName);

        await LandAsync(entrant.Browser, await SaveProfileAsync(entrant.Browser, new()
        {
            ["Input.Type"] = ((int)EntrantType.ScienceOrganisation).ToString(),
            ["Input.Organisation"] = "Trường Đại học Kỹ thuật Công nghiệp",
        }));

        var entry = await EntryAsync(site, id);
        Assert.Equal("Trường Đại học Kỹ thuật Công nghiệp", entry.EntrantName);
        Assert.Contains("truong dai hoc ky thuat cong nghiep", entry.SearchText);
    }

    [Fact]
    public async Task A_signed_in_account_without_the_entrant_role_may_enter_too()
    {
        var judge = await SignInAsync(site, Roles.Judge);

        var landed = await LandAsync(judge.Browser, await SaveProfileAsync(judge.Browser, []));

        Assert.Contains("Công trình dự thi của tôi", Text(landed));
        Assert.NotNull(await ProfileOfAsync(judge));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in()
    {
        var browser = site.NewBrowser();
        foreach (var url in new[] { "/thi-sinh", "/thi-sinh/ho-so", "/thi-sinh/cong-trinh/moi", "/thi-sinh/cong-trinh/1", "/thi-sinh/cong-trinh/1/xem" })
        {
            var response = await browser.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(AccountSetup.LoginPath, response.Headers.Location!.AbsolutePath);
        }
    }
}
