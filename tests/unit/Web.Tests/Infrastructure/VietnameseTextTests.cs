using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Tests.Infrastructure;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Đổi mới sáng tạo", "doi moi sang tao")]
    [InlineData("ĐIỆN BIÊN", "dien bien")]
    [InlineData("Xã Võ Nhai", "xa vo nhai")]
    [InlineData("Phường Phan Đình Phùng", "phuong phan dinh phung")]
    [InlineData("", "")]
    public void Fold_removes_diacritics_and_folds_d_stroke(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Theory]
    [InlineData("Phát động Cuộc thi 2025!", "phat-dong-cuoc-thi-2025")]
    [InlineData("  --Lễ   trao giải--  ", "le-trao-giai")]
    [InlineData("<script>", "script")]
    public void Slugify_gives_ascii_slugs(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(input));

    [Fact]
    public void Slugify_respects_the_length_limit_without_a_trailing_dash()
    {
        var slug = VietnameseText.Slugify(string.Join(' ', Enumerable.Repeat("sáng tạo", 50)), 20);
        Assert.True(slug.Length <= 20);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void Money_and_dates_use_vietnamese_conventions()
    {
        Assert.Equal("30.000.000 đồng", VietnameseFormat.Money(30_000_000));
        Assert.Equal("31/07/2025", VietnameseFormat.Date(new DateTime(2025, 7, 31, 16, 59, 0, DateTimeKind.Utc)));
        // 17:00 UTC is already the next day in Vietnam (UTC+7).
        Assert.Equal("01/08/2025", VietnameseFormat.Date(new DateTime(2025, 7, 31, 17, 0, 0, DateTimeKind.Utc)));
    }
}
