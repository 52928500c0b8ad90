using System.Globalization;

namespace ContestPlatform.Web.Awards;

/// <summary>
/// Amounts of money in Vietnamese đồng as figures (<c>30.000.000 đồng</c>) and in words
/// (<c>Ba mươi triệu đồng</c>), the way prizes, MoU values and decisions print them.
/// </summary>
/// <remarks>
/// <para>The words follow the rule Vietnamese accounting software and banks use for
/// “số tiền bằng chữ”:</para>
/// <list type="number">
/// <item>The number is cut into groups of three digits from the right, named (none), <c>nghìn</c>,
/// <c>triệu</c>; every nine digits make a <c>tỷ</c>, so the part above a billion is read the same way
/// and followed by <c>tỷ</c> (1 500 000 000 000 → “một nghìn năm trăm tỷ”; 10^18 → “một tỷ tỷ”).</item>
/// <item>A group of three zeros is skipped together with its name (2 000 500 → “hai triệu năm trăm”).</item>
/// <item>The leading (leftmost) group is read without its leading zeros (5 → “năm”, 15 → “mười lăm”).
/// Every later group that is not all zeros is read with all three digits, so a zero hundreds digit
/// reads “không trăm” (1 005 → “một nghìn không trăm linh năm”; 5 025 110 → “năm triệu không trăm hai
/// mươi lăm nghìn một trăm mười”).</item>
/// <item>Tens digit 0 with a units digit after a hundreds digit: “linh” (not “lẻ”) and the digit
/// (105 → “một trăm linh năm”, 101 → “một trăm linh một”, 104 → “một trăm linh bốn”).</item>
/// <item>Tens digit 1: “mười” (not “một mươi”); units 5 after it is “lăm” (15 → “mười lăm”), units 1 stays
/// “một” (11 → “mười một”), units 4 stays “bốn” (14 → “mười bốn”).</item>
/// <item>Tens digit 2–9: “… mươi”; units 1 is “mốt” (21 → “hai mươi mốt”), units 4 is “tư”
/// (24 → “hai mươi tư”), units 5 is “lăm” (25 → “hai mươi lăm”).</item>
/// <item>Zero alone is “không”. Thousands are “nghìn” (not “ngàn”), billions “tỷ”. The first letter is
/// capitalised and the text ends with “ đồng”.</item>
/// </list>
/// </remarks>
public static class VietnameseMoney
{
    private static readonly string[] Digits =
        ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    private static readonly string[] GroupNames = ["", "nghìn", "triệu"];

    private const long Billion = 1_000_000_000;

    /// <summary>The amount in figures with dots between thousands: <c>30.000.000 đồng</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public static string Format(long dong)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dong);
        var figures = dong.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        return figures + " đồng";
    }

    /// <summary>
    /// The amount in words, capitalised, ending in <c> đồng</c>: <c>Ba mươi triệu đồng</c>. See the
    /// remarks on <see cref="VietnameseMoney"/> for the reading rule.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public static string ToWords(long dong)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dong);
        var words = new List<string>();
        if (dong == 0)
            words.Add(Digits[0]);
        else
            AppendNumber(words, dong, leading: true);
        words.Add("đồng");

        var text = string.Join(' ', words);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Reads a positive number; <paramref name="leading"/> says nothing stands before it.</summary>
    private static void AppendNumber(List<string> words, long number, bool leading)
    {
        var billions = number / Billion;
        var below = number % Billion;
        if (billions > 0)
        {
            AppendNumber(words, billions, leading);
            words.Add("tỷ");
            leading = false;
        }
        if (below > 0)
            AppendBelowBillion(words, (int)below, leading);
    }

    private static void AppendBelowBillion(List<string> words, int number, bool leading)
    {
        for (var group = 2; group >= 0; group--)
        {
            var divisor = group switch { 2 => 1_000_000, 1 => 1_000, _ => 1 };
            var digits = number / divisor % 1000;
            if (digits == 0)
                continue;
            AppendGroup(words, digits, leading);
            if (GroupNames[group].Length > 0)
                words.Add(GroupNames[group]);
            leading = false;
        }
    }

    /// <summary>Reads 1–999; a group that is not leading reads all three digits (“không trăm”, “linh”).</summary>
    private static void AppendGroup(List<string> words, int number, bool leading)
    {
        var hundreds = number / 100;
        var tens = number / 10 % 10;
        var units = number % 10;
        var readHundreds = hundreds > 0 || !leading;

        if (readHundreds)
        {
            words.Add(Digits[hundreds]);
            words.Add("trăm");
        }

        switch (tens)
        {
            case 0:
                if (units == 0)
                    return;
                if (readHundreds)
                    words.Add("linh");
                words.Add(Digits[units]);
                return;
            case 1:
                words.Add("mười");
                break;
            default:
                words.Add(Digits[tens]);
                words.Add("mươi");
                break;
        }

        switch (units)
        {
            case 0:
                break;
            case 1:
                words.Add(tens == 1 ? "một" : "mốt");
                break;
            case 4:
                words.Add(tens == 1 ? "bốn" : "tư");
                break;
            case 5:
                words.Add("lăm");
                break;
            default:
                words.Add(Digits[units]);
                break;
        }
    }
}
