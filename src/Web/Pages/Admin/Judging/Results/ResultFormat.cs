using System.Globalization;
using Microsoft.AspNetCore.Html;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Pages.Admin.Judging.Results;

/// <summary>How the results pages write numbers: Vietnamese decimal comma, a real minus sign, "—" for undefined.</summary>
public static class ResultFormat
{
    private static readonly CultureInfo Culture = VietnameseFormat.Culture;

    /// <summary>Points with up to 2 decimals: 12,5 · 70 · 66,67.</summary>
    public static string Score(decimal value) => value.ToString("0.##", Culture);

    /// <summary>A deviation with its sign: +3,5 · −12 · 0.</summary>
    public static string Signed(decimal value) =>
        value > 0 ? "+" + Score(value) : value < 0 ? "−" + Score(-value) : "0";

    /// <summary>A coefficient to 2 decimals, or "—" when it is undefined.</summary>
    public static string Statistic(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.00", Culture).Replace("-", "−") : "—";

    /// <summary>
    /// "DMST 14 · HQ 20,6 · KNAD 20,6", each criterion in a span of its own so a narrow column wraps between
    /// criteria and never inside one.
    /// </summary>
    public static IHtmlContent CriterionMeans(IEnumerable<(string Code, decimal Points)> means)
    {
        var html = new HtmlContentBuilder();
        foreach (var (code, points) in means)
        {
            if (html.Count > 0)
                html.Append(" · ");
            html.AppendHtml("<span class=\"criterion-mean\">").Append($"{code} {Score(points)}").AppendHtml("</span>");
        }
        return html;
    }

    public static string Count(long value) => value.ToString("#,0", Culture);

    /// <summary>A plain reading of a coefficient on the usual scale (Koo &amp; Li 2016 for ICC; the same bands read well for W).</summary>
    public static string Reading(double? value) => value switch
    {
        null => "không xác định (quá ít dữ liệu hoặc mọi điểm bằng nhau)",
        >= 0.9 => "rất tốt",
        >= 0.75 => "tốt",
        >= 0.5 => "trung bình",
        _ => "yếu",
    };

    public static string RoundState(RoundState state) => state switch
    {
        Council.RoundState.Draft => "Đang chuẩn bị",
        Council.RoundState.Open => "Đang chấm",
        Council.RoundState.Closed => "Đã kết thúc",
        _ => state.ToString(),
    };
}
