using ContestPlatform.Web.Awards;

namespace ContestPlatform.Web.Tests.Awards;

/// <summary>Prize amounts print as figures with dots and as words read the way Vietnamese accounting software reads them.</summary>
public sealed class VietnameseMoneyTests
{
    [Theory]
    [InlineData(0, "0 đồng")]
    [InlineData(5, "5 đồng")]
    [InlineData(999, "999 đồng")]
    [InlineData(1_000, "1.000 đồng")]
    [InlineData(1_250_000, "1.250.000 đồng")]
    [InlineData(30_000_000, "30.000.000 đồng")]
    [InlineData(1_500_000_000_000, "1.500.000.000.000 đồng")]
    [InlineData(long.MaxValue, "9.223.372.036.854.775.807 đồng")]
    public void Figures_use_dots_between_thousands(long dong, string expected) =>
        Assert.Equal(expected, VietnameseMoney.Format(dong));

    [Theory]
    // Zero and single digits.
    [InlineData(0, "Không")]
    [InlineData(1, "Một")]
    [InlineData(4, "Bốn")]
    [InlineData(5, "Năm")]
    [InlineData(9, "Chín")]
    // Tens: mười, mốt, tư, lăm.
    [InlineData(10, "Mười")]
    [InlineData(11, "Mười một")]
    [InlineData(14, "Mười bốn")]
    [InlineData(15, "Mười lăm")]
    [InlineData(20, "Hai mươi")]
    [InlineData(21, "Hai mươi mốt")]
    [InlineData(24, "Hai mươi tư")]
    [InlineData(25, "Hai mươi lăm")]
    [InlineData(50, "Năm mươi")]
    [InlineData(55, "Năm mươi lăm")]
    [InlineData(91, "Chín mươi mốt")]
    [InlineData(99, "Chín mươi chín")]
    // Hundreds: linh before a lone units digit.
    [InlineData(100, "Một trăm")]
    [InlineData(101, "Một trăm linh một")]
    [InlineData(104, "Một trăm linh bốn")]
    [InlineData(105, "Một trăm linh năm")]
    [InlineData(110, "Một trăm mười")]
    [InlineData(111, "Một trăm mười một")]
    [InlineData(115, "Một trăm mười lăm")]
    [InlineData(121, "Một trăm hai mươi mốt")]
    [InlineData(505, "Năm trăm linh năm")]
    [InlineData(555, "Năm trăm năm mươi lăm")]
    // A later group reads all three digits: không trăm.
    [InlineData(1_000, "Một nghìn")]
    [InlineData(1_005, "Một nghìn không trăm linh năm")]
    [InlineData(1_010, "Một nghìn không trăm mười")]
    [InlineData(1_025, "Một nghìn không trăm hai mươi lăm")]
    [InlineData(1_500, "Một nghìn năm trăm")]
    [InlineData(15_000, "Mười lăm nghìn")]
    [InlineData(21_000, "Hai mươi mốt nghìn")]
    [InlineData(505_515, "Năm trăm linh năm nghìn năm trăm mười lăm")]
    // Millions; groups of zeros are skipped.
    [InlineData(1_000_000, "Một triệu")]
    [InlineData(1_000_005, "Một triệu không trăm linh năm")]
    [InlineData(1_050_000, "Một triệu không trăm năm mươi nghìn")]
    [InlineData(1_250_000, "Một triệu hai trăm năm mươi nghìn")]
    [InlineData(2_000_500, "Hai triệu năm trăm")]
    [InlineData(5_025_110, "Năm triệu không trăm hai mươi lăm nghìn một trăm mười")]
    [InlineData(3_000_000, "Ba triệu")]
    [InlineData(5_000_000, "Năm triệu")]
    [InlineData(10_000_000, "Mười triệu")]
    [InlineData(15_000_000, "Mười lăm triệu")]
    [InlineData(20_000_000, "Hai mươi triệu")]
    [InlineData(30_000_000, "Ba mươi triệu")]
    [InlineData(999_999_999, "Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín")]
    // Billions, and billions of billions.
    [InlineData(1_000_000_000, "Một tỷ")]
    [InlineData(1_000_000_001, "Một tỷ không trăm linh một")]
    [InlineData(1_505_555_005, "Một tỷ năm trăm linh năm triệu năm trăm năm mươi lăm nghìn không trăm linh năm")]
    [InlineData(1_500_000_000_000, "Một nghìn năm trăm tỷ")]
    [InlineData(1_000_000_005_000, "Một nghìn tỷ không trăm linh năm nghìn")]
    [InlineData(25_000_000_000_000, "Hai mươi lăm nghìn tỷ")]
    [InlineData(1_000_000_000_000_000_000, "Một tỷ tỷ")]
    [InlineData(long.MaxValue, "Chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ " +
                               "tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy")]
    public void Words_follow_the_accounting_reading_rule(long dong, string expected) =>
        Assert.Equal(expected + " đồng", VietnameseMoney.ToWords(dong));

    [Fact]
    public void Thousands_are_nghin_and_billions_ty()
    {
        var words = VietnameseMoney.ToWords(2_003_004_005_006);
        Assert.Contains("nghìn", words);
        Assert.Contains("tỷ", words);
        Assert.DoesNotContain("ngàn", words);
        Assert.DoesNotContain("tỉ", words);
        Assert.DoesNotContain("lẻ", words);
    }

    [Fact]
    public void Negative_amounts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseMoney.ToWords(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseMoney.Format(-30_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseMoney.ToWords(long.MinValue));
    }

    [Fact]
    public void Random_amounts_read_cleanly_and_parse_back_to_themselves()
    {
        var random = new Random(20251215);
        for (var i = 0; i < 2_000; i++)
        {
            // Spread over every magnitude, with runs of zeros that exercise skipped groups and "không trăm".
            var digits = random.Next(1, 20);
            var value = digits == 19 ? random.NextInt64(long.MaxValue) : random.NextInt64(Pow10(digits));
            if (random.Next(3) == 0)
                value -= value % Pow10(random.Next(0, digits));

            var words = VietnameseMoney.ToWords(value);
            Assert.False(words.Contains("  "), $"{value}: double space in “{words}”");
            Assert.Equal(words.Trim(), words);
            Assert.True(char.IsUpper(words[0]), $"{value}: “{words}” must start with a capital");
            Assert.EndsWith(" đồng", words);
            Assert.Equal(value, WordsParser.Parse(words));
        }
    }

    [Fact]
    public void Every_number_up_to_ten_thousand_parses_back_to_itself()
    {
        for (var value = 0; value <= 10_000; value++)
            Assert.Equal(value, WordsParser.Parse(VietnameseMoney.ToWords(value)));
    }

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }

    /// <summary>
    /// Reads the words back into a number, accepting only the shapes the rule allows (e.g. "mốt" only after
    /// "mươi", "linh" only after "trăm"), so a round trip checks the grammar as well as the value.
    /// </summary>
    private static class WordsParser
    {
        private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

        public static long Parse(string text)
        {
            Assert.EndsWith(" đồng", text);
            var words = text[..^" đồng".Length].ToLowerInvariant().Split(' ');
            return words is ["không"] ? 0 : Number(words, leading: true);
        }

        private static long Number(ReadOnlySpan<string> words, bool leading)
        {
            var ty = words.LastIndexOf("tỷ");
            if (ty >= 0)
                return Number(words[..ty], leading) * 1_000_000_000 + (ty + 1 < words.Length ? BelowBillion(words[(ty + 1)..], false) : 0);
            return BelowBillion(words, leading);
        }

        private static long BelowBillion(ReadOnlySpan<string> words, bool leading)
        {
            long total = 0;
            foreach (var (name, size) in new[] { ("triệu", 1_000_000L), ("nghìn", 1_000L) })
            {
                var at = words.IndexOf(name);
                if (at < 0)
                    continue;
                total += Group(words[..at], leading) * size;
                words = words[(at + 1)..];
                leading = false;
            }
            return words.Length > 0 ? total + Group(words, leading) : total;
        }

        private static int Group(ReadOnlySpan<string> words, bool leading)
        {
            Assert.True(words.Length > 0, "a group name with no digits before it");
            Assert.True(leading || words is [_, "trăm", ..], $"a later group must read its hundreds: {string.Join(' ', words.ToArray())}");
            Assert.True(!leading || words[0] != "không", "a number does not start with “không”");
            var value = 0;
            if (words.Length >= 2 && words[1] == "trăm")
            {
                value = Digit(words[0]) * 100;
                words = words[2..];
                if (words is ["linh", var unit])
                {
                    Assert.NotEqual("không", unit);
                    return value + Digit(unit);
                }
            }
            if (words.Length == 0)
                return value;
            int tens;
            if (words[0] == "mười")
            {
                tens = 1;
                words = words[1..];
            }
            else if (words.Length >= 2 && words[1] == "mươi")
            {
                tens = Digit(words[0]);
                Assert.True(tens >= 2, "“một mươi” and “không mươi” are not read");
                words = words[2..];
            }
            else
            {
                Assert.True(words.Length == 1, $"unexpected words: {string.Join(' ', words.ToArray())}");
                Assert.True(value == 0, "a units digit right after “trăm” needs “linh”");
                Assert.NotEqual("không", words[0]);
                return Digit(words[0]);
            }
            value += tens * 10;
            if (words.Length == 0)
                return value;
            Assert.True(words.Length == 1, $"unexpected words: {string.Join(' ', words.ToArray())}");
            return value + words[0] switch
            {
                "mốt" when tens >= 2 => 1,
                "một" when tens == 1 => 1,
                "tư" when tens >= 2 => 4,
                "bốn" when tens == 1 => 4,
                "lăm" => 5,
                "năm" or "không" => throw new Xunit.Sdk.XunitException($"“{words[0]}” cannot follow tens"),
                var other => Digit(other) is var d && d is 1 or 4 ? throw new Xunit.Sdk.XunitException($"wrong form of {d}") : Digit(other),
            };
        }

        private static int Digit(string word)
        {
            var digit = Array.IndexOf(Digits, word);
            Assert.True(digit >= 0, $"“{word}” is not a digit");
            return digit;
        }
    }
}
