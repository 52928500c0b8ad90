using System.Net;
using System.Text;
using ContestPlatform.Web.Tests.Infrastructure;
using ContestPlatform.Web.Tests.Media.Processing;
using ContestPlatform.Web.Tests.Media.Uploads;
using Microsoft.EntityFrameworkCore;
using NetVips;
using static ContestPlatform.Web.Tests.Pages.Admin.Sponsorship.SponsorshipSteps;

namespace ContestPlatform.Web.Tests.Pages.Admin.Sponsorship;

/// <summary>Sponsors through the real multipart form: the logo is checked by content and redrawn, never served as uploaded.</summary>
public sealed class SponsorAdminTests(TestSite site) : IClassFixture<TestSite>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task A_sponsor_with_a_photo_logo_gets_a_small_png_without_its_GPS_position()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var upload = MediaSamples.SidewaysJpegWithGps(1600, 1200);

        var id = await CreateSponsorAsync(site, organizer, Unique("Công ty Logo"), upload);

        var sponsor = await site.QueryAsync(db => db.Sponsors.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal("image/png", sponsor.LogoContentType);
        Assert.Equal(TaxCode, sponsor.TaxCode);
        Assert.Equal("https://example.vn/", sponsor.Website);
        var page = await organizer.GetPageAsync(SponsorUrl(id));
        var src = page.QuerySelector("img.logo-preview")!.GetAttribute("src")!;

        var response = await organizer.Client.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(upload, bytes);
        using var logo = Image.NewFromBuffer(bytes);
        Assert.StartsWith("pngload", (string)logo.Get("vips-loader"));
        Assert.True(logo.Width <= 400 && logo.Height <= 400, $"{logo.Width}×{logo.Height}");
        // Upright: the sideways photo (stored 1600×1200, orientation 6) is taller than wide.
        Assert.True(logo.Height > logo.Width);
        Assert.DoesNotContain(logo.GetFields(), f => f.StartsWith("exif", StringComparison.Ordinal) || f.Contains("xmp") || f.Contains("GPS"));
        var text = Encoding.Latin1.GetString(bytes);
        foreach (var secret in new[] { "GPS", MediaSamples.CameraMake, MediaSamples.XmpMarker, "Exif" })
            Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public async Task A_logo_is_private_until_a_signed_MoU_grants_it_a_place_on_the_site()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var id = await CreateSponsorAsync(site, organizer, Unique("Công ty Riêng"), SampleFiles.Png(500, 250));
        var src = (await organizer.GetPageAsync(SponsorUrl(id))).QuerySelector("img.logo-preview")!.GetAttribute("src")!;

        var asOrganizer = await organizer.Client.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, asOrganizer.StatusCode);
        Assert.True(asOrganizer.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().Client.GetAsync(src)).StatusCode);
        // Another name under the same sponsor is not an old logo either.
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.Client.GetAsync($"/tep/nha-tai-tro/{id}/khac.png")).StatusCode);
    }

    [Fact]
    public async Task A_new_logo_replaces_the_old_one_whose_address_and_blob_are_gone()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var id = await CreateSponsorAsync(site, organizer, Unique("Công ty Đổi logo"), SampleFiles.Png(300, 150));
        var oldSrc = (await organizer.GetPageAsync(SponsorUrl(id))).QuerySelector("img.logo-preview")!.GetAttribute("src")!;
        var oldKey = await site.QueryAsync(db => db.Sponsors.Where(s => s.Id == id).Select(s => s.LogoKey).SingleAsync());

        await AdminSteps.LandAsync(organizer, await SubmitMultipartAsync(organizer, SponsorUrl(id), "#sponsor-form", [], "logo", SampleFiles.WebP(320, 160)));

        var newSrc = (await organizer.GetPageAsync(SponsorUrl(id))).QuerySelector("img.logo-preview")!.GetAttribute("src")!;
        Assert.NotEqual(oldSrc, newSrc);
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.Client.GetAsync(oldSrc)).StatusCode);
        var served = await organizer.Client.GetAsync(newSrc);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        var newKey = await site.QueryAsync(db => db.Sponsors.Where(s => s.Id == id).Select(s => s.LogoKey).SingleAsync());
        Assert.True(File.Exists(Path.Combine(site.DataDirectory, "blobs", newKey)));
        Assert.False(File.Exists(Path.Combine(site.DataDirectory, "blobs", oldKey)));
    }

    [Theory]
    [InlineData("svg")]
    [InlineData("html")]
    [InlineData("pdf")]
    public async Task An_SVG_or_HTML_or_PDF_logo_named_png_is_refused_and_nothing_is_stored(string kind)
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var bytes = kind switch { "svg" => SampleFiles.Svg(), "html" => SampleFiles.HtmlPage(), _ => SampleFiles.Pdf() };
        var name = Unique("Công ty SVG");
        var blobsBefore = BlobCount();

        var response = await SubmitMultipartAsync(organizer, NewSponsor, "#sponsor-form",
            new() { ["Input.Name"] = name, ["Input.TaxCode"] = TaxCode }, "logo", bytes, "logo.png", "image/png");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Logo phải là ảnh JPEG, PNG hoặc WebP", page.QuerySelector("[data-valmsg-for=logo]")!.TextContent);
        Assert.Equal(name, page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.False(await site.QueryAsync(db => db.Sponsors.AnyAsync(s => s.Name == name)));
        Assert.Equal(blobsBefore, BlobCount());
    }

    [Fact]
    public async Task A_logo_over_five_megabytes_is_refused_next_to_the_file()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var big = new byte[5 * 1024 * 1024 + 10];
        SampleFiles.Png().CopyTo(big, 0);
        var name = Unique("Công ty Lớn");

        var response = await SubmitMultipartAsync(organizer, NewSponsor, "#sponsor-form", new() { ["Input.Name"] = name }, "logo", big);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Logo quá lớn: tối đa 5 MB", await ErrorsAsync(response));
        Assert.False(await site.QueryAsync(db => db.Sponsors.AnyAsync(s => s.Name == name)));
    }

    [Theory]
    [InlineData("0100109107", "chữ số kiểm tra")]
    [InlineData("12345", "10 chữ số")]
    public async Task A_wrong_tax_code_is_refused_with_how_to_fix_it(string taxCode, string said)
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var name = Unique("Công ty MST");

        var response = await SubmitMultipartAsync(organizer, NewSponsor, "#sponsor-form",
            new() { ["Input.Name"] = name, ["Input.TaxCode"] = taxCode }, "logo", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(said, (await Browser.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.TaxCode']")!.TextContent);
        Assert.False(await site.QueryAsync(db => db.Sponsors.AnyAsync(s => s.Name == name)));
    }

    [Fact]
    public async Task A_javascript_website_is_refused()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);

        var response = await SubmitMultipartAsync(organizer, NewSponsor, "#sponsor-form",
            new() { ["Input.Name"] = Unique("Công ty JS"), ["Input.Website"] = "javascript:alert(1)" }, "logo", null);

        Assert.Contains("http:// hoặc https://", await ErrorsAsync(response));
    }

    [Fact]
    public async Task The_multipart_form_without_its_token_is_refused_before_anything_is_stored()
    {
        var (organizer, _) = await AdminSteps.SignedInAsync(site);
        var name = Unique("Công ty Giả mạo");
        var blobsBefore = BlobCount();

        var response = await SubmitMultipartAsync(organizer, NewSponsor, "#sponsor-form",
            new() { ["Input.Name"] = name }, "logo", SampleFiles.Png(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The error page is shown for the half-read multipart request too, with its own message.
        Assert.Contains("Yêu cầu không hợp lệ", (await Browser.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        Assert.False(await site.QueryAsync(db => db.Sponsors.AnyAsync(s => s.Name == name)));
        Assert.Equal(blobsBefore, BlobCount());
    }

    [Fact]
    public async Task Two_organizers_editing_one_sponsor_the_later_is_told_to_reload()
    {
        var (first, _) = await AdminSteps.SignedInAsync(site);
        var (second, _) = await AdminSteps.SignedInAsync(site);
        var id = await CreateSponsorAsync(site, first, Unique("Công ty Hai người"));
        var staleForm = await second.GetPageAsync(SponsorUrl(id));
        _ = staleForm;

        await AdminSteps.LandAsync(first, await SubmitMultipartAsync(first, SponsorUrl(id), "#sponsor-form",
            new() { ["Input.Description"] = "Bản của người thứ nhất" }, "logo", null));
        // The second organizer's page still carries the version it was opened with.
        var response = await PostWithVersionAsync(second, id, staleForm, "Bản của người thứ hai");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", await ErrorsAsync(response));
        Assert.Equal("Bản của người thứ nhất", await site.QueryAsync(db => db.Sponsors.Where(s => s.Id == id).Select(s => s.Description).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> PostWithVersionAsync(Browser browser, int id, AngleSharp.Html.Dom.IHtmlDocument opened, string description)
    {
        var version = opened.QuerySelector("#Input_Version")!.GetAttribute("value")!;
        return await SubmitMultipartAsync(browser, SponsorUrl(id), "#sponsor-form",
            new() { ["Input.Version"] = version, ["Input.Description"] = description }, "logo", null);
    }

    private int BlobCount()
    {
        var root = Path.Combine(site.DataDirectory, "blobs", "sponsorship");
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() : 0;
    }
}
