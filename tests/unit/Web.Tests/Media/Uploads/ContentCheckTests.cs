using System.Text;
using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Uploads;

namespace ContestPlatform.Web.Tests.Media.Uploads;

public sealed class ContentSnifferTests
{
    private static SniffResult Sniff(byte[] bytes) => ContentSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, ContentSniffer.HeaderLength)), bytes.Length);

    private static byte[] Ftyp(string major, params string[] compatible) =>
        [0, 0, 0, (byte)(16 + 4 * compatible.Length), .. "ftyp"u8, .. Encoding.ASCII.GetBytes(major), 0, 0, 2, 0,
         .. compatible.SelectMany(Encoding.ASCII.GetBytes), .. new byte[64]];

    [Fact]
    public void Real_photos_are_recognised_by_their_bytes()
    {
        Assert.Equal(ContentFormat.Jpeg, Sniff(SampleFiles.Jpeg(16, 16)).Format);
        Assert.Equal(ContentFormat.Png, Sniff(SampleFiles.Png(16, 16)).Format);
        Assert.Equal(ContentFormat.WebP, Sniff(SampleFiles.WebP(16, 16)).Format);
        Assert.Equal(ContentFormat.Pdf, Sniff(SampleFiles.Pdf()).Format);
    }

    [Theory]
    [InlineData("isom", ContentFormat.Mp4)]
    [InlineData("iso2", ContentFormat.Mp4)]
    [InlineData("mp41", ContentFormat.Mp4)]
    [InlineData("mp42", ContentFormat.Mp4)]
    [InlineData("avc1", ContentFormat.Mp4)]
    [InlineData("M4V ", ContentFormat.Mp4)]
    [InlineData("qt  ", ContentFormat.QuickTime)]
    public void Iso_media_brands_of_videos_are_accepted(string brand, ContentFormat format)
    {
        var result = Sniff(Ftyp(brand, "isom"));
        Assert.Equal(format, result.Format);
        Assert.True(result.IsVideo);
    }

    [Theory]
    [InlineData("heic")]
    [InlineData("heix")]
    [InlineData("mif1")]
    [InlineData("msf1")]
    public void Heif_photos_are_refused_with_the_iphone_advice(string brand)
    {
        var result = Sniff(Ftyp(brand, "mif1", "heic"));
        Assert.False(result.Accepted);
        Assert.Equal(UploadMessages.Heic, result.Refusal);
    }

    [Fact]
    public void WebM_and_matroska_are_videos()
    {
        Assert.Equal(ContentFormat.WebM, Sniff([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01]).Format);
        Assert.Equal(ContentFormat.Mp4, Sniff(SampleFiles.Mp4()).Format);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html></html>")]
    [InlineData("  \n<html><body>")]
    [InlineData("\uFEFF<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("<?xml version=\"1.0\"?><root/>")]
    [InlineData("<script>alert(1)</script>")]
    public void Markup_is_refused_whatever_the_name_says(string text)
    {
        var result = Sniff(Encoding.UTF8.GetBytes(text));
        Assert.Equal(UploadMessages.Markup, result.Refusal);
    }

    [Fact]
    public void Archives_programs_and_unknown_bytes_are_refused()
    {
        Assert.Equal(UploadMessages.Archive, Sniff(SampleFiles.Zip()).Refusal);
        Assert.Equal(UploadMessages.Archive, Sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).Refusal);
        Assert.Equal(UploadMessages.Executable, Sniff(SampleFiles.WindowsExecutable()).Refusal);
        Assert.Equal(UploadMessages.Executable, Sniff(SampleFiles.LinuxExecutable()).Refusal);
        Assert.Equal(UploadMessages.Executable, Sniff("#!/usr/bin/env python\n"u8.ToArray()).Refusal);
        Assert.Equal(UploadMessages.Executable, Sniff([0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1]).Refusal);
        Assert.Equal(UploadMessages.OtherImage, Sniff("GIF89a\x01\0\x01\0"u8.ToArray()).Refusal);
        Assert.Equal(UploadMessages.Unknown, Sniff("Xin chào, đây là văn bản thường."u8.ToArray()).Refusal);
        Assert.Equal(UploadMessages.Empty, ContentSniffer.Sniff([], 0).Refusal);
    }

    [Fact]
    public void Each_kind_takes_only_its_formats()
    {
        var pdf = Sniff(SampleFiles.Pdf());
        var jpeg = Sniff(SampleFiles.Jpeg(8, 8));
        var webp = Sniff(SampleFiles.WebP(8, 8));
        var mp4 = Sniff(SampleFiles.Mp4());

        Assert.NotNull(ContentSniffer.KindMismatch(MediaKind.Photo, pdf));
        Assert.Null(ContentSniffer.KindMismatch(MediaKind.Photo, webp));
        Assert.NotNull(ContentSniffer.KindMismatch(MediaKind.Video, jpeg));
        Assert.Null(ContentSniffer.KindMismatch(MediaKind.Video, mp4));
        Assert.NotNull(ContentSniffer.KindMismatch(MediaKind.Document, jpeg));
        Assert.Null(ContentSniffer.KindMismatch(MediaKind.Evidence, pdf));
        Assert.Null(ContentSniffer.KindMismatch(MediaKind.Evidence, jpeg));
        Assert.NotNull(ContentSniffer.KindMismatch(MediaKind.Evidence, webp));
        Assert.NotNull(ContentSniffer.KindMismatch(MediaKind.Evidence, mp4));
    }
}

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\boot.ini")]
    [InlineData("C:\\fakepath\\anh.jpg")]
    [InlineData("a/b.jpg")]
    [InlineData("..")]
    [InlineData(" . ")]
    [InlineData("a\u0000b.pdf")]
    [InlineData("a\tb.pdf")]
    [InlineData("a\u007Fb.pdf")]
    public void Paths_and_control_characters_are_problems(string name) =>
        Assert.NotNull(FileNames.Problem(name));

    [Theory]
    [InlineData(255, false)]
    [InlineData(256, true)]
    public void Names_longer_than_255_characters_are_problems(int length, bool refused) =>
        Assert.Equal(refused, FileNames.Problem(new string('a', length - 4) + ".jpg") is not null);

    [Theory]
    [InlineData("Ảnh máy sấy.JPG")]
    [InlineData("anh..cu.jpg")]
    [InlineData(".htaccess")]
    [InlineData("hoa-don\u202Efdp.exe")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_names_are_not_problems(string? name) =>
        Assert.Null(FileNames.Problem(name));

    [Fact]
    public void Length_is_counted_on_the_composed_name()
    {
        var decomposed = string.Concat(Enumerable.Repeat("ệ", 251)).Normalize(NormalizationForm.FormD) + ".pdf";
        Assert.True(decomposed.Length > 255);
        Assert.Null(FileNames.Problem(decomposed));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("C:\\fakepath\\Ảnh máy sấy.JPG", "Ảnh máy sấy.JPG")]
    [InlineData("a\u0000b\u0001c.pdf", "abc.pdf")]
    [InlineData("hoa-don\u202Efdp.exe", "hoa-donfdp.exe")]
    [InlineData("x\u2066y\u2069\u200Bz.png", "xyz.png")]
    [InlineData("  nhiều    khoảng \t\r\n trắng .pdf  ", "nhiều khoảng trắng .pdf")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("ten.", "ten")]
    [InlineData("", "tep")]
    [InlineData("   ", "tep")]
    [InlineData("\u202E\u0000", "tep")]
    [InlineData("../", "tep")]
    [InlineData(null, "tep")]
    public void Names_keep_only_their_readable_last_segment(string? name, string expected) =>
        Assert.Equal(expected, FileNames.Clean(name));

    [Fact]
    public void Decomposed_vietnamese_from_a_mac_is_composed()
    {
        var decomposed = "Thuyết minh.pdf".Normalize(NormalizationForm.FormD);
        Assert.Equal("Thuyết minh.pdf", FileNames.Clean(decomposed));
    }

    [Fact]
    public void Long_names_are_cut_to_150_characters_keeping_the_extension()
    {
        var cleaned = FileNames.Clean(new string('a', 296) + ".jpeg");

        Assert.Equal(150, cleaned.Length);
        Assert.EndsWith("a.jpeg", cleaned);
    }

    [Fact]
    public void Cutting_never_splits_a_letter_from_its_accent_or_a_surrogate_pair()
    {
        var name = string.Concat(Enumerable.Repeat("😀ệ", 100)) + ".png";

        var cleaned = FileNames.Clean(name);

        Assert.True(cleaned.Length <= 150);
        Assert.EndsWith(".png", cleaned);
        Assert.False(char.IsHighSurrogate(cleaned[^5]), "a surrogate pair was cut");
        Assert.Equal(cleaned, cleaned.Normalize(NormalizationForm.FormC));
    }
}

public sealed class MarkupScannerTests
{
    private static bool Scan(byte[] data, int blockSize)
    {
        var scanner = new MarkupScanner();
        for (var i = 0; i < data.Length; i += blockSize)
            scanner.Append(data.AsSpan(i, Math.Min(blockSize, data.Length - i)));
        return scanner.Finish();
    }

    [Theory]
    [InlineData("<html>")]
    [InlineData("<SCRIPT src=x>")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("<iframe src=//x>")]
    [InlineData("<?php system($_GET['c']); ?>")]
    [InlineData("<Body onload=x>")]
    [InlineData("<html")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<IMG/src=x>")]
    [InlineData("<object data=x>")]
    [InlineData("<embed src=x>")]
    [InlineData("<meta http-equiv=refresh>")]
    [InlineData("<link rel=stylesheet href=x>")]
    [InlineData("<style>")]
    [InlineData("<form action=//x>")]
    [InlineData("<base href=//x/>")]
    [InlineData("<video><source onerror=x>")]
    [InlineData("<details open ontoggle=x>")]
    [InlineData("<a href=javascript:x>")]
    [InlineData("<A/HREF=x>")]
    [InlineData("<a\n\t  href=x>")]
    public void Tags_are_found_anywhere_even_across_block_boundaries(string tag)
    {
        var noise = new byte[5000];
        new Random(42).NextBytes(noise);
        for (var i = 0; i < noise.Length; i++)
            if (noise[i] == '<') noise[i] = 0; // keep the noise itself clean
        byte[] data = [.. noise, .. Encoding.ASCII.GetBytes(tag)];
        if (!tag.EndsWith("<html", StringComparison.Ordinal))
            data = [.. data, .. noise];

        foreach (var blockSize in new[] { 1, 2, 3, 7, 8, 64, 4999, 5003, 100_000 })
            Assert.True(Scan(data, blockSize), $"{tag} missed with blocks of {blockSize}");
    }

    [Theory]
    [InlineData("<svgx")]
    [InlineData("<htm>")]
    [InlineData("<bodyguard>")]
    [InlineData("< script>")]
    [InlineData("<scrip")]
    [InlineData("<imgx")]
    [InlineData("<a>")]
    [InlineData("<a title=x>")]
    [InlineData("<abbr>")]
    [InlineData("<ahref>")]
    [InlineData("<metadata>")]
    public void Look_alikes_that_no_browser_reads_as_those_tags_pass(string text)
    {
        Assert.False(Scan(Encoding.ASCII.GetBytes($"xx{text}yy"), 3));
    }

    [Fact]
    public void An_anchor_counts_only_with_an_href_close_after_it()
    {
        Assert.True(Scan(Encoding.ASCII.GetBytes("xx<a" + new string(' ', 40) + "href=x>yy"), 5));
        // Further away the scanner cannot decide within its window; nothing else of the tag could run without a link.
        Assert.False(Scan(Encoding.ASCII.GetBytes("xx<a" + new string(' ', 41) + "href=x>yy"), 5));
    }

    [Fact]
    public void Photos_from_a_camera_are_clean()
    {
        Assert.False(Scan(SampleFiles.Jpeg(1000, 800), 128 * 1024));
        Assert.False(Scan(SampleFiles.Png(400, 300), 4096));
    }
}
