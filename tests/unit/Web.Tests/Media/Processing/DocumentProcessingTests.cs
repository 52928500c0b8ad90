using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Processing;
using NetVips;

namespace ContestPlatform.Web.Tests.Media.Processing;

public class DocumentProcessingTests
{
    [Fact]
    public async Task A_PDF_gets_its_page_count_a_first_page_preview_and_a_copy_without_its_author()
    {
        using var site = new MediaTestSite();
        var original = MediaSamples.Pdf(pages: 3, author: "Nguyen Van Tac Gia");
        var id = await site.AddMediaAsync(original, "application/pdf", MediaKind.Document);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Ready, file.State);
        Assert.Equal(3, file.PageCount);
        Assert.Equal($"media/derived/{file.Sha256}/poster.jpg", file.PosterKey);
        Assert.Equal($"media/derived/{file.Sha256}/document.pdf", file.PlaybackKey);

        var preview = await site.BlobAsync(file.PosterKey);
        Assert.True(MediaSamples.IsJpeg(preview));
        using (var image = Image.NewFromBuffer(preview))
        {
            Assert.Equal(800, image.Width);
            Assert.Equal((file.Width, file.Height), (image.Width, image.Height));
            Assert.InRange(image.Height, 1120, 1140);
        }

        var served = await site.BlobAsync(file.PlaybackKey);
        Assert.True(MediaSamples.StartsWith(served, "%PDF-"u8.ToArray()));
        Assert.False(MediaSamples.Contains(served, "Nguyen Van Tac Gia"), "The served PDF still names the author.");
        using var copy = new TempFile();
        await File.WriteAllBytesAsync(copy.Path, served);
        Assert.Contains("Pages:           3", await MediaSamples.RunAsync("pdfinfo", [copy.Path]));
    }

    [Fact]
    public async Task Without_pdftocairo_a_PDF_fails_with_the_reason_instead_of_being_served_with_its_author()
    {
        using var site = new MediaTestSite(settings:
        [
            ("Media:PdfinfoPath", "/nonexistent/pdfinfo"),
            ("Media:PdftoppmPath", "/nonexistent/pdftoppm"),
            ("Media:PdftocairoPath", "/nonexistent/pdftocairo"),
        ]);
        var id = await site.AddMediaAsync(MediaSamples.Pdf(pages: 2, author: "Nguyen Van Tac Gia"), "application/pdf", MediaKind.Document);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal((MediaState.Failed, MediaMessages.PdfCleanerMissing), (file.State, file.Error));
        Assert.Contains("poppler-utils", file.Error);
        Assert.Null(file.PlaybackKey);
        Assert.Empty(site.Store.Writes);
    }

    [Fact]
    public async Task A_PDF_pdftocairo_cannot_rewrite_fails_with_the_reason()
    {
        var tools = Directory.CreateTempSubdirectory("cp-pdftocairo-");
        try
        {
            var broken = Path.Combine(tools.FullName, "pdftocairo");
            await File.WriteAllTextAsync(broken, "#!/bin/sh\necho 'Syntax Error: broken' >&2\nexit 1\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(broken, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            using var site = new MediaTestSite(settings: [("Media:PdftocairoPath", broken)]);
            var id = await site.AddMediaAsync(MediaSamples.Pdf(pages: 1), "application/pdf", MediaKind.Document);

            Assert.True(await site.Processor.ProcessNextAsync());

            var file = await site.FileAsync(id);
            Assert.Equal((MediaState.Failed, MediaMessages.PdfCleanFailed), (file.State, file.Error));
            Assert.Null(file.PlaybackKey);
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_pdfinfo_and_pdftoppm_a_PDF_is_still_cleaned_with_a_page_count_read_from_the_file_and_no_preview()
    {
        using var site = new MediaTestSite(settings:
        [
            ("Media:PdfinfoPath", "/nonexistent/pdfinfo"),
            ("Media:PdftoppmPath", "/nonexistent/pdftoppm"),
        ]);
        var id = await site.AddMediaAsync(MediaSamples.Pdf(pages: 2, author: "Nguyen Van Tac Gia"), "application/pdf", MediaKind.Document);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Ready, file.State);
        Assert.Equal(2, file.PageCount);
        Assert.Null(file.PosterKey);
        Assert.False(MediaSamples.Contains(await site.BlobAsync(file.PlaybackKey), "Nguyen Van Tac Gia"), "The served PDF still names the author.");
    }

    [Fact]
    public async Task A_damaged_PDF_fails_with_a_vietnamese_reason()
    {
        using var site = new MediaTestSite();
        var id = await site.AddMediaAsync("%PDF-1.4\nnot really a pdf"u8.ToArray(), "application/pdf", MediaKind.Document);

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal(MediaState.Failed, file.State);
        Assert.StartsWith("Không đọc được tệp PDF", file.Error);
    }

    [Fact]
    public async Task Evidence_is_processed_like_its_content_a_scan_as_a_photo_and_a_PDF_as_a_document()
    {
        using var site = new MediaTestSite();
        var scan = await site.AddMediaAsync(MediaSamples.Jpeg(1000, 1400), "image/jpeg", MediaKind.Evidence);
        var pdf = await site.AddMediaAsync(MediaSamples.Pdf(pages: 1), "application/pdf", MediaKind.Evidence);

        Assert.True(await site.Processor.ProcessNextAsync());
        Assert.True(await site.Processor.ProcessNextAsync());

        var photo = await site.FileAsync(scan);
        Assert.Equal(MediaState.Ready, photo.State);
        Assert.NotNull(photo.DisplayKey);
        Assert.NotNull(photo.ThumbJpegKey);
        Assert.Null(photo.PlaybackKey);

        var document = await site.FileAsync(pdf);
        Assert.Equal(MediaState.Ready, document.State);
        Assert.Equal(1, document.PageCount);
        Assert.NotNull(document.PlaybackKey);
        Assert.Null(document.DisplayKey);
    }
}
